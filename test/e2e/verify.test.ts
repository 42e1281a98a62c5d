import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/open.js';
import { writeBundle } from '../../src/app/export-bundle.js';
import {
  bothVerifiers,
  pyVerify,
  readBundle,
  rehash,
  rows,
  storeSyntheticDrawWithEvents,
  TAMPERS,
  tampered,
  writeBundleDir,
  type Bundle,
} from '../helpers/bundle.js';
import { ssj, tempDir } from '../helpers/cli.js';

/**
 * Both verifiers (ssj verify and docs/verify.py) on one bundle with every event type, and on each forgery of
 * issue 5. The bundle is stored straight into a database (test/helpers/bundle.ts), so this needs no roster import.
 */
let dir: string;
let cleanup: () => void;
let bundleDir: string;
let original: Bundle;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('ssj-verify-'));
  const db = openDb(join(dir, 'ssj.db'));
  storeSyntheticDrawWithEvents(db);
  bundleDir = writeBundle(db, 'T1', join(dir, 'bundle')).dir;
  db.close();
  original = readBundle(bundleDir);
});
afterAll(() => cleanup());

describe('a fresh bundle', () => {
  it('verifies with both verifiers, in English and Chinese', async () => {
    const { ssj: ts, py } = await bothVerifiers(bundleDir);
    expect(ts.code, ts.stderr).toBe(0);
    expect(ts.stdout).toMatch(/^VERIFIED: the draw of plan T1/);
    expect(ts.stdout).toContain('Seed: synthetic seed 2024');
    expect(ts.stdout).toContain(`Pool hash: ${JSON.parse(original.get('manifest.json')!).poolHash}`);
    expect(ts.stdout).toContain('Events replayed: 5');
    expect(py.code, py.stderr).toBe(0);
    expect(py.stdout).toMatch(/^VERIFIED: plan T1/);
    expect(py.stdout).toContain('events replayed: 5');
    const zh = (await bothVerifiers(bundleDir, 'zh')).ssj;
    expect(zh.stdout).toMatch(/^核验通过：计划 T1/);
    expect(zh.stdout).toContain('已重放事件: 5');
  });

  it('--json gives the verdict, the differences and the summary', async () => {
    const r = await ssj(dir, ['verify', bundleDir, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      verified: true,
      differences: [],
      summary: { planId: 'T1', seed: 'synthetic seed 2024', events: 5 },
    });
  });
});

describe('every forgery is detected by both verifiers', () => {
  it.each(TAMPERS.map((t, i) => [t.name, i] as const))('%s', async (_name, i) => {
    const d = writeBundleDir(join(dir, `tampered-${i}`), tampered(original, TAMPERS[i]!));
    const { ssj: ts, py } = await bothVerifiers(d);
    expect(ts.code, ts.stdout + ts.stderr).toBe(1);
    expect(ts.stdout).toMatch(/^FAILED: \d+ difference/);
    expect(py.code, py.stdout + py.stderr).toBe(1);
    expect(py.stdout).toMatch(/^FAILED: \d+ difference/);
    const zh = (await bothVerifiers(d, 'zh')).ssj;
    expect(zh.stdout).toMatch(/^核验未通过/);
    const json = JSON.parse((await ssj(dir, ['verify', d, '--json'])).stdout);
    expect(json.verified).toBe(false);
    expect(json.differences[0].message).toBeTruthy();
  });

  it('names the edited file when the manifest was not updated', async () => {
    const t = TAMPERS.find((x) => !x.rehash)!;
    const d = writeBundleDir(join(dir, 'edited'), tampered(original, t));
    const { ssj: ts, py } = await bothVerifiers(d);
    expect(ts.stdout).toMatch(/manifest: selection\.csv has SHA-256 \w+, not \w+ as manifest\.json says/);
    expect(py.stdout).toMatch(/manifest: selection\.csv has SHA-256/);
  });
});

describe('both verifiers agree on subtler edits', () => {
  it.each([
    [
      'a field quoted that needs no quotes',
      (b: Bundle) => b.set('events.csv', b.get('events.csv')!.replace('\n1,', '\n"1",')),
    ],
    [
      'a conflict listed twice',
      (b: Bundle) => {
        const listed = new Set(rows(b, 'selection.csv').map((r) => r.uscc));
        const outsider = rows(b, 'pool-enterprises.csv').find((e) => !listed.has(e.uscc))!.uscc!;
        const row = `${rows(b, 'pool-inspectors.csv')[0]!.certNo},${outsider}\n`;
        b.set('conflicts.csv', b.get('conflicts.csv')! + row + row);
      },
    ],
    ['an extra file in the bundle', (b: Bundle) => b.set('README.txt', 'extra\n')],
    [
      'inspectors out of order',
      (b: Bundle) => {
        const [h, ...rest] = b.get('pool-inspectors.csv')!.trimEnd().split('\n');
        b.set('pool-inspectors.csv', `${[h, ...rest.reverse()].join('\n')}\n`);
      },
    ],
  ] as const)('%s: both FAILED', async (name, edit) => {
    const b = new Map(original);
    edit(b);
    rehash(b);
    const d = writeBundleDir(join(dir, `subtle-${name.replace(/\W+/g, '-')}`), b);
    const { ssj: ts, py } = await bothVerifiers(d);
    expect(ts.code, ts.stdout + ts.stderr).toBe(1);
    expect(py.code, py.stdout + py.stderr).toBe(1);
  });
});

describe('what is not a bundle is an error, not a crash', () => {
  const variant = (name: string, edit: (b: Bundle) => void) => {
    const b = new Map(original);
    edit(b);
    return writeBundleDir(join(dir, name), b);
  };
  it('a missing directory: exit 4', async () => {
    const { ssj: ts, py } = await bothVerifiers(join(dir, 'no-such-dir'));
    expect(ts.code).toBe(4);
    expect(ts.stderr).toMatch(/Bundle directory not found: .*no-such-dir/);
    expect(py.code).toBe(4);
  });
  it.each([
    ['no manifest', (b: Bundle) => b.delete('manifest.json'), /There is no manifest\.json in/],
    ['a missing file', (b: Bundle) => b.delete('teams.csv'), /The bundle has no teams\.csv/],
    [
      'a manifest that is not JSON',
      (b: Bundle) => b.set('manifest.json', '{ nope'),
      /manifest\.json is not valid JSON/,
    ],
    [
      'an unknown protocol',
      (b: Bundle) => b.set('manifest.json', b.get('manifest.json')!.replace('"SSJ-1"', '"SSJ-9"')),
      /protocol "SSJ-9", which this program does not know/,
    ],
    [
      'a wrong header',
      (b: Bundle) => b.set('items.csv', b.get('items.csv')!.replace('code,', 'id,')),
      /items\.csv line 1 \(the header\) should be "code,name,industries"/,
    ],
  ] as const)('%s: exit 3 with a clear message', async (name, edit, message) => {
    const d = variant(name.replace(/\W+/g, '-'), edit);
    const { ssj: ts, py } = await bothVerifiers(d);
    expect(ts.code, ts.stderr).toBe(3);
    expect(ts.stderr).toMatch(message);
    expect(ts.stderr).not.toMatch(/Internal error|at .*\.js:\d+/);
    expect(py.code, py.stderr).toBe(3);
    expect(py.stderr).toMatch(/^error: /);
    expect(py.stderr).not.toContain('Traceback');
  });
  it('a file that is not UTF-8: exit 3', async () => {
    const d = variant('gbk', () => {});
    writeFileSync(join(d, 'items.csv'), Buffer.from([0x63, 0x6f, 0x64, 0x65, 0xb0, 0xb2, 0x0a]));
    const { ssj: ts, py } = await bothVerifiers(d);
    expect(ts.code).toBe(3);
    expect(ts.stderr).toMatch(/items\.csv is not UTF-8/);
    expect(py.code).toBe(3);
  });
});

describe('ssj export bundle', () => {
  it('writes the same bytes as bundleFiles, and refuses a directory holding other files', async () => {
    const out = join(dir, 'exported');
    const r = await ssj(dir, ['export', 'bundle', '--plan', 'T1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Wrote the verification bundle of plan T1 (10 files)');
    expect(readBundle(out)).toEqual(original);
    expect((await ssj(dir, ['export', 'bundle', '--plan', 'T1', '--out', out])).code).toBe(0); // again over itself
    writeFileSync(join(out, 'notes.txt'), 'x');
    const again = await ssj(dir, ['export', 'bundle', '--plan', 'T1', '--out', out]);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain('notes.txt');
  });

  it('an unknown plan is not found (exit 4); a plan not drawn is refused (exit 5)', async () => {
    expect((await ssj(dir, ['export', 'bundle', '--plan', 'NOPE', '--out', join(dir, 'x')])).code).toBe(4);
    const { dir: other, cleanup: done } = tempDir();
    try {
      const db = openDb(join(other, 'ssj.db'));
      storeSyntheticDrawWithEvents(db);
      db.prepare(`UPDATE draws SET status = 'void'`).run();
      db.close();
      const r = await ssj(other, ['export', 'bundle', '--plan', 'T1', '--out', join(other, 'b')]);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('Plan "T1" has not been drawn');
    } finally {
      done();
    }
  });
});

describe('docs/verify.py stays a short read', () => {
  // Under 250 lines per protocol: SSJ-1 and SSJ-2 (Part II of docs/ALGORITHM.md) share one file an auditor downloads.
  it('is under 500 lines for its two protocols and imports only the standard library', () => {
    const src = readFileSync(join(__dirname, '..', '..', 'docs', 'verify.py'), 'utf8');
    expect(src.split('\n').length).toBeLessThan(500);
    const imports = [...src.matchAll(/^(?:import ([\w., ]+)|from ([\w.]+) import)/gm)].flatMap((m) =>
      (m[1] ?? m[2]!).split(',').map((x) => x.trim()),
    );
    expect(imports.sort()).toEqual([
      'collections',
      'csv',
      'fractions',
      'hashlib',
      'io',
      'json',
      'math',
      'os',
      're',
      'sys',
      'unicodedata',
    ]);
    expect(pyVerify('').code).not.toBe(0);
  });
});
