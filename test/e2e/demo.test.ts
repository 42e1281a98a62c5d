import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bothVerifiers } from '../helpers/bundle.js';
import { ssj, tempDir } from '../helpers/cli.js';

describe('ssj demo', () => {
  const t = tempDir('ssj-demo-');
  afterAll(t.cleanup);

  it.each([
    ['en', /Done in [\d.]+ s/, /verify the bundle/, /Try next/],
    ['zh', /完成，用时 [\d.]+ 秒/, /核验核验包/, /接下来可以试试/],
  ] as const)('runs the whole job in a new directory (%s)', async (lang, done, step, next) => {
    const dir = `demo-${lang}`;
    const r = await ssj(t.dir, ['--lang', lang, 'demo', '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(done);
    expect(r.stderr).toMatch(step);
    expect(r.stdout).toMatch(next);
    const d = join(t.dir, dir);
    for (const f of ['ssj.db', '2024Q1-预告.txt', '2024Q1-公告.html', 'bundle-2024Q1/manifest.json', 'site/index.html'])
      expect(existsSync(join(d, f)), f).toBe(true);
    // The demo's recusal is in the published bundle, and the bundle verifies on its own.
    expect(readFileSync(join(d, 'bundle-2024Q1', 'events.csv'), 'utf8').split('\n')[1]).toMatch(/^1,recusal,/);
    const v = await ssj(d, ['verify', 'bundle-2024Q1']);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    // #14 "Done when": the demo runs a joint plan with experts (SSJ-2) and verifies it, here with both verifiers.
    const joint = join(d, 'bundle-2024LH1');
    expect(JSON.parse(readFileSync(join(joint, 'manifest.json'), 'utf8'))).toMatchObject({
      format: 'ssj-bundle/2',
      algorithm: 'SSJ-2',
    });
    const teams = readFileSync(join(joint, 'teams.csv'), 'utf8');
    for (const group of [',青禾县应急管理局,', ',青禾县市场监督管理局,', ',experts,']) expect(teams).toContain(group);
    expect(readFileSync(join(joint, 'events.csv'), 'utf8').split('\n')[1]).toMatch(/^1,reassign,.*,身体原因$/);
    const both = await bothVerifiers(joint);
    expect(both.ssj.code, both.ssj.stdout + both.ssj.stderr).toBe(0);
    expect(both.py.code, both.py.stdout + both.py.stderr).toBe(0);
    // #15: the frozen plan pre-announced its seed rule; the unannounced plan committed a secret, revealed with its
    // bundle, which verifies.
    expect(readFileSync(join(d, '2024Q1-预告.txt'), 'utf8')).toMatch(/RFC 3797/);
    const pre2 = readFileSync(join(d, '2024Q2-预告.txt'), 'utf8');
    const commitment = /SHA-256\): ([0-9a-f]{64})/.exec(pre2)?.[1];
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    const m2 = JSON.parse(readFileSync(join(d, 'bundle-2024Q2', 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(m2.secretCommitment).toBe(commitment);
    expect(m2.seedSecret).toMatch(/^[0-9a-f]{64}$/);
    const v2 = await ssj(d, ['verify', 'bundle-2024Q2']);
    expect(v2.code, v2.stdout + v2.stderr).toBe(0);
    const audit = await ssj(d, ['audit', 'verify']);
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
  });

  it('refuses a directory that is not empty (exit 5) and changes nothing there', async () => {
    const r = await ssj(t.dir, ['demo', '--dir', 'demo-en']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/not empty/);
  });
});
