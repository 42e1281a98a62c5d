import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipBytes } from '../../src/io/zip.js';
import { ssj } from '../helpers/cli.js';
import { drawnFixtureDb, FIXTURE_NOW, type FixtureDb } from '../helpers/drawn-db.js';

/**
 * Issue 13 finding 8 / part 6: the site offers each bundle as one .zip (a browser saves it instead of opening each
 * CSV in a spreadsheet); the files inside are the bundle's canonical bytes, and unzipped they verify.
 */

/** Read a ZIP by its central directory (what any unzip does): name → bytes, checking each entry's CRC size. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + packed);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    expect(data.length).toBe(size);
    out.set(name, data);
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

let fx: FixtureDb;
beforeAll(async () => {
  fx = drawnFixtureDb();
  const r = await ssj(fx.dir, ['--now', '2024-04-15T02:00:00Z', 'export', 'site', '--year', '2024', '--out', 'site']);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => fx.cleanup());

describe('the site offers each bundle as one .zip (issue 13 finding 8)', () => {
  it('bundles/2024Q1.zip holds 2024Q1/<file> for every bundle file, byte for byte; the task page links it', () => {
    const site = join(fx.dir, 'site');
    const entries = unzip(readFileSync(join(site, 'bundles', '2024Q1.zip')));
    const manifest = JSON.parse(entries.get('2024Q1/manifest.json')!.toString('utf8')) as {
      files: Record<string, unknown>;
    };
    const names = [...entries.keys()].map((n) => n.replace(/^2024Q1\//, '')).sort();
    expect(names).toEqual([...Object.keys(manifest.files), 'manifest.json'].sort());
    for (const [name, data] of entries) expect(data.equals(readFileSync(join(site, 'bundles', name))), name).toBe(true);
    const page = readFileSync(join(site, 'tasks', '2024Q1.html'), 'utf8');
    expect(page).toContain('href="../bundles/2024Q1.zip" download');
    // Each loose file is marked download, so a browser saves it instead of handing it to a spreadsheet.
    expect(page).not.toMatch(/href="[^"]*\.csv">/);
    expect(readFileSync(join(site, 'tasks.html'), 'utf8')).toContain('href="bundles/2024Q1.zip"');
  });

  it('unzipped, the bundle verifies', async () => {
    const dir = join(fx.dir, 'unzipped');
    const entries = unzip(readFileSync(join(fx.dir, 'site', 'bundles', '2024Q1.zip')));
    mkdirSync(join(dir, '2024Q1'), { recursive: true });
    for (const [name, data] of entries) writeFileSync(join(dir, name), data);
    const r = await ssj(fx.dir, ['--now', FIXTURE_NOW, 'verify', join(dir, '2024Q1')]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('the same files always give the same zip (fixed timestamps, no extra fields)', () => {
    const files = [
      { name: 'P/a.csv', data: 'x,y\r\n' },
      { name: 'P/manifest.json', data: '{}\n' },
    ];
    expect(zipBytes(files).equals(zipBytes(files))).toBe(true);
    expect(unzip(zipBytes(files)).get('P/a.csv')!.toString()).toBe('x,y\r\n');
  });
});
