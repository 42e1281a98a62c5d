import { activeDraw, type DrawRecord, type FreezeRecord } from '../db/draws.js';
import type { Db } from '../db/open.js';
import { dropFreeze, resultCount } from '../db/year-checks.js';
import { refused } from '../errors.js';

/**
 * DESIGN.md "Nothing is chosen after the seed is known": a redraw is allowed only while no result is recorded, and only
 * after a new freeze (a new seed source and rule, a new pre-announcement), so that a plan cannot be drawn again with
 * any seed once the first list is known. The void draw stays on record and published with its reason.
 */

/**
 * Before `plan freeze` stores a freeze: true when it is the new freeze of a drawn plan (the old freeze row is dropped;
 * the draw keeps its own frozen time and files, and the audit log the old pre-announcement). Refuses a plan frozen
 * and not drawn (frozen once), a drawn plan with results, and a drawn plan already frozen again.
 */
export function prepareRefreeze(db: Db, planId: string, frozen: FreezeRecord | undefined): boolean {
  const drawn = activeDraw(db, planId);
  if (!drawn) {
    if (frozen) throw refused('freeze.already', { id: planId, at: frozen.frozenAt, source: frozen.seedSource });
    return false;
  }
  const results = resultCount(db, planId);
  if (results > 0) throw refused('freeze.hasResults', { id: planId, count: results });
  if (frozen && frozen.frozenAt > drawn.drawnAt)
    throw refused('freeze.already', { id: planId, at: frozen.frozenAt, source: frozen.seedSource });
  if (frozen) dropFreeze(db, planId);
  return true;
}

/** Before `draw --redraw`: no result recorded, and a freeze made after the current draw. */
export function checkRedraw(db: Db, current: DrawRecord, freeze: FreezeRecord | undefined): void {
  const results = resultCount(db, current.planId);
  if (results > 0) throw refused('draw.redrawHasResults', { id: current.planId, count: results });
  if (!freeze || freeze.frozenAt <= current.drawnAt)
    throw refused('draw.redrawNeedsFreeze', { id: current.planId, drawnAt: current.drawnAt });
}
