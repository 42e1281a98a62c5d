import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/cli.js';
import { type ExportFixture, runner, selectionOf } from '../helpers/export-template.js';
import { templateCopy } from '../helpers/templates.js';

export * from '../helpers/export-template.js';

/** A fresh copy of the export database (built once per run by test/setup/templates.ts). */
export function buildExportFixture(): ExportFixture {
  const { dir, cleanup } = templateCopy('export', 'ssj-export-');
  const run = runner(dir);
  return { dir, cleanup, run, selection: (planId: string) => selectionOf(run, planId) };
}

/** The ID numbers, phones (inspectors) and addresses (enterprises) of the fixture rosters: none may be published. */
export function privateValues(): { label: string; value: string }[] {
  const rows = (file: string) =>
    parse(readFileSync(join(FIXTURES, file)), { columns: true, bom: true, skip_empty_lines: true }) as Record<
      string,
      string
    >[];
  const out: { label: string; value: string }[] = [];
  for (const r of rows('inspectors.csv')) {
    if (r['身份证号']) out.push({ label: `ID number of ${r['姓名']}`, value: r['身份证号'] });
    if (r['联系方式']) out.push({ label: `phone of ${r['姓名']}`, value: r['联系方式'] });
  }
  for (const r of rows('enterprises.csv'))
    if (r['住所']) out.push({ label: `address of ${r['生产经营单位名称']}`, value: r['住所'] });
  return out;
}

export const GOLDEN = join(ROOT, 'test', 'golden', 'export');

/**
 * Compare with test/golden/export/<name>, byte for byte; SSJ_UPDATE_GOLDEN=1 rewrites the file instead.
 * Text is compared as text so a failure shows the differing lines.
 */
export function expectGolden(name: string, actual: Buffer | string): void {
  const path = join(GOLDEN, name);
  const bytes = typeof actual === 'string' ? Buffer.from(actual, 'utf8') : actual;
  if (process.env.SSJ_UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    return;
  }
  if (!existsSync(path))
    throw new Error(
      `golden file ${path} is missing: run SSJ_UPDATE_GOLDEN=1 npx vitest run ${'test/e2e/export-golden.test.ts'}`,
    );
  const expected = readFileSync(path);
  if (bytes.equals(expected)) return;
  expect(bytes.toString('utf8'), `${name} differs from its golden file (SSJ_UPDATE_GOLDEN=1 to accept)`).toBe(
    expected.toString('utf8'),
  );
  expect(bytes.equals(expected), `${name} differs in bytes (BOM or encoding)`).toBe(true);
}

/** Every file under `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}
