import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toUserError } from '../../src/app/errors.js';
import { displayTime } from '../../src/cli/output.js';
import { dateInShanghai } from '../../src/core/workdays.js';
import { openDb } from '../../src/db/open.js';
import { FEEDBACK_COLUMNS } from '../../src/db/feedback.js';
import { AUDITED_COLUMNS } from '../../src/db/results.js';
import { beijingDateTime, normaliseDate, requireIsoDate } from '../../src/domain/dates.js';
import { normaliseCode } from '../../src/domain/rosters.js';
import { SsjError } from '../../src/errors.js';
import { officialDateTime } from '../../src/io/dates.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { ssjIn } from '../helpers/inproc.js';
import { seedDraw, testUscc } from '../helpers/seed-draw.js';

/** The consistency fixes of issue 12 part 3: one parser, one normaliser, one clock zone, one column list. */

describe('one date parser for every typed date', () => {
  it.each([
    ['2024-03-01', '2024-03-01'],
    ['2024/3/1', '2024-03-01'],
    ['2024.3.1', '2024-03-01'],
    ['2024年3月1日', '2024-03-01'],
    ['２０２４年３月１日', '2024-03-01'],
    ['2024-03-01 00:00', '2024-03-01'],
  ])('option and file read %j as %j', (typed, iso) => {
    expect(requireIsoDate(typed, '--date')).toBe(iso);
    expect(normaliseDate(typed)).toBe(iso);
  });

  it.each(['2024-02-30', '2024年13月1日', '3/1/2024', ''])('refuses %j with error.badDate naming the option', (v) => {
    const e = toUserError(catchIt(() => requireIsoDate(v, '--date')));
    expect(e).toBeInstanceOf(SsjError);
    expect((e as SsjError).kind).toBe('invalidInput');
    expect((e as SsjError).code).toBe('error.badDate');
    expect((e as SsjError).details).toEqual({ field: '--date', value: v });
  });
});

describe('in-process: the commands use the shared parsers', () => {
  let dir: string;
  let cleanup: () => void;
  const A = testUscc(1);
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  it('result record --date 2024年2月8日 is accepted like a results file row (it was refused before)', async () => {
    seedDraw(join(dir, 'ssj.db'), {
      id: '2024Q1',
      window: { start: '2024-01-15', end: '2024-02-09' },
      enterprises: [{ uscc: A, name: '甲化工有限公司' }],
    });
    const r = await ssjIn(
      dir,
      ['result', 'record', '--plan', '2024Q1', '--enterprise', A, '--outcome', '未发现问题', '--date', '2024年2月8日'],
      { SSJ_NOW: '2024-02-19T02:00:00Z' },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const db = new Database(join(dir, 'ssj.db'), { readonly: true });
    expect(db.prepare('SELECT check_date FROM results').get()).toEqual({ check_date: '2024-02-08' });
    db.close();
  });

  it('show enterprise counts the Beijing year: at 2024-12-31 17:00 UTC it is already 2025 in Beijing', async () => {
    expect((await ssjIn(dir, ['import', 'enterprises', join(FIXTURES, 'enterprises.csv')])).code).toBe(0);
    const db = new Database(join(dir, 'ssj.db'), { readonly: true });
    const { uscc } = db.prepare('SELECT uscc FROM enterprises LIMIT 1').get() as { uscc: string };
    db.close();
    const show = (now: string) => ssjIn(dir, ['--json', 'show', 'enterprise', uscc], { SSJ_NOW: now });
    expect(JSON.parse((await show('2024-12-31T17:00:00Z')).stdout).year).toBe(2025);
    expect(JSON.parse((await show('2024-12-31T15:59:00Z')).stdout).year).toBe(2024);
  });
});

describe('one code normaliser', () => {
  it.each([
    [' 91370322ma3c8l0x2k ', '91370322MA3C8L0X2K'],
    ['９１３７０３２２ＭＡ３Ｃ８Ｌ０Ｘ２Ｋ', '91370322MA3C8L0X2K'],
    ['9137 0322 MA3C 8L0X 2K', '91370322MA3C8L0X2K'],
    ['jx 001', 'JX001'],
  ])('normaliseCode(%j) = %j, the form rosters are stored in and recuse looks up', (raw, code) => {
    expect(normaliseCode(raw)).toBe(code);
  });
});

describe('Beijing time everywhere (UTC+8, one formatter)', () => {
  it.each([
    ['2024-01-14T15:59:59Z', '2024-01-14', '23:59'],
    ['2024-01-14T16:00:00Z', '2024-01-15', '00:00'],
    ['2024-01-14T17:30:00+08:00', '2024-01-14', '17:30'],
  ])('%s is %s %s in Beijing for the calendar, the documents and the terminal', (iso, date, time) => {
    expect(beijingDateTime(iso)).toEqual({ date, time });
    expect(dateInShanghai(iso)).toBe(date);
    expect(displayTime('en', iso)).toBe(`${date} ${time} (UTC+8)`);
    const [y, m, d] = date.split('-').map(Number);
    expect(officialDateTime(iso)).toBe(`${y}年${m}月${d}日 ${time}`);
  });

  it('a text that is not a time is shown unchanged, and refused as --now by the calendar', () => {
    expect(beijingDateTime('soon')).toBeUndefined();
    expect(displayTime('en', 'soon')).toBe('soon');
    expect((toUserError(catchIt(() => dateInShanghai('soon'))) as SsjError).code).toBe('error.badNow');
  });
});

describe('audited columns: one list for the writers and audit verify', () => {
  const lists = { ...AUDITED_COLUMNS, feedback: FEEDBACK_COLUMNS };
  it.each(['results', 'corrections', 'objections', 'feedback'] as const)(
    'every column of %s is in the audit log, so a new column cannot escape audit verify',
    (table) => {
      const db = openDb(':memory:');
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      db.close();
      expect([...lists[table]].sort()).toEqual(columns.sort());
    },
  );
});

function catchIt(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}
