import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/open.js';
import { bothVerifiers, readBundle, rows } from '../helpers/bundle.js';
import { FIXTURES, ssj, ssjOk, tempDir } from '../helpers/cli.js';
import { dbBytes, dumpDb } from '../helpers/db.js';

/**
 * `ssj reassign` (人员调整, 高青 7.3; #14 part 3, #15 part 7) on the joint fixture plan, and the rule that only a
 * reason's category is ever published: every file every export command writes is scanned for the officer's words,
 * including those of an event recorded by an older version with free text only.
 */
const SEED = '9319 / 2 5 12 8 10 / 9 18 26 34 41 45';
const HEALTH = '该同志因阑尾炎住院治疗';
const KIN = '其弟在该企业任安全主管';
const OLD = '与该企业法定代表人系近亲属，其妻亦在该企业任职';

type Seat = { seat: number; certNo: string; group: string };
type Selected = { uscc: string; role: string; team: Seat[] };

const at = (now: string) => ({ SSJ_NOW: now });

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** The text of an exported file as a reader sees it (a .docx is a zip: its words are read with mammoth). */
async function textOf(file: string): Promise<string> {
  if (file.endsWith('.docx')) return (await mammoth.extractRawText({ path: file })).value;
  if (file.endsWith('.xlsx')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? '')))));
    return cells.join('\n');
  }
  return readFileSync(file, 'utf8');
}

describe('ssj reassign on a joint SSJ-2 plan; reasons published as categories only', () => {
  const t = tempDir('ssj-reassign-');
  afterAll(t.cleanup);
  const run = (args: string[], now = '2024-04-09T02:00:00Z', expected = 0) => ssjOk(t.dir, args, expected, at(now));
  let selected: Selected[];

  beforeAll(async () => {
    for (const [roster, file] of [
      ['enterprises', 'enterprises.csv'],
      ['inspectors', 'inspectors.csv'],
      ['inspectors', 'experts.csv'],
      ['inspectors', 'inspectors-scjg.csv'],
      ['items', 'items.csv'],
      ['items', 'items-joint.csv'],
    ] as const)
      await run(['import', roster, join(FIXTURES, file)], '2024-04-01T02:00:00Z');
    await run(['config', 'set', 'office.name', '青禾县应急管理局'], '2024-04-01T02:00:00Z');
    await run(['plan', 'add', join(FIXTURES, 'plan-2024-joint.json')], '2024-04-01T02:00:00Z');
    await run(['plan', 'freeze', '2024LH1', '--seed-source', '体彩', '--yes'], '2024-04-02T02:00:00Z');
    const d = await run(
      ['--json', 'draw', '--plan', '2024LH1', '--seed-rfc3797', SEED, '--yes'],
      '2024-04-08T02:00:00Z',
    );
    selected = (JSON.parse(d.stdout).selected as Selected[]).filter((r) => r.role === 'selected');
    expect(selected.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a reassign without --category (2) and with a 回避 category (2), changing nothing', async () => {
    const [e] = selected;
    const member = e!.team.find((s) => s.group === '青禾县应急管理局' && s.seat !== 1)!;
    const before = dumpDb(join(t.dir, 'ssj.db'));
    const base = ['reassign', '--plan', '2024LH1', '--enterprise', e!.uscc, '--inspector', member.certNo];
    const none = await ssj(t.dir, [...base, '--reason', HEALTH], at('2024-04-09T02:00:00Z'));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--category');
    const wrong = await ssj(t.dir, [...base, '--category', '近亲属', '--reason', HEALTH], at('2024-04-09T02:00:00Z'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('岗位调整 | 工作冲突 | 身体原因 | 其他');
    const recusal = await ssj(
      t.dir,
      ['recuse', '--plan', '2024LH1', '--enterprise', e!.uscc, '--inspector', member.certNo, '--reason', KIN],
      at('2024-04-09T02:00:00Z'),
    );
    expect(recusal.code, 'recuse without --category').toBe(2);
    expect(dumpDb(join(t.dir, 'ssj.db'))).toEqual(before);
  });

  it('a reassign (高青 7.3) re-draws the seat from its group with a fresh seed and records no conflict of interest', async () => {
    const [e] = selected;
    const member = e!.team.find((s) => s.group === '青禾县应急管理局' && s.seat !== 1)!;
    const r = await run([
      '--json',
      'reassign',
      '--plan',
      '2024LH1',
      '--enterprise',
      e!.uscc,
      '--inspector',
      member.certNo,
      '--category',
      'health',
      '--reason',
      HEALTH,
      '--seed',
      '体彩大乐透第24041期 05 12 18 29 33 + 02 11',
    ]);
    const report = JSON.parse(r.stdout);
    expect(report.event).toMatchObject({ type: 'reassign', reason: '身体原因', certNo: member.certNo });
    expect(r.stdout).not.toContain(HEALTH);
    const newcomer = (report.teams[e!.uscc] as Seat[]).find((s) => s.seat === member.seat)!;
    expect(newcomer.certNo).not.toBe(member.certNo);
    expect(newcomer.group).toBe('青禾县应急管理局');
    // No lasting conflict: after this plan the officer may be sent to the enterprise again.
    const db = openDb(join(t.dir, 'ssj.db'));
    try {
      expect(db.prepare('SELECT * FROM conflicts WHERE cert_no = ? AND uscc = ?').all(member.certNo, e!.uscc)).toEqual(
        [],
      );
      const audit = db.prepare("SELECT payload FROM audit_log WHERE action = 'event.reassign'").get() as {
        payload: string;
      };
      expect(JSON.parse(audit.payload).note).toBe(HEALTH);
    } finally {
      db.close();
    }
    const list = await run(['list', 'conflicts']);
    expect(list.stdout).not.toContain(member.certNo);
  });

  it('prints who left, who came in, from which group and why, in Chinese', async () => {
    const [, e] = selected;
    const member = e!.team.find((s) => s.group === 'experts')!;
    const r = await ssjOk(
      t.dir,
      [
        'reassign',
        '--plan',
        '2024LH1',
        '--enterprise',
        e!.uscc,
        '--inspector',
        member.certNo,
        '--category',
        '岗位调整',
      ],
      0,
      { ...at('2024-04-09T03:00:00Z'), SSJ_LANG: 'zh' },
    );
    expect(r.stdout).toContain(`人员调整：`);
    expect(r.stdout).toContain('公开的原因类别：岗位调整');
    expect(r.stdout).toMatch(/按原抽签顺序（I 签），在“专家”组候选人中排第 \d+ 位/);
    expect(r.stdout).toContain('不登记利害关系');
  });

  it('a recusal records only its category; an older free-text reason publishes 其他 or the category it names', async () => {
    const [e] = selected;
    const member = e!.team.find((s) => s.group === '青禾县市场监督管理局')!;
    await run(
      [
        'recuse',
        '--plan',
        '2024LH1',
        '--enterprise',
        e!.uscc,
        '--inspector',
        member.certNo,
        '--category',
        'relative',
        '--reason',
        KIN,
      ],
      '2024-04-09T04:00:00Z',
    );
    // An event recorded by a version before --category was required: the officer's words are its reason. The
    // reason is neither replayed nor hashed, so the draw still replays to its stored state.
    const db = openDb(join(t.dir, 'ssj.db'));
    try {
      db.prepare('UPDATE draw_events SET reason = ? WHERE seq = 1').run('调往县局办公室');
      db.prepare('UPDATE draw_events SET reason = ? WHERE seq = 3').run(OLD);
    } finally {
      db.close();
    }
  });

  it('no export carries any free text: every file of bundle, announcement, results, site, filing and forms (scan)', async () => {
    const [e] = selected;
    await run(
      [
        'result',
        'record',
        '--plan',
        '2024LH1',
        '--enterprise',
        e!.uscc,
        '--outcome',
        'no-issue',
        '--date',
        '2024-04-20',
      ],
      '2024-04-22T02:00:00Z',
    );
    const out = join(t.dir, 'out');
    const later = '2024-07-02T02:00:00Z';
    for (const args of [
      ['export', 'bundle', '--plan', '2024LH1', '--out', join(out, 'bundle')],
      ['export', 'announcement', '--plan', '2024LH1', '--out', join(out, 'a.html')],
      ['export', 'announcement', '--plan', '2024LH1', '--out', join(out, 'a.md')],
      ['export', 'announcement', '--plan', '2024LH1', '--out', join(out, 'a.txt')],
      ['export', 'announcement', '--plan', '2024LH1', '--out', join(out, 'a.csv')],
      ['export', 'announcement', '--plan', '2024LH1', '--out', join(out, 'a.xlsx')],
      ['export', 'results', '--plan', '2024LH1', '--out', join(out, 'r.xlsx')],
      ['export', 'results', '--plan', '2024LH1', '--out', join(out, 'r.csv')],
      ['export', 'results', '--plan', '2024LH1', '--out', join(out, 'r.html')],
      ['export', 'site', '--year', '2024', '--out', join(out, 'site')],
      ['export', 'filing', '--plan', '2024LH1', '--out', join(out, 'filing.html')],
      ['export', 'forms', '--plan', '2024LH1', '--out', join(out, 'forms')],
    ]) {
      const r = await run(args, later);
      for (const words of [HEALTH, KIN, OLD]) expect(r.stdout + r.stderr).not.toContain(words);
    }
    const files = filesUnder(out);
    expect(files.filter((f) => f.endsWith('.docx')).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('.xlsx'))).toHaveLength(2);
    for (const f of files) {
      const text = await textOf(f);
      for (const words of [HEALTH, KIN, OLD, '调往县局办公室']) expect(text, f).not.toContain(words);
    }
    const events = rows(readBundle(join(out, 'bundle')), 'events.csv').map((r) => [r.seq, r.type, r.reason]);
    expect(events).toEqual([
      // 其他 for the reassign whose free text names no reassign category; the old recusal's text names 近亲属.
      ['1', 'reassign', '其他'],
      ['2', 'reassign', '岗位调整'],
      ['3', 'recusal', '近亲属'],
    ]);
    const { ssj: v, py } = await bothVerifiers(join(out, 'bundle'));
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(py.code, py.stdout + py.stderr).toBe(0);
  });

  it('a reassign or recusal on the enterprise with a recorded result is refused (exit 5), the database byte-identical', async () => {
    const [e] = selected;
    const team = JSON.parse((await run(['--json', 'plan', 'show', '2024LH1'])).stdout).selection.find(
      (r: { uscc: string }) => r.uscc === e!.uscc,
    ).team as Seat[];
    const before = dbBytes(join(t.dir, 'ssj.db'));
    for (const cmd of ['reassign', 'recuse']) {
      const r = await ssj(
        t.dir,
        [
          '--lang',
          'en',
          cmd,
          '--plan',
          '2024LH1',
          '--enterprise',
          e!.uscc,
          '--inspector',
          team[1]!.certNo,
          '--category',
          '其他',
        ],
        at('2024-07-03T02:00:00Z'),
      );
      expect(r.code, `${cmd}: ${r.stderr}`).toBe(5);
      expect(r.stderr).toContain(e!.uscc);
      expect(dbBytes(join(t.dir, 'ssj.db'))).toBe(before);
    }
  });
});
