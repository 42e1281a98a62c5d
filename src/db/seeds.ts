import type { SeedRule } from '../core/ssj2/types.js';
import type { Db } from './open.js';

/**
 * What a freeze fixes about the seed, and what a draw copies of it (migration 8; DESIGN.md SSJ-2 "Seed rule" and
 * "Secret part"). The secret is read only by the code that replays a draw, checks the audit log or writes the
 * revealed bundle: nothing that prints or logs goes through `seedSecret`.
 */

/** The public part: published in the pre-announcement and logged in the audit entry. */
export interface SeedCommitments {
  seedRule: SeedRule | null;
  secretCommitment: string | null;
}

export interface FreezeSeed extends SeedCommitments {
  /** 64 lowercase hex digits; never printed, logged or exported before the reveal. */
  seedSecret: string | null;
}

export interface DrawSeed extends FreezeSeed {
  /** Why the plan was drawn without a freeze (--unfrozen --reason); null for a frozen plan. Published. */
  unfrozenReason: string | null;
}

const NONE: DrawSeed = { seedRule: null, secretCommitment: null, seedSecret: null, unfrozenReason: null };

/** The rule as stored and logged: {"kind":…,"sources":[…]} with its keys in this order. */
export const ruleJson = (r: SeedRule | null): string | null =>
  r === null ? null : JSON.stringify({ kind: r.kind, sources: r.sources });

function parseRule(text: unknown): SeedRule | null {
  if (typeof text !== 'string') return null;
  const v = JSON.parse(text) as SeedRule;
  return { kind: v.kind, sources: v.sources };
}

export function storeFreezeSeed(db: Db, planId: string, f: FreezeSeed): void {
  db.prepare(
    'INSERT OR REPLACE INTO freeze_seeds (plan_id, seed_rule, secret_commitment, seed_secret) VALUES (?, ?, ?, ?)',
  ).run(planId, ruleJson(f.seedRule), f.secretCommitment, f.seedSecret);
}

export const hasFreezeSeed = (db: Db, planId: string): boolean =>
  db.prepare('SELECT 1 FROM freeze_seeds WHERE plan_id = ?').get(planId) !== undefined;

export function deleteFreezeSeed(db: Db, planId: string): void {
  db.prepare('DELETE FROM freeze_seeds WHERE plan_id = ?').run(planId);
}

/** The plan's freeze seed fields (all null for a plan frozen without a rule or a secret, or not frozen). */
export function findFreezeSeed(db: Db, planId: string): FreezeSeed {
  const r = db
    .prepare('SELECT seed_rule, secret_commitment, seed_secret FROM freeze_seeds WHERE plan_id = ?')
    .get(planId) as Record<string, string | null> | undefined;
  if (!r) return { seedRule: null, secretCommitment: null, seedSecret: null };
  return {
    seedRule: parseRule(r.seed_rule),
    secretCommitment: r.secret_commitment ?? null,
    seedSecret: r.seed_secret ?? null,
  };
}

export const hasDrawSeed = (d: DrawSeed): boolean =>
  d.seedRule !== null || d.secretCommitment !== null || d.seedSecret !== null || d.unfrozenReason !== null;

export function storeDrawSeed(db: Db, drawId: number, d: DrawSeed): void {
  db.prepare(
    'INSERT INTO draw_seeds (draw_id, seed_rule, secret_commitment, seed_secret, unfrozen_reason) VALUES (?, ?, ?, ?, ?)',
  ).run(drawId, ruleJson(d.seedRule), d.secretCommitment, d.seedSecret, d.unfrozenReason);
}

/** A draw's seed fields (all null for a draw that has none, and for every draw made before migration 8). */
export function findDrawSeed(db: Db, drawId: number): DrawSeed {
  const r = db
    .prepare('SELECT seed_rule, secret_commitment, seed_secret, unfrozen_reason FROM draw_seeds WHERE draw_id = ?')
    .get(drawId) as Record<string, string | null> | undefined;
  if (!r) return NONE;
  return {
    seedRule: parseRule(r.seed_rule),
    secretCommitment: r.secret_commitment ?? null,
    seedSecret: r.seed_secret ?? null,
    unfrozenReason: r.unfrozen_reason ?? null,
  };
}

/** What may be shown or published about a draw's seed: everything but the secret. */
export function publicDrawSeed(db: Db, drawId: number): Omit<DrawSeed, 'seedSecret'> {
  const { seedSecret: _secret, ...rest } = findDrawSeed(db, drawId);
  return rest;
}
