import { appendAudit } from '../audit/log.js';
import { applyEvent, type EventOutcome } from '../core/events.js';
import { explainRecusal, explainSwap, type RecusalExplanation, type SwapExplanation } from '../core/explain.js';
import type { DrawState } from '../core/state.js';
import type { EventType, Seat } from '../core/types.js';
import { activeConflicts, recordRecusalConflict } from '../db/conflicts.js';
import { checkedReplay, resultHash } from '../db/drawing.js';
import { applyEvent2, type EventOutcome2 } from '../core/ssj2/events.js';
import { DrawState2 } from '../core/ssj2/state.js';
import {
  activeDraw,
  drawEvents,
  drawsOfPlan,
  insertEvent,
  storeState,
  type DrawRecord,
  type StoredEvent,
} from '../db/draws.js';
import type { Db } from '../db/open.js';
import { getPlan } from '../db/plans.js';
import { hasResult } from '../db/results.js';
import { stateHash } from '../db/state-hash.js';
import { assertUnchanged, inWrite, stateMark } from '../db/tx.js';
import { refused } from '../errors.js';
import { protocol } from './errors.js';
import type { Who } from './results.js';

/**
 * `ssj recuse` and `ssj replace`: the post-draw events of SSJ-1 (docs/ALGORITHM.md section 8). Each one replays the
 * stored draw, refuses if that no longer gives the stored result, applies the event with src/core, and stores the
 * event, the new result, the recused inspector's conflict and an audit entry in one transaction.
 */

export interface EventRequest {
  /** reassign (人员调整) only on an SSJ-2 draw. */
  type: EventType | 'reassign';
  uscc: string;
  certNo: string;
  seed: string;
  /** What is published (events.csv, announcements): the category when one was given. */
  reason: string;
  /** The officer's own words when a category is published instead: kept in the conflict record and the audit log. */
  note?: string;
}

/** The plan's active draw, or a refusal saying whether it was never drawn or its draw was voided. */
function currentDraw(db: Db, planId: string): DrawRecord {
  const d = activeDraw(db, planId);
  if (d) return d;
  const voided = drawsOfPlan(db, planId).pop();
  if (voided) throw refused('event.drawVoided', { id: planId, drawId: voided.id, at: voided.voidedAt ?? '' });
  throw refused('draw.notDrawn', { id: planId });
}

/** The current state, re-derived from the draw's own inputs and recorded events; no event may build on an edited result. */
function replayedState(db: Db, d: DrawRecord): DrawState | DrawState2 {
  return checkedReplay(db, d, 'event.storedStateDiffers').replayed;
}

/** Apply the event by the draw's protocol, adding the team to a "not on the team" error so the officer sees who is. */
function apply(state: DrawState | DrawState2, req: EventRequest): EventOutcome | EventOutcome2 {
  try {
    if (state instanceof DrawState2) return protocol(() => applyEvent2(state, req));
    if (req.type === 'reassign') throw refused('event.reassignNeedsSsj2', { uscc: req.uscc });
    return protocol(() => applyEvent(state, { ...req, type: req.type as EventType }));
  } catch (e) {
    if ((e as { code?: string }).code === 'event.notOnTeam')
      (e as { details: Record<string, unknown> }).details.team = state.teams.get(req.uscc) ?? [];
    throw e;
  }
}

/** Inspector/enterprise pairs the event seats together (to warn about conflicts declared after the draw). */
function seatedPairs(
  state: DrawState | DrawState2,
  o: EventOutcome | EventOutcome2,
): { certNo: string; uscc: string }[] {
  if (o.type === 'recusal' || o.type === 'reassign') return [{ certNo: o.replacementCertNo, uscc: o.uscc }];
  if (o.type === 'swap')
    return [
      { certNo: o.replacementCertNo, uscc: o.uscc },
      { certNo: o.certNo, uscc: o.replacementUscc },
    ];
  return (state.teams.get(o.replacementUscc) ?? []).map((s) => ({ certNo: s.certNo, uscc: o.replacementUscc }));
}

export interface PreparedEvent {
  d: DrawRecord;
  state: DrawState | DrawState2;
  outcome: EventOutcome | EventOutcome2;
  event: StoredEvent;
  report: EventReport;
  /** The database as it stood when the event was computed (src/db/tx.ts). */
  mark: string;
}

/** Everything the event needs, read and computed from one snapshot (the caller holds the transaction). */
export function prepareEvent(db: Db, who: Who, planId: string, req: EventRequest): PreparedEvent {
  const at = who.at;
  const { plan } = getPlan(db, planId);
  const d = currentDraw(db, plan.id);
  const recorded = drawEvents(db, d.id);
  const state = replayedState(db, d);
  // A checked enterprise cannot be swapped for a reserve: its result would be left pointing at nothing.
  if (req.type === 'replacement' && hasResult(db, plan.id, req.uscc))
    throw refused('event.hasResult', { id: plan.id, uscc: req.uscc });
  // Once a result is recorded the team that checked is a fact (行政处罚法 第四十二条: the officers who inspected sign
  // the record): no recusal, reassign or swap may rewrite it, published or not (DESIGN.md "Nothing is chosen after
  // the seed is known").
  if (req.type !== 'replacement' && hasResult(db, plan.id, req.uscc))
    throw refused('event.teamHasResult', { id: plan.id, uscc: req.uscc, type: req.type });
  const outcome = apply(state, req);
  if (outcome.type === 'swap' && hasResult(db, plan.id, outcome.replacementUscc))
    throw refused('event.swapTouchesResult', { id: plan.id, uscc: req.uscc, other: outcome.replacementUscc });
  const event: StoredEvent = {
    seq: (recorded[recorded.length - 1]?.seq ?? 0) + 1,
    type: req.type as EventType,
    uscc: req.uscc,
    certNo: req.certNo,
    replacementCertNo: outcome.replacementCertNo,
    replacementUscc: outcome.replacementUscc,
    seed: req.seed,
    reason: req.reason,
    operator: who.operator,
    at,
  };
  const report =
    state instanceof DrawState2
      ? eventReport2(state, d, event, outcome as EventOutcome2)
      : eventReport(state, plan.id, d.id, event, outcome as EventOutcome);
  return { d, state, outcome, event, report, mark: stateMark(db) };
}

/**
 * Store a prepared event under the write lock: the event, the new state, the recused inspector's conflict and the
 * audit entry. With `asked` (computed in a snapshot before asking the officer) it refuses if another command wrote
 * meanwhile; without, it computes and stores in the same transaction.
 */
export function recordEvent(db: Db, who: Who, planId: string, req: EventRequest, asked?: PreparedEvent): PreparedEvent {
  return inWrite(db, () => {
    const p = asked ?? prepareEvent(db, who, planId, req);
    if (asked) assertUnchanged(db, asked.mark, { id: planId });
    const { d, state, event, report } = p;
    insertEvent(db, d.id, event);
    storeState(db, d.id, state);
    // A reassign (人员调整: post change, work conflict, health) is no conflict of interest (高青 7.3): it bars the
    // inspector from this enterprise in this plan only, which the protocol's replay already enforces.
    if (req.type !== 'replacement' && req.type !== 'reassign')
      recordRecusalConflict(db, req.certNo, req.uscc, req.note || req.reason, who.at);
    appendAudit(db, {
      at: who.at,
      operator: who.operator,
      action: `event.${req.type}`,
      tables: req.type === 'replacement' || req.type === 'reassign' ? ['draw_events'] : ['draw_events', 'conflicts'],
      planId: d.planId,
      payload: {
        drawId: d.id,
        event,
        outcome: p.outcome,
        resultHash: report.resultHash,
        ...(req.note ? { note: req.note } : {}),
      },
    });
    return p;
  });
}

/** Newcomers the event seated beside an enterprise they have a conflict with, declared after the draw (a warning). */
export function newcomerConflicts(
  db: Db,
  p: PreparedEvent,
): { certNo: string; uscc: string; planId: string; name: string; enterprise: string }[] {
  const { d, state, outcome } = p;
  return activeConflicts(db, seatedPairs(state, outcome)).map((pair) => ({
    ...pair,
    planId: d.planId,
    name: state.inspectorsByCert.get(pair.certNo)?.name ?? '',
    enterprise: state.row(pair.uscc)?.name ?? '',
  }));
}

/** What the commands print and --json returns: the stored event, who and what it concerns, why, and the teams it touched. */
export interface EventReport {
  planId: string;
  drawId: number;
  event: StoredEvent;
  outcome: EventOutcome | EventOutcome2;
  /** The enterprise of the event. */
  enterprise: { uscc: string; name: string; industry: string };
  /** The inspector who left (recusal, swap). */
  left: { certNo: string; name: string } | null;
  /** Who came in: the newcomer of a recusal, the partner of a swap. */
  came: { certNo: string; name: string } | null;
  /** The partner enterprise of a swap, or the reserve that replaced the enterprise. */
  other: { uscc: string; name: string } | null;
  why:
    | RecusalExplanation
    | SwapExplanation
    | { stratum: string; rank: number }
    | { order: 'I' | 'R'; group: string; seat: number; position: number; k: number; neededSpecialist: boolean };
  rules: { specialists: number; maxPerInspector: number | null };
  teams: Record<string, (Seat & { group?: string })[]>;
  checkItems: Record<string, string[]>;
  resultHash: string;
}

/** The report of an event on an SSJ-2 draw: the seat's group, the newcomer's place in the order used, and k. */
function eventReport2(state: DrawState2, d: DrawRecord, event: StoredEvent, o: EventOutcome2): EventReport {
  const why: EventReport['why'] =
    o.type === 'replacement'
      ? { stratum: state.row(o.uscc)!.stratum, rank: o.position ?? 0 }
      : {
          // The order the newcomer came from, as SSJ-1 reports it: R with a fresh seed, else the draw's I order.
          order: event.seed ? ('R' as const) : ('I' as const),
          group: o.group ?? '',
          seat: o.seat ?? 0,
          position: o.position ?? 0,
          k: o.k ?? 0,
          neededSpecialist: o.neededSpecialist ?? false,
        };
  return reportOf(state, d.planId, d.id, event, o, why, resultHash(d, state));
}

export function eventReport(
  state: DrawState,
  planId: string,
  drawId: number,
  event: StoredEvent,
  o: EventOutcome,
): EventReport {
  const why =
    o.type === 'recusal'
      ? explainRecusal(state, o, event.seed)
      : o.type === 'swap'
        ? explainSwap(state, o)
        : { stratum: state.row(o.uscc)!.stratum, rank: o.position ?? 0 };
  return reportOf(state, planId, drawId, event, o, why, stateHash(state));
}

/** What a report reads of either protocol's state (DrawState, DrawState2). */
interface ReportedState {
  row(uscc: string): { uscc: string; name: string; industry: string } | undefined;
  readonly inspectorsByCert: ReadonlyMap<string, { name: string }>;
  readonly teams: ReadonlyMap<string, (Seat & { group?: string })[]>;
  readonly checkItems: ReadonlyMap<string, { code: string }[]>;
  readonly input: { team: { specialists: number; maxPerInspector: number | null } };
}

/** The parts of a report both protocols write alike; `why` and the result hash are each protocol's own. */
function reportOf(
  state: ReportedState,
  planId: string,
  drawId: number,
  event: StoredEvent,
  o: EventOutcome | EventOutcome2,
  why: EventReport['why'],
  resultHash: string,
): EventReport {
  const inspector = (certNo: string) =>
    certNo ? { certNo, name: state.inspectorsByCert.get(certNo)?.name ?? '' } : null;
  const enterprise = (uscc: string) => (uscc ? { uscc, name: state.row(uscc)?.name ?? '' } : null);
  const e = state.row(o.uscc)!;
  const touched = [o.uscc, o.replacementUscc].filter((u) => u && state.teams.has(u));
  return {
    planId,
    drawId,
    event,
    outcome: o,
    enterprise: { uscc: e.uscc, name: e.name, industry: e.industry },
    left: inspector(o.certNo),
    came: inspector(o.replacementCertNo),
    other: enterprise(o.replacementUscc),
    why,
    rules: { specialists: state.input.team.specialists, maxPerInspector: state.input.team.maxPerInspector },
    teams: Object.fromEntries(touched.map((u) => [u, state.teams.get(u)!])),
    checkItems:
      o.type === 'replacement'
        ? { [o.replacementUscc]: (state.checkItems.get(o.replacementUscc) ?? []).map((c) => c.code) }
        : {},
    resultHash,
  };
}
