import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/core/replay.js';
import type { DrawEvent } from '../../src/core/types.js';
import { activeDraw, drawEvents, loadState } from '../../src/db/draws.js';
import { openDb, type Db } from '../../src/db/open.js';
import { stateHash } from '../../src/db/state-hash.js';
import { ssj, tempDir } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db.js';
import { storeDrawnInput } from '../helpers/drawn-db.js';
import { tinyInput, VECTORS } from '../helpers/protocol.js';
import { publishedReason } from '../../src/domain/event-reasons.js';

/**
 * `ssj recuse` / `ssj replace` run in-process on the tiny vector stored as a drawn plan: the commands must record
 * exactly the hand-checked events of test/vectors/tiny-events.json, keep the stored state equal to the replay, and
 * leave the database byte-identical whenever they refuse.
 */

const vector = JSON.parse(readFileSync(join(VECTORS, 'tiny-events.json'), 'utf8')) as { events: DrawEvent[] };
const expected = (
  JSON.parse(readFileSync(join(VECTORS, 'tiny-events-expected.json'), 'utf8')) as {
    after: { teams: Record<string, unknown>; selection: unknown[] }[];
  }
).after;

/** The event commands in-process (test/helpers/cli.ts) at a fixed clock. */
const ssjIn = (dir: string, args: string[], env: Record<string, string> = {}) =>
  ssj(dir, args, { SSJ_NOW: '2024-01-11T02:00:00Z', ...env });

/** The command line that records a vector event. */
function argsFor(ev: DrawEvent): string[] {
  const base = ['--plan', '2024Q1', '--enterprise', ev.uscc, '--reason', ev.reason];
  if (ev.type === 'replacement') return ['replace', ...base];
  return [
    'recuse',
    ...base,
    '--category',
    publishedReason(ev.type, ev.reason),
    '--inspector',
    ev.certNo,
    ...(ev.type === 'swap' ? ['--swap'] : []),
    ...(ev.seed ? ['--seed', ev.seed] : []),
  ];
}

/** The database file's bytes, after folding the write-ahead log into it. */
function dbBytes(path: string): string {
  const db = openDb(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const wal = `${path}-wal`;
  return createHash('sha256')
    .update(readFileSync(path))
    .update(existsSync(wal) ? readFileSync(wal) : '')
    .digest('hex');
}

function withDb<T>(path: string, fn: (db: Db) => T): T {
  const db = openDb(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const sortedTeams = (teams: Map<string, unknown>) =>
  Object.fromEntries([...teams].sort(([a], [b]) => (a < b ? -1 : 1)));

function newTinyDb(): { dir: string; path: string; cleanup: () => void } {
  const t = tempDir('ssj-events-');
  const path = join(t.dir, 'ssj.db');
  withDb(path, (db) => storeDrawnInput(db, tinyInput()));
  return { ...t, path };
}

describe('ssj recuse / ssj replace record the hand-checked event vectors', () => {
  const t = newTinyDb();
  afterAll(t.cleanup);

  it.each(vector.events.map((ev, i) => [ev.seq, ev.type, ev, i] as const))(
    'event %i (%s)',
    async (_seq, _type, ev, i) => {
      const r = await ssjIn(t.dir, ['--json', ...argsFor(ev)]);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.event).toMatchObject({
        seq: ev.seq,
        type: ev.type,
        uscc: ev.uscc,
        certNo: ev.certNo,
        replacementCertNo: ev.replacementCertNo,
        replacementUscc: ev.replacementUscc,
        seed: ev.seed,
        // Only the category is recorded as the published reason; the vector's words stay internal (#15 part 7).
        reason: publishedReason(ev.type, ev.reason),
        operator: 'tester',
      });
      withDb(t.path, (db) => {
        const d = activeDraw(db, '2024Q1')!;
        const stored = loadState(db, d.id);
        expect(sortedTeams(stored.teams)).toEqual(expected[i]!.teams);
        expect(
          stateHash(
            stored,
            d.strata.map((s) => s.name),
          ),
        ).toBe(out.resultHash);
        const audit = db.prepare('SELECT action, payload FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
          action: string;
          payload: string;
        };
        expect(audit.action).toBe(`event.${ev.type}`);
        expect(JSON.parse(audit.payload)).toMatchObject({
          drawId: d.id,
          resultHash: out.resultHash,
          event: { seq: ev.seq, replacementCertNo: ev.replacementCertNo },
        });
      });
    },
  );

  it('stores events that replay to the stored state', () => {
    withDb(t.path, (db) => {
      const d = activeDraw(db, '2024Q1')!;
      const events = drawEvents(db, d.id);
      expect(events.map((e) => ({ ...e, operator: undefined, at: undefined }))).toEqual(
        vector.events.map((e) => ({
          ...e,
          reason: publishedReason(e.type, e.reason),
          operator: undefined,
          at: undefined,
        })),
      );
      const r = replay(tinyInput(), events);
      expect(r.mismatches).toEqual([]);
      expect(stateHash(r.state)).toBe(
        stateHash(
          loadState(db, d.id),
          d.strata.map((s) => s.name),
        ),
      );
    });
  });

  it('gives every recused or swapped-out inspector a conflict with the enterprise, sourced "recusal"', () => {
    const rows = withDb(t.path, (db) =>
      db
        .prepare(
          "SELECT cert_no, uscc, reason, source, active FROM conflicts WHERE source = 'recusal' ORDER BY cert_no",
        )
        .all(),
    );
    const recused = vector.events.filter((e) => e.type !== 'replacement');
    expect(rows).toEqual(
      recused
        .map((e) => ({ cert_no: e.certNo, uscc: e.uscc, reason: e.reason, source: 'recusal', active: 1 }))
        .sort((a, b) => (a.cert_no < b.cert_no ? -1 : 1)),
    );
  });
});

describe('what the officer reads', () => {
  const t = newTinyDb();
  afterAll(t.cleanup);

  it('says who left, who came in and why that one, and that no fresh seed was used (zh)', async () => {
    const r = await ssjIn(t.dir, argsFor(vector.events[0]!), { SSJ_LANG: 'zh' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '回避：赵磊（37032301006）退出淄博鑫源化工有限公司（91370300MA3C5X2K00）检查组第 2 席。原因：近亲属',
    );
    expect(r.stdout).toContain('接替：刘洋（37032301004）接替第 2 席。');
    expect(r.stdout).toContain(
      '按原抽签顺序（本次抽取的种子计算的 I 签，升序）第 3 位；前 2 位中，1 位为回避人员本人、1 位已达每人 2 个检查组的上限',
    );
    expect(r.stdout).toContain('未使用新的公开随机数');
    expect(r.stdout).toContain('已登记为计划 2024Q1');
  });

  it('names the fresh seed and k for a recusal with --seed (en)', async () => {
    const r = await ssjIn(t.dir, argsFor(vector.events[1]!));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Recusal: 陈静 (37032301005) leaves seat 2 of the team for 高青县华安烟花爆竹有限公司 (91370322MA3D4RUN7G)',
    );
    expect(r.stdout).toContain('Replacement: 李强 (37032301003) takes seat 2.');
    expect(r.stdout).toContain(
      `first in the R order computed with the fresh public seed "${vector.events[1]!.seed}" (recusal number 1 on this enterprise)`,
    );
    expect(r.stdout).not.toContain('no fresh public randomness');
  });

  it('explains a swap', async () => {
    const r = await ssjIn(t.dir, argsFor(vector.events[2]!));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Swap: 王芳 (37032301002) leaves seat 2 of the team for 高青县恒达机械制造有限公司 (91370322MA3F0PDA56) and trades with 刘洋 (37032301004), seat 2 of the team for 淄博鑫源化工有限公司 (91370300MA3C5X2K00)',
    );
    expect(r.stdout).toContain('淄博鑫源化工有限公司 is the first enterprise with a member who can trade');
  });

  it('lists every reason a specialist recusal passed over (en)', async () => {
    const r = await ssjIn(t.dir, argsFor(vector.events[3]!));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Replacement: 陈静 (37032301005) takes seat 1 (team leader).');
    expect(r.stdout).toContain(
      'number 6; of the 5 ahead: 1 is the recusing inspector, 1 had already recused from it, 1 is already on the team, 2 are not "机械" specialists (the team needed one)',
    );
  });

  it('explains a replacement with the reserve and its new team', async () => {
    const r = await ssjIn(t.dir, argsFor(vector.events[4]!));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Replacement: 高青县华安烟花爆竹有限公司 (91370322MA3D4RUN7G) leaves this plan');
    expect(r.stdout).toContain(
      'In its place: 高青县金石矿业有限公司 (91370322163341218D), reserve number 3 of stratum "重点行业"',
    );
    expect(r.stdout).toContain('the first leads): 王芳 (37032301002), 李强 (37032301003); check items: AQ-02 AQ-04');
  });
});

describe('refusals leave the database byte-identical', () => {
  const t = newTinyDb();
  beforeAll(async () => {
    for (const ev of vector.events) expect((await ssjIn(t.dir, argsFor(ev))).code).toBe(0);
  });
  afterAll(t.cleanup);
  const E1 = '91370300MA3C5X2K00';

  it.each([
    [
      'no reserve left',
      ['replace', '--plan', '2024Q1', '--enterprise', E1, '--reason', '注销'],
      5,
      /No unused reserve is left in stratum "重点行业"/,
    ],
    [
      'an enterprise already replaced',
      ['replace', '--plan', '2024Q1', '--enterprise', '91370322MA3D4RUN7G', '--reason', 'x'],
      4,
      /not currently selected/,
    ],
    [
      'a reserve',
      [
        'recuse',
        '--plan',
        '2024Q1',
        '--enterprise',
        '91370322MA3N8L2Q14',
        '--inspector',
        '37032301004',
        '--category',
        '其他',
        '--reason',
        'x',
      ],
      4,
      /not currently selected/,
    ],
    [
      'an inspector not on the team',
      [
        'recuse',
        '--plan',
        '2024Q1',
        '--enterprise',
        E1,
        '--inspector',
        '37032301001',
        '--category',
        '其他',
        '--reason',
        'x',
      ],
      4,
      /Its members: 陈静 \(37032301005\), 王芳 \(37032301002\)/,
    ],
    [
      'no eligible replacement',
      [
        'recuse',
        '--plan',
        '2024Q1',
        '--enterprise',
        E1,
        '--inspector',
        '37032301005',
        '--category',
        '其他',
        '--reason',
        'x',
      ],
      5,
      /needs a "危险化学品" specialist/,
    ],
    [
      'no eligible replacement under a fresh seed',
      [
        'recuse',
        '--plan',
        '2024Q1',
        '--enterprise',
        E1,
        '--inspector',
        '37032301005',
        '--category',
        '其他',
        '--reason',
        'x',
        '--seed',
        'fresh',
      ],
      5,
      /No inspector can replace/,
    ],
    [
      'no possible swap',
      [
        'recuse',
        '--plan',
        '2024Q1',
        '--enterprise',
        E1,
        '--inspector',
        '37032301005',
        '--category',
        '其他',
        '--reason',
        'x',
        '--swap',
      ],
      5,
      /No swap is possible/,
    ],
    ['an unknown plan', ['replace', '--plan', '2099Q9', '--enterprise', E1, '--reason', 'x'], 4, /2099Q9/],
    [
      'an empty reason',
      ['replace', '--plan', '2024Q1', '--enterprise', E1, '--reason', '  '],
      2,
      /--reason must not be empty/,
    ],
    [
      'an empty seed',
      [
        'recuse',
        '--plan',
        '2024Q1',
        '--enterprise',
        E1,
        '--inspector',
        '37032301002',
        '--category',
        '其他',
        '--reason',
        'x',
        '--seed',
        ' ',
      ],
      2,
      /seed must not be empty/,
    ],
    [
      'a seed with --swap',
      [
        'recuse',
        '--plan',
        '2024Q1',
        '--enterprise',
        E1,
        '--inspector',
        '37032301002',
        '--category',
        '其他',
        '--reason',
        'x',
        '--seed',
        's',
        '--swap',
      ],
      2,
      /--swap cannot be combined/,
    ],
  ] as const)('%s', async (_name, args, code, message) => {
    const before = dbBytes(t.path);
    const rows = dumpDb(t.path);
    const r = await ssjIn(t.dir, [...args]);
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(dumpDb(t.path)).toEqual(rows); // the readable difference, if any
    expect(dbBytes(t.path)).toBe(before);
  });

  it('accepts full-width and lower-case codes as typed', async () => {
    const fullWidth = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const r = await ssjIn(t.dir, [
      '--json',
      'recuse',
      '--plan',
      '2024Q1',
      '--enterprise',
      ` ${fullWidth(E1).toLowerCase()} `,
      '--inspector',
      fullWidth('37032301002'),
      '--category',
      '其他',
      '--reason',
      'x',
      '--seed',
      'fresh',
    ]);
    // 王芳 leaves 淄博鑫源化工; the order under "fresh" decides who comes (the point here is that the codes were recognised).
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).event).toMatchObject({ uscc: E1, certNo: '37032301002', seed: 'fresh' });
  });
});

describe('conflicts declared after the draw', () => {
  it('warns when the newcomer has one (the protocol only knows those of the draw), and a recusal makes it a recusal conflict', async () => {
    const t = newTinyDb();
    try {
      const E1 = '91370300MA3C5X2K00';
      // 刘洋 (…004) will replace 赵磊 (event 1 of the vectors); a conflict with E1 is declared after the draw.
      withDb(t.path, (db) =>
        db
          .prepare(
            "INSERT INTO conflicts (cert_no, uscc, reason, source, declared_at) VALUES ('37032301004', ?, '表亲在该企业任职', 'import', '2024-01-10T05:00:00.000Z')",
          )
          .run(E1),
      );
      const r = await ssjIn(t.dir, argsFor(vector.events[0]!));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(
        '刘洋 (37032301004) has a conflict with 淄博鑫源化工有限公司 (91370300MA3C5X2K00) that was declared after this draw',
      );
      expect(r.stderr).toContain(`ssj recuse --plan 2024Q1 --enterprise ${E1} --inspector 37032301004`);
      const again = await ssjIn(t.dir, [
        'recuse',
        '--plan',
        '2024Q1',
        '--enterprise',
        E1,
        '--inspector',
        '37032301004',
        '--category',
        '近亲属',
        '--reason',
        '表亲在该企业任职，申请回避',
      ]);
      expect(again.code, again.stderr).toBe(0);
      const row = withDb(t.path, (db) =>
        db
          .prepare(
            "SELECT reason, source, declared_at, active FROM conflicts WHERE cert_no = '37032301004' AND uscc = ?",
          )
          .get(E1),
      );
      // Source 'recusal' so that a later `import conflicts --replace` cannot withdraw it; the declaration keeps its date.
      expect(row).toEqual({
        reason: '表亲在该企业任职，申请回避',
        source: 'recusal',
        declared_at: '2024-01-10T05:00:00.000Z',
        active: 1,
      });
    } finally {
      t.cleanup();
    }
  });
});

describe('refusals on the plan itself', () => {
  it('refuses a plan that was never drawn (5) and a voided draw (5), changing nothing', async () => {
    const t = newTinyDb();
    try {
      const args = ['replace', '--plan', '2024Q1', '--enterprise', '91370322MA3D4RUN7G', '--reason', 'x'];
      withDb(t.path, (db) =>
        db
          .prepare("UPDATE draws SET status = 'void', voided_at = '2024-01-10T03:00:00.000Z', void_reason = 'test'")
          .run(),
      );
      let before = dbBytes(t.path);
      let r = await ssjIn(t.dir, args);
      expect([r.code, r.stderr]).toEqual([
        5,
        expect.stringMatching(/draw #1 of plan "2024Q1" was voided at 2024-01-10 11:00 \(UTC\+8\)/),
      ]);
      expect(dbBytes(t.path)).toBe(before);
      withDb(t.path, (db) =>
        db.exec('DELETE FROM selections; DELETE FROM team_seats; DELETE FROM check_items; DELETE FROM draws;'),
      );
      before = dbBytes(t.path);
      r = await ssjIn(t.dir, args);
      expect([r.code, r.stderr]).toEqual([5, expect.stringMatching(/has not been drawn yet/)]);
      expect(dbBytes(t.path)).toBe(before);
    } finally {
      t.cleanup();
    }
  });

  it('refuses to build on a stored result that was edited (exit 1, pointing at ssj audit verify)', async () => {
    const t = newTinyDb();
    try {
      withDb(t.path, (db) =>
        db
          .prepare(
            "UPDATE team_seats SET cert_no = '37032301001', name = '张伟' WHERE uscc = '91370322MA3F0PDA56' AND seat = 2",
          )
          .run(),
      );
      const before = dbBytes(t.path);
      const r = await ssjIn(t.dir, argsFor(vector.events[0]!));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/ssj audit verify/);
      expect(dbBytes(t.path)).toBe(before);
    } finally {
      t.cleanup();
    }
  });

  it('refuses when a recorded event no longer replays to its recorded outcome', async () => {
    const t = newTinyDb();
    try {
      expect((await ssjIn(t.dir, argsFor(vector.events[0]!))).code).toBe(0);
      withDb(t.path, (db) =>
        db.prepare("UPDATE draw_events SET replacement_cert_no = '37032301003' WHERE seq = 1").run(),
      );
      const r = await ssjIn(t.dir, argsFor(vector.events[1]!));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/event 1: replacementCertNo 37032301003 ≠ 37032301004/);
    } finally {
      t.cleanup();
    }
  });
});
