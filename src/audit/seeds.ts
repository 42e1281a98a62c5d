import { secretCommitment } from '../core/ssj2/seed.js';
import type { DrawRecord } from '../db/draws.js';
import type { Db } from '../db/open.js';
import { findDrawSeed, findFreezeSeed, ruleJson, type DrawSeed } from '../db/seeds.js';

/**
 * `ssj audit verify`, the seed part (#15 parts 1 and 2): each freeze's and each draw's seed rule, commitment and
 * unfrozen reason are the ones its audit entry logged, and each stored secret still hashes to its commitment (the log
 * holds only the commitment, never the secret). Table digests catch a seed row added or edited as well; these checks
 * say which plan or draw and which field.
 */

interface LoggedEntry {
  seq: number;
  action: string;
  planId: string | null;
  data: Record<string, unknown> | null;
}

interface Finding {
  code: string;
  params: Record<string, unknown>;
}

const ruleOf = (v: unknown): string | null =>
  v && typeof v === 'object' ? ruleJson(v as { kind: 'rfc3797'; sources: string[] }) : null;

function compare(
  what: string,
  seq: number,
  stored: Partial<DrawSeed>,
  data: Record<string, unknown>,
  fields: (keyof Omit<DrawSeed, 'seedSecret'>)[],
): Finding[] {
  const out: Finding[] = [];
  for (const field of fields) {
    const s = field === 'seedRule' ? ruleJson(stored.seedRule ?? null) : (stored[field] ?? null);
    const l = field === 'seedRule' ? ruleOf(data.seedRule) : ((data[field] as string | undefined) ?? null);
    if (s !== l)
      out.push({ code: 'audit.seed.changed', params: { what, field, stored: s ?? 'NULL', logged: l ?? 'NULL', seq } });
  }
  return out;
}

/** A secret must hash to its commitment; a secret without a commitment (or the reverse) is as bad. */
function secretFinding(
  what: string,
  planId: string,
  s: { secretCommitment: string | null; seedSecret: string | null },
) {
  if (s.seedSecret === null && s.secretCommitment === null) return [];
  if (
    s.seedSecret !== null &&
    s.secretCommitment !== null &&
    secretCommitment(planId, s.seedSecret) === s.secretCommitment
  )
    return [];
  return [{ code: 'audit.seed.secret', params: { what, commitment: s.secretCommitment ?? 'NULL' } }];
}

export function checkSeeds(db: Db, entries: readonly LoggedEntry[], draws: readonly DrawRecord[]): Finding[] {
  const out: Finding[] = [];
  const freezes = db.prepare('SELECT plan_id FROM freezes ORDER BY plan_id').all() as { plan_id: string }[];
  for (const { plan_id: plan } of freezes) {
    const logged = [...entries].reverse().find((e) => e.action === 'plan.freeze' && e.planId === plan);
    if (!logged?.data) continue; // an unlogged freeze is reported by checkFreezes
    const what = `freeze ${plan}`;
    const stored = attempt(() => findFreezeSeed(db, plan));
    if (!stored) {
      out.push({
        code: 'audit.seed.changed',
        params: { what, field: 'seed_rule', stored: '?', logged: '?', seq: logged.seq },
      });
      continue;
    }
    out.push(...compare(what, logged.seq, stored, logged.data, ['seedRule', 'secretCommitment']));
    out.push(...secretFinding(what, plan, stored));
  }
  for (const d of draws) {
    const created = entries.find((e) => (e.action === 'draw' || e.action === 'draw.redraw') && e.data?.drawId === d.id);
    if (!created?.data) continue; // an unlogged draw is reported by checkDraw
    const what = `draw #${d.id} (${d.planId})`;
    const stored = attempt(() => findDrawSeed(db, d.id));
    if (!stored) {
      out.push({
        code: 'audit.seed.changed',
        params: { what, field: 'seed_rule', stored: '?', logged: '?', seq: created.seq },
      });
      continue;
    }
    out.push(...compare(what, created.seq, stored, created.data, ['seedRule', 'secretCommitment', 'unfrozenReason']));
    out.push(...secretFinding(what, d.planId, stored));
  }
  return out;
}

function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
