import { appendAudit } from '../audit/log.js';
import { computeInputs, type DrawInputs } from '../db/draw-inputs.js';
import { findFreeze, storeFreeze } from '../db/draws.js';
import type { Db } from '../db/open.js';
import { getPlan, setPlanStatus, type StoredPlan } from '../db/plans.js';
import { inWrite } from '../db/tx.js';
import { refused, usageError } from '../errors.js';
import type { Who } from './results.js';
import { overlappingFrozen } from './pool-after-freeze.js';
import { prepareRefreeze } from './redraw-rules.js';
import { planProtocol } from '../domain/plan.js';

/**
 * `ssj plan freeze`: fix a plan's pool and every other input before the seed exists, and record what the
 * pre-announcement publishes. Checks, inputs, store and audit entry under one write lock, so an import cannot commit
 * between computing and storing the freeze.
 */

export interface FreezeRequest {
  planId: string;
  /** Which future public randomness will be the seed (lottery issue, beacon round). */
  seedSource: string;
}

export interface Frozen {
  stored: StoredPlan;
  inputs: DrawInputs;
  at: string;
  seedSource: string;
}

export interface FreezeHooks {
  warn: (code: string, params?: Record<string, unknown>) => void;
  /**
   * Called inside the transaction, before the freeze is committed: the cli writes the pre-announcement file (under a
   * temporary name) here, so a full disk or an unwritable --out refuses the freeze (the throw rolls it back) instead
   * of committing one whose text was lost.
   */
  beforeCommit?: (f: Frozen) => void;
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
    const inputs = computeInputs(db, stored.plan);
    warnAboutStrata(hooks.warn, inputs);
    // Frozen plans of a year are drawn in freeze order: say which earlier one will be drawn first and share enterprises.
    const ssj1 = planProtocol(stored.plan) !== 'SSJ-2';
    for (const o of overlappingFrozen(db, stored.plan, inputs.pool))
      hooks.warn(ssj1 ? 'freeze.overlapsFrozenSsj1' : 'freeze.overlapsFrozen', {
        other: o.planId,
        frozenAt: o.frozenAt,
        count: o.count,
        perYear: stored.plan.cap.perYear,
      });
    const at = who.at;
    const f: Frozen = { stored, inputs, at, seedSource };
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
    if (forRedraw) hooks.warn('freeze.forRedraw', { id });
    else setPlanStatus(db, id, 'frozen');
    appendAudit(db, {
      at,
      operator: who.operator,
      action: 'plan.freeze',
      tables: ['freezes', 'plans'],
      planId: id,
      payload: { seedSource, hashes: inputs.hashes, strata: inputs.strata },
    });
    return f;
  });
}

/** Strata nobody can be drawn from, and enterprises that match more than one stratum (they go to the first). */
export function warnAboutStrata(warn: FreezeHooks['warn'], inputs: DrawInputs): void {
  for (const s of inputs.strata) if (s.population === 0) warn('plan.emptyStratum', { name: s.name });
  for (const [pair, count] of Object.entries(inputs.overlaps)) warn('plan.overlap', { pair, count });
}
