import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS } from '../../src/audit/log.js';
import { ssj, ssjOk } from '../helpers/cli.js';
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
    a!.team[0]!.certNo,
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
});
afterAll(() => fx?.cleanup());

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
    expect(r.stdout).toMatch(/Checked: 2 draw\(s\).*1 event\(s\), 2 result\(s\), 1 correction\(s\)/s);
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
      checked: { draws: 2, events: 1, results: 2, corrections: 1, plans: 1, freezes: 1 },
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
      /correction #1 .*has no audit log entry/,
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

  it('passes a rewritten chain only without the head published before the rewrite', async () => {
    const published = JSON.parse((await ssj(fx.dir, ['--json', 'audit', 'verify'])).stdout).head as {
      seq: number;
      hash: string;
    };
    // An insider edits a result, puts the edit into the log too and rebuilds every hash so the chain is whole again.
    const file = join(fx.dir, 'rewritten.db');
    copyFileSync(fx.db, file);
    const db = new Database(file);
    db.prepare("UPDATE results SET note = '已改' WHERE uscc = ?").run(selected[0]!.uscc);
    const edited = db.prepare('SELECT * FROM results WHERE uscc = ?').get(selected[0]!.uscc) as {
      id: number;
      note: string;
    };
    let prev = GENESIS;
    for (const e of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, any>[]) {
      const p = JSON.parse(e.payload);
      if (Array.isArray(p.results))
        p.results = p.results.map((r: { id: number }) => (r.id === edited.id ? { ...r, note: edited.note } : r));
      const payload = canonicalJson(p);
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
    }
    db.close();
    expect(prev).not.toBe(published.hash);
    expect((await verify(file)).code).toBe(0);
    const r = await verify(file, '--head', `${published.seq}:${published.hash}`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(published.hash);
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
