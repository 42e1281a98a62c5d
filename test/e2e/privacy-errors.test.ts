import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ssj, tempDir } from '../helpers/cli.js';

/**
 * Issue 13, finding 7: the --errors CSV and the --json error of a failed import carried the raw ID number (the
 * printed message masked it). Every failing-import fixture, imported as every roster: no ID number or phone of
 * the fixture may appear in the errors file or on stdout; with --show-personal they do (the office's own use).
 */

const BAD = join(FIXTURES, 'bad');
const ROSTERS = ['inspectors', 'enterprises', 'items', 'conflicts', 'history'];
/** The personal numbers a fixture holds: 18/15-digit ID numbers and mobile phones, as written in the file. */
const personal = (text: string) => [...new Set(text.match(/(?<!\d)(\d{17}[\dXx]|\d{15}|1[3-9]\d{9})(?!\d)/g) ?? [])];

let tmp: { dir: string; cleanup: () => void };
beforeAll(() => {
  tmp = tempDir('ssj-privacy-');
});
afterAll(() => tmp?.cleanup());

describe('finding 7: personal data in error outputs', () => {
  const files = existsSync(BAD) ? readdirSync(BAD).filter((f) => f.endsWith('.csv')) : [];
  it.each(files)('%s: no ID number or phone in --errors or the --json error, as any roster', async (file) => {
    const raw = readFileSync(join(BAD, file)).toString('latin1') + readFileSync(join(BAD, file), 'utf8');
    const secrets = personal(raw);
    for (const roster of ROSTERS) {
      const errors = join(tmp.dir, `${file}-${roster}.csv`);
      const r = await ssj(tmp.dir, ['--json', 'import', roster, join(BAD, file), '--errors', errors, '--dry-run']);
      const written = existsSync(errors) ? readFileSync(errors, 'utf8') : '';
      for (const s of secrets) {
        expect({ roster, s, inErrors: written.includes(s) }).toEqual({ roster, s, inErrors: false });
        expect({ roster, s, inJson: r.stdout.includes(s) }).toEqual({ roster, s, inJson: false });
      }
    }
  });

  it('--show-personal keeps them in full for the office', async () => {
    const file = join(BAD, 'bad-id-check.csv');
    const secrets = personal(readFileSync(file, 'utf8'));
    expect(secrets.length).toBeGreaterThan(0);
    const errors = join(tmp.dir, 'full.csv');
    const r = await ssj(tmp.dir, ['--json', 'import', 'inspectors', file, '--errors', errors, '--show-personal']);
    expect(r.code).toBe(3);
    const written = readFileSync(errors, 'utf8');
    expect(secrets.some((s) => written.includes(s) && r.stdout.includes(s))).toBe(true);
  });
});
