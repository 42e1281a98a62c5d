import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawPlan, type DrawSummary } from '../../src/app/draw.js';
import { readConflicts, readPoolEnterprises } from '../../src/core/canonical.js';
import { readItems2, readPoolInspectors2 } from '../../src/core/ssj2/canonical.js';
import { draw2 } from '../../src/core/ssj2/draw.js';
import { drawInput2 } from '../../src/core/ssj2/draw-input.js';
import { secretCommitment } from '../../src/core/ssj2/seed.js';
import { rfc3797Key } from '../../src/core/seed.js';
import { openDb } from '../../src/db/open.js';
import { validatePlan } from '../../src/domain/plan.js';
import { bothVerifiers, readBundle, rows } from '../helpers/bundle.js';
import { FIXTURES, ssj, tempDir, type RunResult } from '../helpers/cli.js';
import { dbBytes } from '../helpers/db.js';

/**
 * #15 parts 1 and 2 (DESIGN.md "Nothing is chosen after the seed is known", SSJ-2 "Seed rule" and "Secret part").
 *
 * Plan 2024Q1 is frozen with a seed rule (双色球: 红球, 蓝球): the pre-announcement says exactly how the result will
 * be typed, and the draw refuses a seed of another kind or another number of sources, so a declined or refused draw
 * cannot be tried again with the result written another way. Plan 2025A is unannounced (暗查暗访): its freeze commits
 * a secret, the draw uses it, the selection cannot be computed from the pre-announcement and the lottery result, the
 * bundle is refused before the window ends unless --reveal, and the revealed bundle verifies in both verifiers.
 */
const SOURCES = ['双色球第2024005期 红球', '双色球第2024005期 蓝球'];
const LOTTERY = '03 09 14 22 27 31 / 08';
/** The same numbers written another way: another order, no leading zeros, other spacing. */
const LOTTERY_REWRITTEN = '31 27 22 14 9 3/8';
const SECRET_LOTTERY = '05 11 17 23 29 33 / 12';

const t = tempDir('ssj-seed-rules-');
const dir = t.dir;
const dbPath = join(dir, 'ssj.db');
/** Every stdout and stderr of every command, for the scan for the secret. */
const printed: string[] = [];

async function run(now: string, args: string[], expected = 0): Promise<RunResult> {
  const r = await ssj(dir, ['--now', now, ...args]);
  printed.push(r.stdout, r.stderr);
  if (r.code !== expected) throw new Error(`ssj ${args.join(' ')} exited ${r.code}, expected ${expected}\n${r.stderr}`);
  return r;
}

function planFile(id: string, change: (p: Record<string, unknown>) => void): string {
  const p = JSON.parse(readFileSync(join(FIXTURES, 'plan-2024Q1.json'), 'utf8')) as Record<string, unknown>;
  p.id = id;
  change(p);
  const file = join(dir, `${id}.json`);
  writeFileSync(file, JSON.stringify(p));
  return file;
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Copy the database, run `edit` on the copy, and return `ssj audit verify` on it. */
async function auditAfter(edit: string, ...params: unknown[]): Promise<RunResult> {
  const copy = join(dir, `tampered-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(dbPath, copy);
  const db = new Database(copy);
  db.prepare(edit).run(...params);
  db.close();
  return ssj(dir, ['--db', copy, 'audit', 'verify']);
}

let preRule: RunResult;
let preSecret: RunResult;

beforeAll(async () => {
  for (const roster of ['enterprises', 'inspectors', 'items', 'conflicts'])
    await run('2024-01-02T01:00:00Z', ['import', roster, join(FIXTURES, `${roster}.csv`)]);
  await run('2024-01-03T01:00:00Z', ['plan', 'add', planFile('2024Q1', () => {})]);
  const sources = SOURCES.flatMap((s) => ['--source', s]);
  preRule = await run('2024-01-04T01:00:00Z', [
    'plan',
    'freeze',
    '2024Q1',
    '--seed-source',
    '中国福利彩票双色球第2024005期开奖号码',
    '--seed-rule',
    'rfc3797',
    ...sources,
    '--out',
    'pre-2024Q1.txt',
  ]);
  await run('2024-01-03T01:00:00Z', [
    'plan',
    'add',
    planFile('2025A', (p) => {
      p.year = 2025;
      p.title = '青禾县2025年第二季度暗查暗访';
      p.window = { start: '2025-04-01', end: '2025-06-30' };
      p.publication = { unannounced: true, resultDays: 20 };
    }),
  ]);
  preSecret = await run('2025-03-20T01:00:00Z', [
    'plan',
    'freeze',
    '2025A',
    '--seed-source',
    '中国福利彩票双色球第2025030期开奖号码',
    '--seed-rule',
    'rfc3797',
    '--source',
    '双色球第2025030期 红球',
    '--source',
    '双色球第2025030期 蓝球',
  ]);
});
afterAll(t.cleanup);

describe('seed rule at freeze (DESIGN.md "Nothing is chosen after the seed is known")', () => {
  it('the pre-announcement prints the rule, each source in order and a worked example; --out holds the same text', () => {
    const text = preRule.stdout;
    expect(text).toContain('Seed rule: RFC 3797');
    expect(text).toContain(`source 1: ${SOURCES[0]}`);
    expect(text).toContain(`source 2: ${SOURCES[1]}`);
    expect(text.indexOf(SOURCES[0]!)).toBeLessThan(text.indexOf(SOURCES[1]!));
    // The worked example is a real command and the seed it gives.
    expect(text).toContain(`ssj draw --plan 2024Q1 --seed-rfc3797 "${LOTTERY}"`);
    expect(text).toContain(`seed ${rfc3797Key(LOTTERY)}`);
    expect(readFileSync(join(dir, 'pre-2024Q1.txt'), 'utf8')).toBe(text);
    expect(text).not.toMatch(/Secret commitment/);
  });

  it('refuses (exit 5) a text seed and a seed with another number of sources, naming the rule; nothing changes', async () => {
    const before = dbBytes(dbPath);
    const text = await run(
      '2024-01-06T01:00:00Z',
      ['draw', '--plan', '2024Q1', '--seed', `双色球第2024005期 ${LOTTERY}`, '--yes'],
      5,
    );
    expect(text.stderr).toContain('rfc3797');
    expect(text.stderr).toContain(`1. ${SOURCES[0]}`);
    expect(text.stderr).toContain(`2. ${SOURCES[1]}`);
    const three = await run(
      '2024-01-06T01:00:00Z',
      ['draw', '--plan', '2024Q1', '--seed-rfc3797', `${LOTTERY} / 1`, '--yes'],
      5,
    );
    expect(three.stderr).toMatch(/2 sources in order[\s\S]*3 groups/);
    const one = await run(
      '2024-01-06T01:00:00Z',
      ['draw', '--plan', '2024Q1', '--seed-rfc3797', '03 09 14 22 27 31 08', '--yes'],
      5,
    );
    expect(one.stderr).toMatch(/1 groups/);
    expect(
      (await run('2024-01-06T01:00:00Z', ['--lang', 'zh', 'draw', '--plan', '2024Q1', '--seed', 'x', '--yes'], 5))
        .stderr,
    ).toContain('冻结时预告的种子规则是 rfc3797');
    // --unfrozen does not apply to a frozen plan.
    await run(
      '2024-01-06T01:00:00Z',
      ['draw', '--plan', '2024Q1', '--seed-rfc3797', LOTTERY, '--unfrozen', '--reason', 'x', '--yes'],
      2,
    );
    expect(dbBytes(dbPath)).toBe(before);
  });

  it('a declined draw cannot be repeated with a differently written seed: every accepted writing gives the same draw', async () => {
    // Declined at the question (a terminal answering no): exit 130, nothing stored.
    let declined: DrawSummary | undefined;
    const db = openDb(dbPath);
    try {
      await expect(
        drawPlan(
          db,
          { planId: '2024Q1', seed: { seed: rfc3797Key(LOTTERY), input: LOTTERY, kind: 'rfc3797' } },
          {
            lang: 'en',
            operator: 'tester',
            now: () => '2024-01-06T02:00:00Z',
            yes: false,
            warn: () => {},
            show: (s) => {
              declined = s;
            },
            confirm: async () => false,
          },
        ),
      ).rejects.toMatchObject({ code: 'draw.cancelled', exitCode: 130 });
    } finally {
      db.close();
    }
    expect(declined!.selected.length).toBeGreaterThan(0);
    // Trying again written another way: text is refused; the same numbers written differently are the same seed.
    await run('2024-01-06T03:00:00Z', ['draw', '--plan', '2024Q1', '--seed', `双色球 ${LOTTERY}`, '--yes'], 5);
    const kept = await run('2024-01-06T03:00:00Z', [
      '--json',
      'draw',
      '--plan',
      '2024Q1',
      '--seed-rfc3797',
      LOTTERY_REWRITTEN,
      '--yes',
    ]);
    const stored = JSON.parse(kept.stdout) as DrawSummary;
    expect(stored.seed).toBe(declined!.seed);
    expect(stored.selected).toEqual(declined!.selected);
  });

  it('the draw keeps the rule; audit verify passes and catches an edited rule', async () => {
    const [d] = query<{ seed_rule: string }>(
      'SELECT s.seed_rule FROM draw_seeds s JOIN draws d ON d.id = s.draw_id WHERE d.plan_id = ?',
      '2024Q1',
    );
    expect(JSON.parse(d!.seed_rule)).toEqual({ kind: 'rfc3797', sources: SOURCES });
    const ok = await run('2024-01-07T01:00:00Z', ['audit', 'verify']);
    expect(ok.stdout).not.toMatch(/seed/i);
    const edited = await auditAfter(
      "UPDATE freeze_seeds SET seed_rule = ? WHERE plan_id = '2024Q1'",
      JSON.stringify({ kind: 'rfc3797', sources: [SOURCES[0], '双色球第2024005期 蓝球', '快乐8'] }),
    );
    expect(edited.code).toBe(1);
    expect(edited.stdout + edited.stderr).toMatch(/freeze 2024Q1: seedRule differs from audit entry/);
    const dropped = await auditAfter('DELETE FROM draw_seeds');
    expect(dropped.code).toBe(1);
    expect(dropped.stdout + dropped.stderr).toMatch(/seedRule differs/);
  });
});

describe('an unfrozen draw (--unfrozen --reason)', () => {
  it('is recorded with its reason, which audit verify binds', async () => {
    await run('2024-02-01T01:00:00Z', [
      'plan',
      'add',
      planFile('2024U', (p) => {
        p.year = 2023;
        p.window = { start: '2023-04-01', end: '2023-06-30' };
      }),
    ]);
    await run('2024-02-01T02:00:00Z', ['draw', '--plan', '2024U', '--seed', '任意', '--yes'], 2);
    await run('2024-02-01T02:00:00Z', [
      'draw',
      '--plan',
      '2024U',
      '--seed',
      '任意',
      '--unfrozen',
      '--reason',
      '上级临时部署',
      '--yes',
    ]);
    const [r] = query<{ unfrozen_reason: string; payload: string }>(
      `SELECT s.unfrozen_reason, a.payload FROM draw_seeds s JOIN draws d ON d.id = s.draw_id
       JOIN audit_log a ON a.plan_id = d.plan_id AND a.action = 'draw' WHERE d.plan_id = '2024U'`,
    );
    expect(r!.unfrozen_reason).toBe('上级临时部署');
    expect(JSON.parse(r!.payload).unfrozenReason).toBe('上级临时部署');
    const edited = await auditAfter(
      "UPDATE draw_seeds SET unfrozen_reason = '另有原因' WHERE unfrozen_reason IS NOT NULL",
    );
    expect(edited.code).toBe(1);
    expect(edited.stdout + edited.stderr).toMatch(/unfrozenReason differs/);
  });
});

describe('secret seed part of an unannounced plan (DESIGN.md SSJ-2 "Secret part")', () => {
  const secret = () =>
    query<{ seed_secret: string }>("SELECT seed_secret FROM freeze_seeds WHERE plan_id = '2025A'")[0]!.seed_secret;
  const commitment = () => /Secret commitment \(SHA-256\): ([0-9a-f]{64})/.exec(preSecret.stdout)?.[1];

  it('the freeze commits 32 random bytes and the pre-announcement publishes only the commitment', () => {
    expect(secret()).toMatch(/^[0-9a-f]{64}$/);
    expect(commitment()).toBe(secretCommitment('2025A', secret()));
    expect(preSecret.stdout).toContain('protocol SSJ-2');
  });

  it('draws with the secret; the selection differs from the draw anyone could compute from the pre-announcement and the lottery', async () => {
    await run('2025-03-22T01:00:00Z', ['draw', '--plan', '2025A', '--seed-rfc3797', SECRET_LOTTERY, '--yes']);
    const before = dbBytes(dbPath);
    // Before the window ends the bundle is refused: it would name who is checked and reveal the secret.
    const early = await run(
      '2025-04-15T01:00:00Z',
      ['export', 'bundle', '--plan', '2025A', '--out', join(dir, 'early')],
      5,
    );
    expect(early.stderr).toContain('--reveal');
    expect(dbBytes(dbPath)).toBe(before);
    // After the window: the bundle is the reveal, and both verifiers accept it.
    const out = join(dir, 'bundle-2025A');
    await run('2025-07-01T01:00:00Z', ['export', 'bundle', '--plan', '2025A', '--out', out]);
    const b = readBundle(out);
    const m = JSON.parse(b.get('manifest.json')!) as Record<string, unknown>;
    expect(m.algorithm).toBe('SSJ-2');
    expect(m.publicSeed).toBe(rfc3797Key(SECRET_LOTTERY));
    expect(m.seedSecret).toBe(secret());
    expect(m.secretCommitment).toBe(commitment());
    expect(m.seedRule).toEqual({ kind: 'rfc3797', sources: ['双色球第2025030期 红球', '双色球第2025030期 蓝球'] });
    const v = await bothVerifiers(out);
    expect(v.ssj.code, v.ssj.stdout + v.ssj.stderr).toBe(0);
    expect(v.py.code, v.py.stdout + v.py.stderr).toBe(0);
    // What an outsider computes from the published inputs and the public seed alone (SSJ-2, no secret).
    const manifestStrata = m.strata as { name: string; population: number; pool: number }[];
    const publicDraw = draw2(
      drawInput2(validatePlan(JSON.parse(b.get('plan.json')!)), m.publicSeed as string, manifestStrata, {
        pool: readPoolEnterprises(b.get('pool-enterprises.csv')!),
        removed: [],
        inspectors: readPoolInspectors2(b.get('pool-inspectors.csv')!).map(({ kindText: _k, ...i }) => i),
        items: readItems2(b.get('items.csv')!),
        conflicts: readConflicts(b.get('conflicts.csv')!),
      }),
    );
    const selected = (xs: { uscc: string; role: string }[]) =>
      xs
        .filter((r) => r.role === 'selected')
        .map((r) => r.uscc)
        .sort();
    const published = selected(rows(b, 'selection.csv') as { uscc: string; role: string }[]);
    expect(published.length).toBeGreaterThan(2);
    expect(selected(publicDraw.selection)).not.toEqual(published);
    // Not a single ticket of the real draw can be computed without the secret.
    const publicTickets = new Set(publicDraw.selection.map((r) => r.ticket));
    expect(rows(b, 'selection.csv').filter((r) => publicTickets.has(r.ticket!))).toEqual([]);
  });

  it('--reveal exports before the window ends and is recorded in the audit log', async () => {
    const out = join(dir, 'revealed');
    const r = await run('2025-04-15T02:00:00Z', ['export', 'bundle', '--plan', '2025A', '--out', out, '--reveal']);
    expect(r.stderr).toContain('revealed before its window ends');
    const logged = query<{ payload: string }>("SELECT payload FROM audit_log WHERE action = 'bundle.reveal'");
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!.payload)).toMatchObject({ windowEnd: '2025-06-30', secretCommitment: commitment() });
    expect((await bothVerifiers(out)).ssj.code).toBe(0);
  });

  it('the secret appears in no output, log entry or export before the reveal', async () => {
    const s = secret();
    const pre = join(dir, 'pre-reveal');
    const at = '2025-04-15T03:00:00Z';
    await run(at, ['--json', 'plan', 'show', '2025A']);
    await run(at, ['plan', 'show', '2025A']);
    await run(at, ['--json', 'plan', 'list']);
    await run(at, ['--json', 'audit', 'log']);
    await run(at, ['audit', 'log']);
    for (const format of ['html', 'md', 'txt', 'csv'])
      await run(at, [
        'export',
        'announcement',
        '--plan',
        '2025A',
        '--format',
        format,
        '--out',
        join(pre, `a.${format}`),
      ]);
    await run(at, ['export', 'site', '--year', '2025', '--out', join(pre, 'site')]);
    for (const text of printed) expect(text.includes(s)).toBe(false);
    for (const { payload } of query<{ payload: string }>('SELECT payload FROM audit_log'))
      expect(payload.includes(s)).toBe(false);
    const files = (d: string): string[] =>
      readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : [join(d, n)]));
    const exported = files(pre);
    expect(exported.length).toBeGreaterThan(5);
    for (const f of exported) expect(readFileSync(f, 'utf8').includes(s), f).toBe(false);
  });

  it('audit verify checks the stored secret against the commitment', async () => {
    expect((await run('2025-04-16T01:00:00Z', ['audit', 'verify'])).code).toBe(0);
    const edited = await auditAfter("UPDATE freeze_seeds SET seed_secret = ? WHERE plan_id = '2025A'", 'ab'.repeat(32));
    expect(edited.code).toBe(1);
    expect(edited.stdout + edited.stderr).toMatch(/freeze 2025A does not match its commitment/);
    const drawEdited = await auditAfter(
      'UPDATE draw_seeds SET seed_secret = ? WHERE seed_secret IS NOT NULL',
      'cd'.repeat(32),
    );
    expect(drawEdited.code).toBe(1);
    expect(drawEdited.stdout + drawEdited.stderr).toMatch(/draw #\d+ \(2025A\) does not match its commitment/);
  });

  it('--secret on an announced plan commits one too (and makes it draw under SSJ-2)', async () => {
    await run('2024-03-01T01:00:00Z', [
      'plan',
      'add',
      planFile('2023S', (p) => {
        p.year = 2023;
        p.window = { start: '2023-07-01', end: '2023-09-30' };
      }),
    ]);
    const r = await run('2024-03-01T02:00:00Z', [
      '--json',
      'plan',
      'freeze',
      '2023S',
      '--seed-source',
      '体彩',
      '--secret',
    ]);
    const j = JSON.parse(r.stdout) as { secretCommitment: string; protocol: string };
    expect(j.protocol).toBe('SSJ-2');
    const [s] = query<{ seed_secret: string }>("SELECT seed_secret FROM freeze_seeds WHERE plan_id = '2023S'");
    expect(j.secretCommitment).toBe(secretCommitment('2023S', s!.seed_secret));
    expect(r.stdout.includes(s!.seed_secret)).toBe(false);
    expect(r.stderr).toContain('without a seed rule');
  });
});
