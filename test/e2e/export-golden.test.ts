import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildExportFixture,
  expectGolden,
  listFiles,
  NOW_AFTER_Q2,
  NOW_IN_Q2,
  privateValues,
  type ExportFixture,
} from './export-fixture.js';
import { ROOT } from '../helpers/cli.js';

/**
 * Golden files for every export format, from the fixtures (regenerate: SSJ_UPDATE_GOLDEN=1 npx vitest run
 * test/e2e/export-golden.test.ts), and the privacy check over every file any export writes.
 */
let f: ExportFixture;
beforeAll(() => {
  f = buildExportFixture();
});
afterAll(() => f?.cleanup());

const out = (...p: string[]) => join(f.dir, 'out', ...p);
const read = (...p: string[]) => readFileSync(out(...p));

describe('golden files (--now 2024-04-15: 2024Q1 announced, 2024Q2 unannounced and in its window)', () => {
  it('announcement of 2024Q1 in html, md, txt and csv (UTF-8 with BOM) and gb18030 csv', async () => {
    for (const format of ['html', 'md', 'txt', 'csv']) {
      await f.run(NOW_IN_Q2, [
        'export',
        'announcement',
        '--plan',
        '2024Q1',
        '--format',
        format,
        '--out',
        out(`2024Q1.${format}`),
      ]);
      expectGolden(`announcement/2024Q1.${format}`, read(`2024Q1.${format}`));
    }
    await f.run(NOW_IN_Q2, [
      'export',
      'announcement',
      '--plan',
      '2024Q1',
      '--out',
      out('2024Q1-gb.csv'),
      '--encoding',
      'gb18030',
    ]);
    expectGolden('announcement/2024Q1.gb18030.csv', read('2024Q1-gb.csv'));
    expect(iconv.decode(read('2024Q1-gb.csv'), 'gb18030')).toBe(read('2024Q1.csv').subarray(3).toString('utf8'));
  });

  it('the format follows --out; without --out the document goes to stdout; --json', async () => {
    await f.run(NOW_IN_Q2, ['export', 'announcement', '--plan', '2024Q1', '--out', out('by-extension.txt')]);
    const r = await f.run(NOW_IN_Q2, ['export', 'announcement', '--plan', '2024Q1', '--format', 'txt']);
    expect(r.stdout).toBe(read('by-extension.txt').toString('utf8'));
    expect(r.stdout).toContain('抽查任务公告\n');
    const written = JSON.parse(
      (await f.run(NOW_IN_Q2, ['--json', 'export', 'announcement', '--plan', '2024Q1', '--out', out('j.txt')])).stdout,
    ) as { file: string; bytes: number };
    expect(written).toEqual({ file: out('j.txt'), bytes: read('by-extension.txt').length });
    const data = JSON.parse(
      (await f.run(NOW_IN_Q2, ['--json', 'export', 'announcement', '--plan', '2024Q1'])).stdout,
    ) as {
      enterprises: { uscc: string }[];
      withheld: unknown;
    };
    expect(data.withheld).toBeNull();
    const selected = (await f.selection('2024Q1')).filter((s) => s.role === 'selected').map((s) => s.uscc);
    expect(data.enterprises.map((e) => e.uscc).sort()).toEqual(selected.sort());
  });

  it('announcement of the unannounced 2024Q2, withheld', async () => {
    for (const format of ['html', 'txt', 'csv']) {
      const r = await f.run(NOW_IN_Q2, [
        'export',
        'announcement',
        '--plan',
        '2024Q2',
        '--format',
        format,
        '--out',
        out(`2024Q2.${format}`),
      ]);
      expect(r.stderr).toContain('unannounced');
      expectGolden(`announcement/2024Q2-withheld.${format}`, read(`2024Q2.${format}`));
    }
  });

  it('results of a plan and of a month, csv and html, corrections beside the original', async () => {
    for (const format of ['csv', 'html']) {
      await f.run(NOW_IN_Q2, [
        'export',
        'results',
        '--plan',
        '2024Q1',
        '--format',
        format,
        '--out',
        out(`results-2024Q1.${format}`),
      ]);
      expectGolden(`results/2024Q1.${format}`, read(`results-2024Q1.${format}`));
      await f.run(NOW_IN_Q2, ['export', 'results', '--month', '2024-02', '--out', out(`results-2024-02.${format}`)]);
      expectGolden(`results/2024-02.${format}`, read(`results-2024-02.${format}`));
    }
    const csv = read('results-2024Q1.csv').toString('utf8');
    expect(csv).toContain('发现问题待后续处理,立案查处,未发现问题,,2024-02-26 复核发现现场记录遗漏，经局长签字更正');
  });

  it('says which results still need ssj result publish', async () => {
    const r = await f.run(NOW_IN_Q2, ['export', 'results', '--plan', '2024Q1', '--out', out('r.csv')]);
    expect(r.stderr).toContain('2 of these results are not marked published yet');
    expect(r.stderr).toContain('ssj result publish --plan 2024Q1');
  });

  it('filing form of 2024Q1: one page per selected enterprise', async () => {
    await f.run(NOW_IN_Q2, ['export', 'filing', '--plan', '2024Q1', '--out', out('filing-2024Q1.html')]);
    const html = read('filing-2024Q1.html').toString('utf8');
    expectGolden('filing/2024Q1.html', html);
    const selected = (await f.selection('2024Q1')).filter((s) => s.role === 'selected');
    expect(html.match(/<section class="page filing">/g)).toHaveLength(selected.length);
    for (const s of selected) expect(html).toContain(s.uscc);
    for (const field of [
      '检查单位',
      '承办执法股室',
      '检查对象',
      '统一社会信用代码',
      '检查事项',
      '执法检查人员',
      '执法证号',
      '回避情况',
      '区优化办备案意见',
      '检查对象签收',
      '一式三份',
    ])
      expect(html).toContain(field);
  });

  it('site for 2024: every page and CSV, and the list of files including the bundles', async () => {
    const r = await f.run(NOW_IN_Q2, ['export', 'site', '--year', '2024', '--out', out('site')]);
    expect(r.stdout).toContain('Site written to');
    const files = listFiles(out('site'));
    expectGolden('site-files.txt', `${files.join('\n')}\n`);
    for (const file of files.filter((p) => !p.startsWith('bundles/') && p !== 'verify.py'))
      expectGolden(`site/${file}`, read('site', file));
    // The public gets the reference verifier with the bundles, exactly as docs/verify.py is.
    expect(String(read('site', 'verify.py'))).toBe(readFileSync(join(ROOT, 'docs', 'verify.py'), 'utf8'));
    expect(files).toContain('bundles/2024Q1/manifest.json');
    expect(files.some((p) => p.startsWith('bundles/2024Q2'))).toBe(false);
  });

  it('the site bundle verifies', async () => {
    const r = await f.run(NOW_IN_Q2, ['verify', out('site', 'bundles', '2024Q1')]);
    expect(r.stdout).toContain('VERIFIED');
  });
});

describe('privacy: no ID number, phone or address in any exported file', () => {
  it('checks every file of every export, before and after the unannounced window', async () => {
    const dir = out('privacy');
    mkdirSync(dir, { recursive: true });
    for (const now of [NOW_IN_Q2, NOW_AFTER_Q2]) {
      const tag = now === NOW_IN_Q2 ? 'in' : 'after';
      for (const plan of ['2024Q1', '2024Q2']) {
        for (const format of ['html', 'md', 'txt', 'csv'])
          await f.run(now, [
            'export',
            'announcement',
            '--plan',
            plan,
            '--format',
            format,
            '--out',
            join(dir, `${tag}-${plan}.${format}`),
          ]);
        await f.run(now, [
          'export',
          'announcement',
          '--plan',
          plan,
          '--format',
          'csv',
          '--encoding',
          'gb18030',
          '--out',
          join(dir, `${tag}-${plan}.gb18030.csv`),
        ]);
        await f.run(now, [
          '--json',
          'export',
          'announcement',
          '--plan',
          plan,
          '--out',
          join(dir, `${tag}-${plan}-json.html`),
        ]);
        for (const format of ['csv', 'html'])
          await f.run(now, [
            'export',
            'results',
            '--plan',
            plan,
            '--format',
            format,
            '--out',
            join(dir, `${tag}-results-${plan}.${format}`),
          ]);
        await f.run(now, ['export', 'filing', '--plan', plan, '--out', join(dir, `${tag}-filing-${plan}.html`)]);
      }
      for (const month of ['2024-02', '2024-03', '2024-04'])
        await f.run(now, ['export', 'results', '--month', month, '--out', join(dir, `${tag}-results-${month}.csv`)]);
      await f.run(now, ['export', 'site', '--year', '2024', '--out', join(dir, `${tag}-site`)]);
    }
    const json = (await f.run(NOW_AFTER_Q2, ['--json', 'export', 'announcement', '--plan', '2024Q1'])).stdout;
    await f.run(NOW_AFTER_Q2, ['export', 'bundle', '--plan', '2024Q2', '--out', join(dir, 'bundle-2024Q2')]);

    const files = listFiles(dir);
    expect(files.length).toBeGreaterThan(60);
    expect(files.filter((p) => p.includes('bundles/') || p.startsWith('bundle-')).length).toBeGreaterThanOrEqual(30);
    const secrets = privateValues();
    expect(secrets.length).toBeGreaterThan(100);
    const leaks: string[] = [];
    const texts: [string, string][] = [['--json stdout', json]];
    for (const p of files) {
      const bytes = readFileSync(join(dir, p));
      texts.push([p, bytes.toString('utf8')]);
      if (p.includes('gb18030')) texts.push([`${p} (gb18030)`, iconv.decode(bytes, 'gb18030')]);
    }
    for (const [p, text] of texts)
      for (const s of secrets) if (text.includes(s.value)) leaks.push(`${p}: ${s.label} (${s.value})`);
    expect(leaks).toEqual([]);
  });
});

describe('usage errors', () => {
  it.each([
    [['export', 'announcement', '--plan', 'NOPE'], 4, 'NOPE'],
    [['export', 'announcement', '--plan', '2024Q1', '--format', 'pdf'], 2, 'html, md, txt, csv'],
    [['export', 'announcement', '--plan', '2024Q1', '--format', 'html', '--encoding', 'gb18030'], 2, 'CSV only'],
    [['export', 'announcement', '--plan', '2024Q1', '--format', 'csv', '--encoding', 'latin1'], 2, 'gb18030'],
    [['export', 'results'], 2, '--plan ID or --month'],
    [['export', 'results', '--plan', '2024Q1', '--month', '2024-02'], 2, '--plan ID or --month'],
    [['export', 'results', '--month', '2024-13'], 2, '2024-13'],
    [['export', 'site', '--year', '24', '--out', 'x'], 2, 'four digits'],
    [['export', 'filing', '--plan', 'NOPE'], 4, 'NOPE'],
  ])('ssj %j exits %i', async (args, code, text) => {
    const r = await f.run(NOW_IN_Q2, args, code);
    expect(r.stderr).toContain(text);
  });

  it('a plan that is not drawn yet is refused (exit 5), saying what to do', async () => {
    const q3 = {
      ...JSON.parse(readFileSync(join(f.dir, 'plan-2024Q2.json'), 'utf8')),
      id: '2024Q3',
      window: { start: '2024-07-01', end: '2024-09-30' },
    };
    writeFileSync(join(f.dir, 'plan-2024Q3.json'), JSON.stringify(q3));
    await f.run(NOW_IN_Q2, ['plan', 'add', 'plan-2024Q3.json']);
    for (const cmd of ['announcement', 'filing'])
      expect((await f.run(NOW_IN_Q2, ['export', cmd, '--plan', '2024Q3'], 5)).stderr).toContain(
        'ssj draw --plan 2024Q3',
      );
  });
});
