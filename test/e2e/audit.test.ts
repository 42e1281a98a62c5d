import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS } from '../../src/audit/log.js';
import { SCHEMA_VERSION } from '../../src/db/open.js';
import { ALL_BOUND, tableDigest, type BoundTable } from '../../src/db/table-digest.js';
import { FIXTURES, ROOT, ssj, ssjOk } from '../helpers/cli.js';
import { drawnFixtureDb, type FixtureDb } from '../helpers/drawn-db.js';

/**
 * `ssj audit verify` on a database built the way an office builds it (fixtures imported, plan added, frozen, drawn,
 * redrawn, a recusal, results recorded, published and corrected), then on copies of it tampered with SQL:
 * each tampering must exit 1 with a message that names what broke.
 */

let fx: FixtureDb;
let selected: { uscc: string; team: { seat: number; certNo: string }[] }[];

beforeAll(async () => {
  fx = drawnFixtureDb();
  const run = (...args: string[]) => ssjOk(fx.dir, ['--now', '2024-01-12T02:00:00Z', ...args]);
  // A redraw only after a new freeze (a new seed source and pre-announcement; DESIGN.md "Nothing is chosen …").
  await ssjOk(fx.dir, ['--now', '2024-01-11T02:00:00Z', 'plan', 'freeze', '2024Q1', '--seed-source', '体彩第24011期']);
  await run(
    'draw',
    '--plan',
    '2024Q1',
    '--seed-rfc3797',
    '9319 / 2 5 12 8 10 / 9 18 26 34 41 46',
    '--redraw',
    '--reason',
    '开奖号码录入有误，经局务会决定重抽',
    '--yes',
  );
  const shown = JSON.parse((await run('--json', 'plan', 'show', '2024Q1')).stdout) as {
    selection: { uscc: string; role: string; team: { seat: number; certNo: string }[] }[];
  };
  selected = shown.selection.filter((s) => s.role === 'selected');
  const [a, b] = selected;
  await run(
    'recuse',
    '--plan',
    '2024Q1',
    '--enterprise',
    a!.uscc,
    '--inspector',
    // Seat 2: seat 1 holds the team's specialist, who may be the only officer of that trade (SSJ-2 draws no experts
    // into the officer group), so a recusal there could find nobody to take the seat.
    a!.team[1]!.certNo,
    '--category',
    '近亲属',
    '--reason',
    '与该企业法定代表人系近亲属',
  );
  // After the checks (a result cannot be recorded before its check date).
  const later = (...args: string[]) => ssjOk(fx.dir, ['--now', '2024-02-20T02:00:00Z', ...args]);
  await later(
    'result',
    'record',
    '--plan',
    '2024Q1',
    '--enterprise',
    a!.uscc,
    '--outcome',
    'no-issue',
    '--date',
    '2024-02-08',
  );
  await later(
    'result',
    'record',
    '--plan',
    '2024Q1',
    '--enterprise',
    b!.uscc,
    '--outcome',
    'rectify',
    '--follow-up',
    '责令改正',
    '--date',
    '2024-02-09',
  );
  await later('result', 'publish', '--plan', '2024Q1');
  await later(
    'result',
    'correct',
    '--plan',
    '2024Q1',
    '--enterprise',
    b!.uscc,
    '--outcome',
    'closed',
    '--reason',
    '企业已停业',
    '--approved-by',
    '王局长',
    '--approved-on',
    '2024-02-20',
  );
  // Facts no replay re-derives, each bound to the log by table digest (issue 13, finding 5): an objection, an office
  // calendar day, a setting, a newest result and a newest plan. Then a publication, whose printed chain head proves
  // later that the log was not cut short or rewritten.
  await later(
    'objection',
    'add',
    '--plan',
    '2024Q1',
    '--enterprise',
    b!.uscc,
    '--received',
    '2024-02-21',
    '--text',
    '检查结论有误',
  );
  writeFileSync(join(fx.dir, 'days.csv'), 'date,kind,name\n2024-03-15,holiday,县庆\n');
  await later('calendar', 'import', 'days.csv');
  await later('config', 'set', 'office.name', '青禾县应急管理局');
  late = selected[2]!.uscc;
  await later(
    'result',
    'record',
    '--plan',
    '2024Q1',
    '--enterprise',
    late,
    '--outcome',
    'no-issue',
    '--date',
    '2024-02-10',
  );
  const plan = JSON.parse(readFileSync(join(FIXTURES, 'plan-2024Q1.json'), 'utf8')) as { id: string };
  writeFileSync(join(fx.dir, 'plan-2024X.json'), JSON.stringify({ ...plan, id: '2024X' }));
  await later('plan', 'add', 'plan-2024X.json');
  await later('export', 'results', '--plan', '2024Q1', '--format', 'html', '--out', 'results.html');
  const m = /审计链头：第(\d+)条 <span class="hash">([0-9a-f]{64})</.exec(
    readFileSync(join(fx.dir, 'results.html'), 'utf8'),
  );
  published = `${m![1]}:${m![2]}`;
});
afterAll(() => fx?.cleanup());

/** The chain head printed by the results announcement, the last thing the office did. */
let published: string;
/** The newest result (recorded after the objection). */
let late: string;

/** The seq of the first entry with this action (and plan). */
function seqOf(action: string, planId?: string): number {
  const db = new Database(fx.db, { readonly: true });
  try {
    const r = db
      .prepare(`SELECT min(seq) AS s FROM audit_log WHERE action = ? ${planId ? 'AND plan_id = ?' : ''}`)
      .get(...(planId ? [action, planId] : [action])) as { s: number };
    return r.s;
  } finally {
    db.close();
  }
}

/**
 * An insider's rewrite of a copy: change the database, put the change into the log's payloads too, recompute the
 * table digests the newest entries recorded and every hash after, so the chain is whole again.
 */
function rewritten(
  edit: (db: Database.Database) => void,
  payload: (p: Record<string, any>) => void,
  source = fx.db,
): string {
  const file = join(fx.dir, `tampered-${++copies}.db`);
  copyFileSync(source, file);
  const db = new Database(file);
  edit(db);
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, any>[];
  const parsed = rows.map((e) => JSON.parse(e.payload) as Record<string, any>);
  parsed.forEach(payload);
  const newest = new Map<string, Record<string, any>>();
  for (const p of parsed) for (const t of Object.keys(p.tables ?? {})) newest.set(t, p);
  for (const [t, p] of newest) p.tables[t] = tableDigest(db, t as BoundTable);
  let prev = GENESIS;
  rows.forEach((e, i) => {
    const payload = canonicalJson(parsed[i]);
    const hash = entryHash(prev, {
      seq: e.seq,
      at: e.at,
      operator: e.operator,
      action: e.action,
      planId: e.plan_id,
      payload,
    });
    db.prepare('UPDATE audit_log SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(
      payload,
      prev,
      hash,
      e.seq,
    );
    prev = hash;
  });
  db.close();
  return file;
}

let copies = 0;
/** A copy of the honest database with `sql` (one statement with params, or a script) applied behind ssj's back. */
function tampered(sql: string, params: unknown[] = []): string {
  const file = join(fx.dir, `tampered-${++copies}.db`);
  copyFileSync(fx.db, file);
  const db = new Database(file);
  if (params.length) db.prepare(sql).run(...params);
  else db.exec(sql);
  db.close();
  return file;
}

function verify(file: string, ...extra: string[]) {
  return ssj(fx.dir, ['--db', file, 'audit', 'verify', ...extra]);
}

describe('ssj audit verify on an honest database', () => {
  it('passes, prints the chain head and what it checked', async () => {
    const r = await verify(fx.db);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const db = new Database(fx.db, { readonly: true });
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      hash: string;
    };
    db.close();
    expect(r.stdout).toContain(`chain head #${head.seq} ${head.hash}`);
    expect(r.stdout).toMatch(
      /Checked: 2 draw\(s\).*1 event\(s\), 3 result\(s\), 1 correction\(s\), 1 objection\(s\), 2 plan\(s\)/s,
    );
  });

  it('reports the same in JSON and in Chinese', async () => {
    const r = await ssj(fx.dir, ['--json', 'audit', 'verify']);
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      head: { seq: number };
      checked: Record<string, number>;
      problems: unknown[];
    };
    expect(report).toMatchObject({
      ok: true,
      problems: [],
      checked: {
        draws: 2,
        events: 1,
        results: 3,
        corrections: 1,
        objections: 1,
        plans: 2,
        freezes: 1,
        tables: ALL_BOUND.length,
      },
    });
    expect((await ssj(fx.dir, ['--lang', 'zh', 'audit', 'verify'])).stdout).toContain('审计校验通过');
  });

  it('accepts the chain head published earlier, and refuses one that is not in the chain', async () => {
    const head = JSON.parse((await ssj(fx.dir, ['--json', 'audit', 'verify'])).stdout).head as {
      seq: number;
      hash: string;
    };
    expect((await verify(fx.db, '--head', `${head.seq}:${head.hash}`)).code).toBe(0);
    expect((await verify(fx.db, '--head', head.hash.slice(0, 16))).code).toBe(0);
    const r = await verify(fx.db, '--head', `${head.seq}:${'0'.repeat(64)}`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('not in this database’s audit log');
  });

  it('exits 4 for a database that does not exist', async () => {
    expect((await ssj(fx.dir, ['--db', 'nope.db', 'audit', 'verify'])).code).toBe(4);
  });
});

describe('ssj audit verify on a tampered database (exit 1, naming what broke)', () => {
  const cases: [string, () => string, RegExp][] = [
    [
      'a reserve made selected',
      () =>
        tampered(
          "UPDATE selections SET role = 'selected' WHERE rowid = (SELECT rowid FROM selections WHERE role = 'reserve' AND draw_id = 2 LIMIT 1)",
        ),
      /Draw #2 .*selection .*field role is "selected", should be "reserve"/,
    ],
    [
      'an enterprise removed from the selection',
      () =>
        tampered("DELETE FROM selections WHERE draw_id = 2 AND role = 'selected' AND uscc = ?", [selected[2]!.uscc]),
      /Draw #2 .*selection no longer matches/,
    ],
    [
      'a team seat given to someone else',
      () =>
        tampered('UPDATE team_seats SET cert_no = ? WHERE draw_id = 2 AND uscc = ? AND seat = 2', [
          '99999999999',
          selected[1]!.uscc,
        ]),
      /Draw #2 .*team seat .* #2 field certNo is "99999999999"/,
    ],
    [
      'a check item changed',
      () =>
        tampered(
          "UPDATE check_items SET code = 'XX-999' WHERE rowid = (SELECT rowid FROM check_items WHERE draw_id = 2 LIMIT 1)",
        ),
      /Draw #2 .*check item/,
    ],
    [
      'the void draw edited',
      () =>
        tampered(
          "UPDATE team_seats SET cert_no = '99999999999' WHERE rowid = (SELECT rowid FROM team_seats WHERE draw_id = 1 LIMIT 1)",
        ),
      /Draw #1 /,
    ],
    [
      'the void draw made active again',
      () => tampered("UPDATE draws SET status = 'void' WHERE id = 2; UPDATE draws SET status = 'active' WHERE id = 1"),
      /Draw #1 .*voided by the redraw in audit log entry #\d+, but is now marked active/,
    ],
    [
      'the seed of a draw changed',
      () => tampered("UPDATE draws SET seed = 'another seed' WHERE id = 2"),
      /Draw #2 .*seed was changed/,
    ],
    [
      'a stored pool snapshot changed',
      () =>
        tampered(
          "UPDATE draws SET pool_inspectors_gz = (SELECT pool_inspectors_gz FROM draws WHERE id = 1) || x'00' WHERE id = 2",
        ),
      /Draw #2 .*(pool-inspectors\.csv|no longer re-derives)/,
    ],
    [
      'a result outcome changed',
      () => tampered("UPDATE results SET outcome = 'rectify' WHERE uscc = ?", [selected[0]!.uscc]),
      /result #\d+ \(2024Q1 \w+\) was changed: outcome is "rectify"/,
    ],
    [
      'a result deleted',
      () => tampered('DELETE FROM results WHERE uscc = ?', [selected[0]!.uscc]),
      /result #\d+ .*no longer in the database/,
    ],
    [
      'a result inserted without ssj',
      () =>
        tampered(
          "INSERT INTO results (plan_id, uscc, outcome, check_date, recorded_at, operator) VALUES ('2024Q1', ?, 'no-issue', '2024-02-10', '2024-02-10', 'x')",
          [selected[3]!.uscc],
        ),
      /result #\d+ .*has no audit log entry/,
    ],
    ['a correction changed', () => tampered("UPDATE corrections SET reason = '无'"), /correction #1 .*reason is "无"/],
    [
      'an event reason changed',
      () => tampered("UPDATE draw_events SET reason = '无'"),
      /Draw #2 \(plan 2024Q1\) event 1 \(enterprise \w+\) differs from what audit log entry #\d+ recorded/,
    ],
    [
      'an event deleted',
      () => tampered('DELETE FROM draw_events'),
      /Draw #2 \(plan 2024Q1\) event 1, recorded by audit log entry #\d+, is no longer in the database/,
    ],
    [
      'the plan edited',
      () => tampered('UPDATE plans SET json = replace(json, \'"perYear":1\', \'"perYear":4\')'),
      /Plan 2024Q1 differs from what audit log entry #\d+ recorded/,
    ],
    [
      'a drawn plan set back to draft',
      () => tampered("UPDATE plans SET status = 'draft'"),
      /Plan 2024Q1 has status "draft", but the audit log \(entry #\d+\) says it is "drawn"/,
    ],
    ['an audit entry deleted', () => tampered('DELETE FROM audit_log WHERE seq = 3'), /Audit log entry #3 is missing/],
    [
      'the last audit entry deleted',
      () => tampered('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)'),
      /Plan 2024X has no audit log entry/,
    ],
    [
      'an audit entry edited',
      () => tampered("UPDATE audit_log SET operator = 'someone else' WHERE seq = 4"),
      /Audit log entry #4 .*was edited/,
    ],
    [
      'two entries’ payloads swapped',
      () =>
        tampered(
          'UPDATE audit_log SET payload = CASE seq WHEN 5 THEN (SELECT payload FROM audit_log WHERE seq = 6) ELSE (SELECT payload FROM audit_log WHERE seq = 5) END WHERE seq IN (5, 6)',
        ),
      /Audit log entry #5 .*was edited/,
    ],
    [
      'two entries’ seqs swapped',
      () =>
        tampered(
          'UPDATE audit_log SET seq = -5 WHERE seq = 5; UPDATE audit_log SET seq = 5 WHERE seq = 6; UPDATE audit_log SET seq = 6 WHERE seq = -5',
        ),
      /Audit log entry #5 does not link to entry #4/,
    ],
  ];

  it.each(cases)('detects %s', async (_name, make, message) => {
    const r = await verify(make());
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('Audit verification FAILED');
    expect(r.stdout).toMatch(message);
  });

  it('lists the problems in JSON with their codes', async () => {
    const file = tampered(
      "UPDATE selections SET role = 'selected' WHERE rowid = (SELECT rowid FROM selections WHERE role = 'reserve' AND draw_id = 2 LIMIT 1)",
    );
    const r = await ssj(fx.dir, ['--json', '--db', file, 'audit', 'verify']);
    expect(r.code).toBe(1);
    const codes = (JSON.parse(r.stdout) as { problems: { code: string }[] }).problems.map((p) => p.code);
    expect(codes).toEqual(['audit.draw.stateChanged', 'audit.draw.resultHash']);
  });
});

/**
 * Issue 13, finding 5: the 21 kinds of tampering `ssj audit verify` missed, even with a published chain head. Each is
 * now caught by `ssj audit verify` alone (the facts are bound to the log by table digest or checked against their
 * entry), or, for a rewrite that also cuts or rebuilds the log, by `--head` of the results announcement published
 * before it. A row per kind the finding lists.
 */
describe('tampering caught by audit verify or by the head of a publication made before it (finding 5)', () => {
  type Caught = 'verify' | 'head';
  const draw2 = (column: string, value: string) => tampered(`UPDATE draws SET ${column} = ? WHERE id = 2`, [value]);
  /** Delete the newest rows of the log from `seq` on, with everything those entries wrote (a clean cut). */
  const cutFrom = (seq: () => number, sql: string) => () =>
    tampered(`${sql}; DELETE FROM audit_log WHERE seq >= ${seq()}`);
  const cases: [string, () => string, Caught, RegExp][] = [
    ["the draw's seed_source", () => draw2('seed_source', '福利彩票双色球'), 'verify', /seed_source was changed/],
    ["the draw's drawn_at", () => draw2('drawn_at', '2024-01-09T02:00:00.000Z'), 'verify', /drawn_at was changed/],
    ["the draw's frozen_at", () => draw2('frozen_at', '2024-01-01T02:00:00.000Z'), 'verify', /frozen_at was changed/],
    [
      "the draw's seed_input",
      () => draw2('seed_input', '9319 / 1 2 3 4 5 / 6 7 8 9 10 11'),
      'verify',
      /seed_input was changed/,
    ],
    ["the draw's operator", () => draw2('operator', '局长'), 'verify', /operator was changed/],
    [
      "the freeze's frozen_at",
      () => tampered("UPDATE freezes SET frozen_at = '2024-01-01T00:00:00.000Z'"),
      'verify',
      /freeze of plan 2024Q1: .*frozen_at/,
    ],
    [
      "the freeze's operator",
      () => tampered("UPDATE freezes SET operator = '局长'"),
      'verify',
      /freeze of plan 2024Q1: .*operator/,
    ],
    [
      'a recusal conflict deleted (the inspector could be sent again)',
      () => tampered("DELETE FROM conflicts WHERE source = 'recusal'"),
      'verify',
      /Table conflicts no longer matches/,
    ],
    [
      'a declared conflict deactivated',
      () => tampered("UPDATE conflicts SET active = 0 WHERE source = 'import'"),
      'verify',
      /Table conflicts/,
    ],
    [
      'a history row deleted (changes the yearly cap)',
      () => tampered('DELETE FROM history WHERE rowid = (SELECT min(rowid) FROM history)'),
      'verify',
      /Table history/,
    ],
    [
      'a history row added',
      () => tampered("INSERT INTO history (uscc, date, source) VALUES ('91371322MA37XK2HUE', '2024-01-04', 'x')"),
      'verify',
      /Table history/,
    ],
    [
      'an enterprise renamed',
      () => tampered("UPDATE enterprises SET name = '某某公司' WHERE uscc = (SELECT min(uscc) FROM enterprises)"),
      'verify',
      /Table enterprises/,
    ],
    [
      'an inspector moved to another unit',
      () => tampered("UPDATE inspectors SET unit = '别处' WHERE rowid = (SELECT min(rowid) FROM inspectors)"),
      'verify',
      /Table inspectors/,
    ],
    [
      'a check item deactivated',
      () => tampered('UPDATE items SET active = 0 WHERE rowid = (SELECT min(rowid) FROM items)'),
      'verify',
      /Table items/,
    ],
    [
      'an import record edited',
      () => tampered("UPDATE imports SET operator = '别人' WHERE id = 1"),
      'verify',
      /Table imports/,
    ],
    [
      'a calendar day changed',
      () => tampered("UPDATE calendar_days SET kind = 'workday'"),
      'verify',
      /Table calendar_days/,
    ],
    [
      'a calendar day added',
      () => tampered("INSERT INTO calendar_days (date, kind, name) VALUES ('2024-03-18', 'holiday', 'x')"),
      'verify',
      /Table calendar_days/,
    ],
    [
      'a setting changed',
      () => tampered("UPDATE settings SET value = '某某局' WHERE key = 'office.name'"),
      'verify',
      /Table settings/,
    ],
    [
      'a deadline setting added',
      () => tampered("INSERT INTO settings (key, value) VALUES ('deadline.resultDays', '99')"),
      'verify',
      /Table settings/,
    ],
    [
      'the newest plan deleted with the tail of the log',
      cutFrom(() => seqOf('plan.add', '2024X'), "DELETE FROM plans WHERE id = '2024X'"),
      'head',
      /published chain head .* is not in this database/,
    ],
    [
      'the newest result deleted with the tail of the log',
      () =>
        cutFrom(
          () => seqOf('plan.add', '2024X') - 1, // the newest result was recorded just before the newest plan
          `DELETE FROM plans WHERE id = '2024X'; DELETE FROM results WHERE uscc = '${late}'`,
        )(),
      'head',
      /published chain head .* is not in this database/,
    ],
    [
      'the newest objection deleted with the tail of the log',
      () =>
        cutFrom(
          () => seqOf('objection.add'),
          `DELETE FROM plans WHERE id = '2024X'; DELETE FROM results WHERE uscc = '${late}'; DELETE FROM settings; DELETE FROM calendar_days; DELETE FROM objections`,
        )(),
      'head',
      /published chain head .* is not in this database/,
    ],
    [
      'a result rewritten with its log payloads, digests and chain recomputed',
      () =>
        rewritten(
          (db) => db.prepare("UPDATE results SET note = '已改' WHERE uscc = ?").run(selected[0]!.uscc),
          (p) => {
            if (Array.isArray(p.results))
              for (const r of p.results as Record<string, unknown>[]) if (r.uscc === selected[0]!.uscc) r.note = '已改';
          },
        ),
      'head',
      /published chain head .* is not in this database/,
    ],
  ];

  it.each(cases)('catches %s', async (_name, make, caught, message) => {
    const file = make();
    const alone = await verify(file);
    const withHead = await verify(file, '--head', published);
    expect(withHead.code, withHead.stdout + withHead.stderr).toBe(1);
    expect(withHead.stdout).toMatch(message);
    // A rewrite that cuts or rebuilds the log passes on its own: only a head published before it exposes it.
    expect(alone.code, alone.stdout).toBe(caught === 'verify' ? 1 : 0);
  });

  it('the honest database passes with the published head', async () => {
    expect((await verify(fx.db, '--head', published)).code).toBe(0);
  });
});

describe('ssj audit log', () => {
  it('lists every entry oldest first, with who and what', async () => {
    const r = await ssj(fx.dir, ['audit', 'log']);
    expect(r.code).toBe(0);
    for (const action of [
      'plan.add',
      'plan.freeze',
      'draw',
      'draw.redraw',
      'event.recusal',
      'result.record',
      'result.publish',
      'result.correct',
    ])
      expect(r.stdout).toContain(action);
    expect(r.stdout.indexOf('plan.add')).toBeLessThan(r.stdout.indexOf('draw.redraw'));
    expect(r.stdout).toContain('tester');
    expect(r.stdout).toMatch(/Chain head: #\d+ [0-9a-f]{64}/);
  });

  it('filters by plan and keeps the newest N, as JSON with the payload parsed', async () => {
    const all = JSON.parse((await ssj(fx.dir, ['--json', 'audit', 'log'])).stdout) as {
      entries: { seq: number; action: string; planId: string | null; payload: Record<string, unknown> }[];
    };
    const last2 = JSON.parse((await ssj(fx.dir, ['--json', 'audit', 'log', '--limit', '2'])).stdout) as typeof all;
    expect(last2.entries.map((e) => e.seq)).toEqual(all.entries.slice(-2).map((e) => e.seq));
    const plan = JSON.parse((await ssj(fx.dir, ['--json', 'audit', 'log', '--plan', '2024Q1'])).stdout) as typeof all;
    expect(plan.entries.length).toBeGreaterThan(0);
    expect(plan.entries.every((e) => e.planId === '2024Q1')).toBe(true);
    expect(plan.entries.length).toBeLessThan(all.entries.length); // the imports belong to no plan
    const redraw = all.entries.find((e) => e.action === 'draw.redraw')!;
    expect(redraw.payload).toMatchObject({ drawId: 2, voidedDrawId: 1, reason: '开奖号码录入有误，经局务会决定重抽' });
    expect(JSON.parse((await ssj(fx.dir, ['--json', 'audit', 'log', '--plan', 'nope'])).stdout).entries).toEqual([]);
  });

  it('refuses a --limit that is not a positive whole number (exit 2)', async () => {
    const r = await ssj(fx.dir, ['audit', 'log', '--limit', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--limit');
  });
});

describe('a database from before table digests (issue 13: existing databases migrate)', () => {
  /** The honest database as an older ssj wrote it: no table digests in the log, schema one migration back. */
  function oldDb(): string {
    // A database of that time holds SSJ-1 draws only: the export fixture as the code before SSJ-2 became the default
    // built it (test/e2e/pre-ssj2-default.test.ts), not the SSJ-2 draws of today's fixture.
    const source = join(fx.dir, 'pre-ssj2-default.db');
    writeFileSync(source, gunzipSync(readFileSync(join(ROOT, 'test', 'golden', 'pre-ssj2-default', 'ssj.db.gz'))));
    const file = rewritten(
      () => {},
      (p) => delete p.tables,
      source,
    );
    const db = new Database(file);
    // Schema as it stood before migration 6 (table digests, index 5): undo the migrations appended after it. The
    // pinned database is at schema 7, so only migrations 6 and 7 are undone; later migrations need nothing here.
    db.exec('DROP TABLE plan_withdrawals; ALTER TABLE team_seats DROP COLUMN grp;');
    db.pragma('user_version = 5');
    db.close();
    return file;
  }

  it('keeps the old entries valid, appends one audit.bind entry, and says from which entry tables are bound', async () => {
    const file = oldDb();
    const before = new Database(file, { readonly: true });
    const entries = (before.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    before.close();
    const r = await verify(file);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`Tables are bound to the log by digest from entry #${entries + 1}`);
    const after = new Database(file, { readonly: true });
    const last = after.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Record<string, string>;
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    after.close();
    expect(last).toMatchObject({ seq: entries + 1, action: 'audit.bind', operator: 'ssj (upgrade)' });
    expect(Object.keys(JSON.parse(last.payload!).tables)).toHaveLength(ALL_BOUND.length);
    // From then on a change behind ssj's back is caught like on a new database.
    const db = new Database(file);
    db.prepare("UPDATE settings SET value = '某某局'").run();
    db.close();
    const t = await verify(file);
    expect(t.code).toBe(1);
    expect(t.stdout).toMatch(
      /Table settings no longer matches the digest recorded by audit log entry #\d+ \(audit\.bind/,
    );
  });
});
