import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { pyVerify } from '../helpers/bundle.js';
import { listFiles, NOW_AFTER_Q2, NOW_IN_Q2, runner } from './export-fixture.js';

/**
 * A database made before new plans drew under SSJ-2 by default (README "Which protocol a plan draws under"):
 * test/golden/pre-ssj2-default/ssj.db.gz is the export fixture (test/helpers/export-template.ts) as the code at
 * 2940cfa built it, with plans stored without a `protocol` key: 2024Q1 and 2024Q2 drawn under SSJ-1, 2024Q3 frozen
 * and 2024Q4 added but not drawn. Its expected files are what that code exported from it, except the recusal reasons,
 * which every publication now shows as their category since 0a456be (domain/event-reasons.ts publishedReason), the CSV
 * code cells, written without the leading tab since issue 16 (src/io/csv-write.ts; bundles never had it), and the
 * chain head, which names the upgrade's audit entry (see HEAD), and the site's bundle download, one .zip since
 * issue 13 part 6 (src/io/zip.ts; the bundle files themselves are unchanged). Upgrading (every later migration runs on open) must change none of them:
 * published announcements, results, filing forms, site pages and bundles stay byte for byte what the office already
 * published. These files are never rewritten by SSJ_UPDATE_GOLDEN: they are the past.
 */
const PINNED = join(ROOT, 'test', 'golden', 'pre-ssj2-default');
let t: { dir: string; cleanup: () => void };
let run: ReturnType<typeof runner>;
beforeAll(() => {
  t = tempDir('ssj-pre-ssj2-');
  writeFileSync(join(t.dir, 'ssj.db'), gunzipSync(readFileSync(join(PINNED, 'ssj.db.gz'))));
  run = runner(t.dir);
});
afterAll(() => t?.cleanup());

const out = (...p: string[]) => join(t.dir, 'out', ...p);

/**
 * The audit chain head a publication prints: opening the old database appends the upgrade's audit.bind entry (a table
 * bound since, migration 8's pool_removals), so the head printed by an export after the upgrade is that entry or a
 * later one (each announcement's first publication is recorded, #15 part 6), and only that line may differ from what
 * the old code printed.
 */
const HEAD = /第(\d+)条 (<span class="hash">)?([0-9a-f]{64})/g;
let upgradeHead: { seq: string; hash: string } | undefined;
async function currentHead(): Promise<{ seq: string; hash: string }> {
  const m = /Chain head: #(\d+) ([0-9a-f]{64})/.exec((await run(NOW_IN_Q2, ['audit', 'log', '--limit', '1'])).stdout);
  return { seq: m![1]!, hash: m![2]! };
}

function expectPinned(pinned: string, file: string): void {
  const expected = readFileSync(join(PINNED, pinned));
  const actual = readFileSync(file);
  if (actual.equals(expected)) return;
  // Each printed head is an entry of the chain from the upgrade's on: the first export of each announcement now
  // records its publication (an audit entry, #15 part 6), so later pages print a later head.
  const db = new Database(join(t.dir, 'ssj.db'), { readonly: true });
  const hashOf = (seq: string) =>
    (db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(Number(seq)) as { hash: string } | undefined)?.hash;
  for (const m of actual.toString('utf8').matchAll(HEAD)) {
    expect(Number(m[1]), `${pinned} prints a head from the upgrade on`).toBeGreaterThanOrEqual(
      Number(upgradeHead!.seq),
    );
    expect(m[3], `${pinned} prints a head of the chain`).toBe(hashOf(m[1]!));
  }
  db.close();
  const masked = (b: Buffer) => b.toString('utf8').replace(HEAD, '第N条 $2HEAD');
  expect(masked(actual), `${pinned} changed for a database made before SSJ-2 was the default`).toBe(masked(expected));
}

describe('a database made before SSJ-2 became the default keeps its SSJ-1 plans and publications', () => {
  it('announcements, results and the filing form export byte for byte as before', async () => {
    upgradeHead = await currentHead();
    for (const format of ['html', 'md', 'txt', 'csv']) {
      await run(NOW_IN_Q2, [
        'export',
        'announcement',
        '--plan',
        '2024Q1',
        '--format',
        format,
        '--out',
        out(`a.${format}`),
      ]);
      expectPinned(`export/announcement/2024Q1.${format}`, out(`a.${format}`));
    }
    for (const format of ['html', 'txt', 'csv']) {
      await run(NOW_IN_Q2, [
        'export',
        'announcement',
        '--plan',
        '2024Q2',
        '--format',
        format,
        '--out',
        out(`w.${format}`),
      ]);
      expectPinned(`export/announcement/2024Q2-withheld.${format}`, out(`w.${format}`));
    }
    for (const format of ['csv', 'html']) {
      await run(NOW_IN_Q2, ['export', 'results', '--plan', '2024Q1', '--format', format, '--out', out(`r.${format}`)]);
      expectPinned(`export/results/2024Q1.${format}`, out(`r.${format}`));
    }
    await run(NOW_IN_Q2, ['export', 'filing', '--plan', '2024Q1', '--out', out('filing.html')]);
    expectPinned('export/filing/2024Q1.html', out('filing.html'));
  });

  it('the site and both SSJ-1 bundles export byte for byte as before, and both verifiers accept them', async () => {
    upgradeHead ??= await currentHead();
    await run(NOW_IN_Q2, ['export', 'site', '--year', '2024', '--out', out('site')]);
    // Every page the old code published, except the home page, which links each new page of the site (report.html).
    for (const file of listFiles(join(PINNED, 'export', 'site')).filter((p) => p !== 'index.html'))
      expectPinned(`export/site/${file}`, out('site', file));
    for (const file of listFiles(out('site', 'bundles', '2024Q1')))
      expectPinned(`bundle-2024Q1/${file}`, out('site', 'bundles', '2024Q1', file));
    await run(NOW_AFTER_Q2, ['export', 'bundle', '--plan', '2024Q2', '--out', out('bundle-2024Q2')]);
    for (const file of listFiles(out('bundle-2024Q2')))
      expectPinned(`bundle-2024Q2/${file}`, out('bundle-2024Q2', file));
    for (const dir of [out('site', 'bundles', '2024Q1'), out('bundle-2024Q2')]) {
      expect((await run(NOW_AFTER_Q2, ['verify', dir])).stdout).toContain('VERIFIED');
      const py = pyVerify(dir);
      expect(py.code, py.stdout + py.stderr).toBe(0);
    }
  });

  // Runs last: drawing 2024Q3 and 2024Q4 changes the plans page and the chain head the exports above print.
  it('plans added or frozen before the upgrade still draw under SSJ-1; the whole database verifies', async () => {
    for (const [id, at] of [
      ['2024Q3', '2024-07-02T01:00:00Z'],
      ['2024Q4', '2024-07-03T01:00:00Z'],
    ] as const) {
      // 2024Q4 is frozen after 2024Q3 is drawn, so its frozen pool already counts 2024Q3's checks (issue 15 part 3).
      if (id === '2024Q4')
        await run('2024-07-02T02:00:00Z', ['plan', 'freeze', id, '--seed-source', '大乐透第24090期']);
      await run(at, ['draw', '--plan', id, '--seed', `${id} 的开奖号码 01 02 03`, '--yes']);
      await run(at, ['export', 'bundle', '--plan', id, '--out', out(`b-${id}`)]);
      const manifest = JSON.parse(readFileSync(out(`b-${id}`, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      expect([manifest.format, manifest.algorithm]).toEqual(['ssj-bundle/1', 'SSJ-1']);
      expect((await run(at, ['verify', out(`b-${id}`)])).stdout).toContain('VERIFIED');
    }
    await run('2024-07-04T01:00:00Z', ['audit', 'verify']);
  });
});
