import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { csvLines, parseCsv, poolEnterprisesCsv, readPoolEnterprises } from '../../src/core/canonical.js';
import { activeDraw, loadState } from '../../src/db/draws.js';
import type { Db } from '../../src/db/open.js';
import { ROOT, ssj, type RunResult } from './cli.js';
import { storeDrawnInput, storeEvent } from './drawn-db.js';
import { syntheticInput } from './protocol.js';

/**
 * Verification bundles in tests: read and write them as name -> text maps, tamper with them the way a forger
 * would (updating the manifest so only recomputation can tell), and run both verifiers on a directory.
 */
export type Bundle = Map<string, string>;

export const PY_VERIFIER = join(ROOT, 'docs', 'verify.py');

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export function readBundle(dir: string): Bundle {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

export function writeBundleDir(dir: string, b: Bundle): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of b) writeFileSync(join(dir, name), text);
  return dir;
}

/** Update manifest.json (file hashes and pool hash) to match the files, as a careful forger would. */
export function rehash(b: Bundle): void {
  const m = JSON.parse(b.get('manifest.json')!) as { files: Record<string, string>; poolHash: string };
  for (const name of Object.keys(m.files)) if (b.has(name)) m.files[name] = sha(b.get(name)!);
  m.poolHash = sha(b.get('pool-enterprises.csv')!);
  b.set('manifest.json', `${JSON.stringify(m, null, 2)}\n`);
}

export function rows(b: Bundle, file: string): Record<string, string>[] {
  return parseCsv(b.get(file)!);
}

export function putRows(b: Bundle, file: string, rs: Record<string, string>[]): void {
  const header = b.get(file)!.split('\n', 1)[0]!.split(',');
  b.set(
    file,
    csvLines(
      header,
      rs.map((r) => header.map((h) => r[h] ?? '')),
    ),
  );
}

function json<T>(b: Bundle, file: string): T {
  return JSON.parse(b.get(file)!) as T;
}

interface PlanJson {
  strata: { name: string; ratio?: string; count?: number }[];
}

export interface Tamper {
  name: string;
  /** Whether the forger also updates manifest.json. */
  rehash: boolean;
  apply: (b: Bundle) => void;
}

/** The forgeries of issue 5 "Tests that must exist". Each needs a bundle with reserves and at least two events. */
export const TAMPERS: Tamper[] = [
  {
    name: 'a selected enterprise swapped for a reserve',
    rehash: true,
    apply: (b) => {
      const sel = rows(b, 'selection.csv');
      const reserve = sel.find((r) => r.role === 'reserve')!;
      const chosen = sel.find((r) => r.role === 'selected' && r.stratum === reserve.stratum)!;
      const [a, z] = [{ ...chosen }, { ...reserve }];
      for (const f of ['uscc', 'name', 'ticket']) [chosen[f], reserve[f]] = [z[f]!, a[f]!];
      putRows(b, 'selection.csv', sel);
      for (const f of ['teams.csv', 'check-items.csv']) b.set(f, b.get(f)!.replaceAll(a.uscc!, z.uscc!));
    },
  },
  {
    name: 'a team member changed',
    rehash: true,
    apply: (b) => {
      const teams = rows(b, 'teams.csv');
      const onTeam = new Set(teams.filter((r) => r.uscc === teams[0]!.uscc).map((r) => r.certNo));
      const other = rows(b, 'pool-inspectors.csv').find((i) => !onTeam.has(i.certNo))!;
      Object.assign(teams[0]!, { certNo: other.certNo, name: other.name });
      putRows(b, 'teams.csv', teams);
    },
  },
  {
    name: 'a check item changed',
    rehash: true,
    apply: (b) => {
      const items = rows(b, 'check-items.csv');
      const has = new Set(items.filter((r) => r.uscc === items[0]!.uscc).map((r) => r.code));
      items[0]!.code = rows(b, 'items.csv').find((i) => !has.has(i.code))!.code!;
      putRows(b, 'check-items.csv', items);
    },
  },
  {
    name: 'a pool row removed',
    rehash: true,
    apply: (b) => {
      const listed = new Set(rows(b, 'selection.csv').map((r) => r.uscc));
      const pool = rows(b, 'pool-enterprises.csv');
      const gone = pool.findIndex((r) => !listed.has(r.uscc));
      putRows(
        b,
        'pool-enterprises.csv',
        pool.filter((_, i) => i !== gone),
      );
    },
  },
  {
    name: 'a pool row added',
    rehash: true,
    apply: (b) => {
      const pool = readPoolEnterprises(b.get('pool-enterprises.csv')!);
      pool.push({ ...pool[0]!, uscc: '91370322MA3ZZZZZ9X', name: '后加入的企业有限公司' });
      b.set(
        'pool-enterprises.csv',
        poolEnterprisesCsv(
          json<PlanJson>(b, 'plan.json').strata.map((s) => s.name),
          pool,
        ),
      );
    },
  },
  {
    name: 'the seed changed',
    rehash: true,
    apply: (b) => {
      const m = json<Record<string, string>>(b, 'manifest.json');
      m.seed = m.seedInput = `${m.seed} 1`;
      m.seedKind = 'text';
      b.set('manifest.json', `${JSON.stringify(m, null, 2)}\n`);
    },
  },
  {
    name: "the plan's ratio changed",
    rehash: true,
    apply: (b) => {
      const plan = json<PlanJson>(b, 'plan.json');
      const s = plan.strata[0]!;
      if (s.ratio !== undefined) s.ratio = s.ratio === '50%' ? '60%' : '50%';
      else s.count = s.count! + 1;
      b.set('plan.json', `${JSON.stringify(plan, null, 2)}\n`);
    },
  },
  {
    name: 'an event removed',
    rehash: true,
    apply: (b) => putRows(b, 'events.csv', rows(b, 'events.csv').slice(0, -1)),
  },
  {
    name: 'two events reordered (and renumbered)',
    rehash: true,
    apply: (b) => {
      const [first, second, ...rest] = rows(b, 'events.csv');
      putRows(
        b,
        'events.csv',
        [second!, first!, ...rest].map((r, i) => ({ ...r, seq: String(i + 1) })),
      );
    },
  },
  {
    name: 'a file edited without updating the manifest',
    rehash: false,
    apply: (b) => {
      const sel = rows(b, 'selection.csv');
      sel[0]!.name = `${sel[0]!.name}（已改）`;
      putRows(b, 'selection.csv', sel);
    },
  },
];

export function tampered(original: Bundle, t: Tamper): Bundle {
  const b = new Map(original);
  t.apply(b);
  if (t.rehash) rehash(b);
  return b;
}

export function pyVerify(dir: string, env: Record<string, string> = {}): RunResult {
  const r = spawnSync('python3', [PY_VERIFIER, dir], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', PYTHONIOENCODING: 'utf-8', ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Run `ssj verify DIR` and `python3 docs/verify.py DIR` on the same directory. */
export async function bothVerifiers(dir: string, lang: 'en' | 'zh' = 'en'): Promise<{ ssj: RunResult; py: RunResult }> {
  return { ssj: await ssj(dirname(dir), ['verify', dir], { SSJ_LANG: lang }), py: pyVerify(dir) };
}

/**
 * A drawn synthetic plan 'T1' with every kind of event, stored straight into `db` (no CLI needed): two recusals
 * with fresh seeds on the same enterprise (their order matters: k is part of the R ticket), a swap, a recusal in
 * the original order and an enterprise replacement.
 */
export function storeSyntheticDrawWithEvents(db: Db): void {
  storeDrawnInput(db, syntheticInput(300, 40));
  const d = activeDraw(db, 'T1')!;
  const teams = loadState(db, d.id).teams;
  const [u1, u2, u3, u4] = [...teams.keys()].sort();
  const member = (u: string, seat: number) => teams.get(u)!.find((s) => s.seat === seat)!.certNo;
  storeEvent(db, 'T1', {
    type: 'recusal',
    uscc: u1!,
    certNo: member(u1!, 1),
    seed: '体彩大乐透第24011期 05 12 18 29 33 + 02 11',
    reason: '近亲属',
  });
  storeEvent(db, 'T1', {
    type: 'recusal',
    uscc: u1!,
    certNo: member(u1!, 2),
    seed: '体彩大乐透第24012期 01 07 15 22 30 + 03 08',
    reason: '曾在该企业任职',
  });
  storeEvent(db, 'T1', { type: 'swap', uscc: u2!, certNo: member(u2!, 1), reason: '对调' });
  storeEvent(db, 'T1', { type: 'recusal', uscc: u3!, certNo: member(u3!, 2), reason: '利害关系' });
  storeEvent(db, 'T1', { type: 'replacement', uscc: u4!, reason: '已注销' });
}
