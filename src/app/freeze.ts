import { appendAudit } from '../audit/log.js';
import { computeInputs, type DrawInputs } from '../db/draw-inputs.js';
import { findFreeze, storeFreeze } from '../db/draws.js';
import type { Db } from '../db/open.js';
import { getPlan, setPlanStatus, type StoredPlan } from '../db/plans.js';
import { inWrite } from '../db/tx.js';
import { refused, usageError } from '../errors.js';
import { randomBytes } from 'node:crypto';
import { secretCommitment } from '../core/ssj2/seed.js';
import { teamRulesProblems } from '../core/ssj2/rules.js';
import type { SeedRule } from '../core/ssj2/types.js';
import { planProtocol, type Plan } from '../domain/plan.js';
import {
  deleteFreezeSeed,
  hasFreezeSeed,
  storeFreezeSeed,
  type FreezeSeed,
  type SeedCommitments,
} from '../db/seeds.js';
import type { Who } from './results.js';
import { overlappingFrozen } from './pool-after-freeze.js';
import { prepareRefreeze } from './redraw-rules.js';

/**
 * `ssj plan freeze`: fix a plan's pool and every other input before the seed exists, and record what the
 * pre-announcement publishes. Checks, inputs, store and audit entry under one write lock, so an import cannot commit
 * between computing and storing the freeze.
 */

export interface FreezeRequest {
  planId: string;
  /** Which future public randomness will be the seed (lottery issue, beacon round). */
  seedSource: string;
  /** How the result will be typed as the seed (--seed-rule rfc3797 --source … --source …); null = no rule. */
  seedRule: SeedRule | null;
  /** Commit a secret part (--secret); always done for an unannounced (暗查暗访) plan. */
  secret: boolean;
}

export interface Frozen {
  stored: StoredPlan;
  inputs: DrawInputs;
  at: string;
  seedSource: string;
  /** The seed rule and the secret's commitment, as the pre-announcement publishes them (never the secret). */
  seeds: SeedCommitments;
}

export interface FreezeHooks {
  warn: (code: string, params?: Record<string, unknown>) => void;
  /**
   * Called inside the transaction, before the freeze is committed: the cli writes the pre-announcement file (under a
   * temporary name) here, so a full disk or an unwritable --out refuses the freeze (the throw rolls it back) instead
   * of committing one whose text was lost.
   */
  beforeCommit?: (f: Frozen) => void;
  /** The operating system's random source; tests running in-process may pass a repeatable one. */
  randomBytes?: (n: number) => Buffer;
}

export function freezePlan(db: Db, who: Who, req: FreezeRequest, hooks: FreezeHooks): Frozen {
  const id = req.planId;
  const seedSource = req.seedSource.trim();
  return inWrite(db, () => {
    const stored = getPlan(db, id);
    if (stored.status === 'withdrawn') throw refused('plan.withdrawn', { id });
    if (!seedSource) throw usageError('freeze.needSource');
    // A drawn plan is frozen again only to be redrawn, while no result is recorded (app/redraw-rules.ts).
    const forRedraw = prepareRefreeze(db, id, findFreeze(db, id));
    const withSecret = req.secret || stored.plan.publication.unannounced;
    // The secret is what makes the plan draw under SSJ-2 (SSJ-1 has no secret part); the frozen files are then taken
    // by SSJ-2's rules, as the draw will take them.
    const plan = withSecret ? secretPlan(stored.plan) : stored.plan;
    if (req.seedRule === null) hooks.warn('freeze.noSeedRule', { id });
    const inputs = computeInputs(db, plan);
    warnAboutStrata(hooks.warn, inputs);
    // Frozen plans of a year are drawn in freeze order: say which earlier one will be drawn first and share enterprises.
    const ssj1 = planProtocol(plan) !== 'SSJ-2';
    for (const o of overlappingFrozen(db, stored.plan, inputs.pool))
      hooks.warn(ssj1 ? 'freeze.overlapsFrozenSsj1' : 'freeze.overlapsFrozen', {
        other: o.planId,
        frozenAt: o.frozenAt,
        count: o.count,
        perYear: stored.plan.cap.perYear,
      });
    const at = who.at;
    // 32 bytes from the operating system, fixed before the lottery: the office cannot grind, nobody else can rank.
    const secret = withSecret ? (hooks.randomBytes ?? randomBytes)(32).toString('hex') : null;
    const seeds: FreezeSeed = {
      seedRule: req.seedRule,
      secretCommitment: secret === null ? null : secretCommitment(id, secret),
      seedSecret: secret,
    };
    const f: Frozen = {
      stored: { ...stored, plan },
      inputs,
      at,
      seedSource,
      seeds: { seedRule: seeds.seedRule, secretCommitment: seeds.secretCommitment },
    };
    hooks.beforeCommit?.(f);
    storeFreeze(db, {
      planId: id,
      seedSource,
      frozenAt: at,
      operator: who.operator,
      hashes: inputs.hashes,
      strata: inputs.strata,
      files: inputs.files,
    });
    // A new freeze (for a redraw) replaces what the last one fixed about the seed, a rule and secret included.
    const hadSeeds = hasFreezeSeed(db, id);
    const withSeeds = seeds.seedRule !== null || secret !== null;
    if (withSeeds) storeFreezeSeed(db, id, seeds);
    else if (hadSeeds) deleteFreezeSeed(db, id);
    if (forRedraw) hooks.warn('freeze.forRedraw', { id });
    else setPlanStatus(db, id, 'frozen');
    appendAudit(db, {
      at,
      operator: who.operator,
      action: 'plan.freeze',
      tables: withSeeds || hadSeeds ? ['freezes', 'plans', 'freeze_seeds'] : ['freezes', 'plans'],
      planId: id,
      // The rule and the commitment, never the secret (audit verify checks the stored secret against the commitment).
      payload: {
        seedSource,
        hashes: inputs.hashes,
        strata: inputs.strata,
        ...(seeds.seedRule ? { seedRule: seeds.seedRule } : {}),
        ...(seeds.secretCommitment ? { secretCommitment: seeds.secretCommitment } : {}),
      },
    });
    return f;
  });
}

/**
 * The plan as it draws with a secret: under SSJ-2 (DESIGN.md SSJ-2 "Secret part"). An SSJ-1 plan file is read by
 * SSJ-2's rules (team.size = officers); one those rules cannot draw (fewer than 2 officers) is refused at freeze.
 */
export function secretPlan(plan: Plan): Plan {
  if (planProtocol(plan) === 'SSJ-2') return plan;
  const problems = teamRulesProblems(plan.team, plan.joint, plan.strata);
  if (problems.length)
    throw refused('freeze.secretNeedsSsj2', {
      id: plan.id,
      problems: problems.map((p) => `${p.path}: ${p.code}`).join('; '),
    });
  return { ...plan, protocol: 'SSJ-2' };
}

/** Parse --seed-rule and --source: only rfc3797 exists, and it needs at least one source. */
export function seedRuleOf(kind: string | undefined, sources: string[] | undefined): SeedRule | null {
  const named = (sources ?? []).map((s) => s.normalize('NFC').trim());
  if (kind === undefined) {
    if (named.length) throw usageError('freeze.sourceWithoutRule');
    return null;
  }
  if (kind.trim().toLowerCase() !== 'rfc3797') throw usageError('freeze.badSeedRule', { value: kind });
  if (named.length === 0 || named.some((s) => s === '')) throw usageError('freeze.ruleNeedsSources');
  return { kind: 'rfc3797', sources: named };
}

/** Strata nobody can be drawn from, and enterprises that match more than one stratum (they go to the first). */
export function warnAboutStrata(warn: FreezeHooks['warn'], inputs: DrawInputs): void {
  for (const s of inputs.strata) if (s.population === 0) warn('plan.emptyStratum', { name: s.name });
  for (const [pair, count] of Object.entries(inputs.overlaps)) warn('plan.overlap', { pair, count });
}
