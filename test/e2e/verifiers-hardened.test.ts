import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBundle } from '../../src/app/export-bundle.js';
import { openDb } from '../../src/db/open.js';
import { bothVerifiers, pyVerify, readBundle, writeBundleDir } from '../helpers/bundle.js';
import { tempDir } from '../helpers/cli.js';
import { storeDrawnInput } from '../helpers/drawn-db.js';
import { syntheticInput } from '../helpers/protocol.js';

/**
 * Issue 13, finding 12: docs/verify.py failed on genuine bundles `ssj verify` accepts (a 200,004-character name
 * hit the csv module's field limit); `ssj verify` followed a symlinked bundle file and let an extra subfolder
 * pass; a manifest whose frozenAt is after its drawnAt was shown beside VERIFIED.
 */

let tmp: { dir: string; cleanup: () => void };
let plain: string;
let longName: string;
beforeAll(() => {
  tmp = tempDir('ssj-verifiers-');
  const input = syntheticInput(40, 12);
  // A name far beyond what import accepts today, stored straight: bundles written before the limit exist.
  const long = {
    ...input,
    pool: input.pool.map((e, i) => (i === 0 ? { ...e, name: `长${'名'.repeat(200_003)}` } : e)),
  };
  expect(long.pool[0]!.name.length).toBe(200_004);
  const db1 = openDb(join(tmp.dir, 'long.db'));
  storeDrawnInput(db1, long, { frozenAt: '2024-01-05T02:00:00.000Z' });
  longName = writeBundle(db1, 'T1', join(tmp.dir, 'long')).dir;
  db1.close();
  const db2 = openDb(join(tmp.dir, 'plain.db'));
  storeDrawnInput(db2, input, { frozenAt: '2024-01-05T02:00:00.000Z', title: '测试计划' });
  plain = writeBundle(db2, 'T1', join(tmp.dir, 'plain')).dir;
  db2.close();
});
afterAll(() => tmp?.cleanup());

describe('finding 12: verifiers hardened', () => {
  it('docs/verify.py verifies a bundle with a 200,004-character name (and so does ssj verify)', async () => {
    const r = await bothVerifiers(longName);
    expect(r.py.stderr).toBe('');
    expect(r.py.code).toBe(0);
    expect(r.py.stdout).toMatch(/^VERIFIED/);
    expect(r.ssj.code).toBe(0);
  });

  it('both refuse a symlinked file and an extra subfolder (never read what a link points at)', async () => {
    const b = readBundle(plain);
    const linked = writeBundleDir(join(tmp.dir, 'linked'), new Map([...b].filter(([n]) => n !== 'items.csv')));
    symlinkSync(join(plain, 'items.csv'), join(linked, 'items.csv'));
    const sub = writeBundleDir(join(tmp.dir, 'sub'), b);
    mkdirSync(join(sub, 'extra'));
    writeFileSync(join(sub, 'extra', 'note.txt'), 'x');
    for (const dir of [linked, sub]) {
      const r = await bothVerifiers(dir);
      expect({ dir, ssj: r.ssj.code, py: r.py.code }).toEqual({ dir, ssj: 3, py: 3 });
      expect(r.ssj.stdout).not.toMatch(/VERIFIED/);
    }
  });

  it('both fail a manifest whose frozenAt is not before drawnAt, and print title, source and times as claims', async () => {
    const ok = await bothVerifiers(plain);
    expect(ok.ssj.code).toBe(0);
    expect(ok.ssj.stdout).toMatch(/Claims of the manifest[^\n]*\n(.*\n)*\s+Title: 测试计划/);
    expect(ok.py.stdout).toMatch(/claims of the manifest[^\n]*\n(.*\n)*\s+title: 测试计划/);
    const b = readBundle(plain);
    const m = JSON.parse(b.get('manifest.json')!) as Record<string, unknown>;
    b.set('manifest.json', `${JSON.stringify({ ...m, frozenAt: '2024-02-01T00:00:00.000Z' }, null, 2)}\n`);
    const r = await bothVerifiers(writeBundleDir(join(tmp.dir, 'late-freeze'), b));
    expect(r.ssj.code).toBe(1);
    expect(r.ssj.stdout).toMatch(/frozen at 2024-02-01/);
    expect(r.py.code).toBe(1);
    expect(r.py.stdout).toMatch(/frozenAt 2024-02-01T00:00:00.000Z is not before drawnAt/);
  });

  it('docs/verify.py says so when a file is over its size limit', () => {
    const r = pyVerify(plain, { SSJ_VERIFY_MAX_BYTES: '100' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/over the limit of 100: set SSJ_VERIFY_MAX_BYTES/);
    expect(readFileSync(join(plain, 'manifest.json'), 'utf8')).toContain('"format"');
  });
});
