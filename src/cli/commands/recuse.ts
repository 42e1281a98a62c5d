import type { Register } from '../register.js';
import type { Context } from '../context.js';
import { appendAudit } from '../../audit/log.js';
import { applyEvent, type EventOutcome } from '../../core/events.js';
import { explainRecusal, explainSwap, type RecusalExplanation, type SwapExplanation } from '../../core/explain.js';
import type { DrawState } from '../../core/state.js';
import type { EventType, Seat } from '../../core/types.js';
import { checkedReplay } from '../../db/drawing.js';
import {
  activeDraw,
  drawEvents,
  drawsOfPlan,
  insertEvent,
  storeState,
  type DrawRecord,
  type StoredEvent,
} from '../../db/draws.js';
import type { Db } from '../../db/open.js';
import { getPlan } from '../../db/plans.js';
import { assertUnchanged, inSnapshot, inWrite, stateMark } from '../../db/tx.js';
import { stateHash } from '../../db/state-hash.js';
import { refused, usageError } from '../../errors.js';
import { t, type Lang } from '../../i18n/index.js';
import { protocol } from '../../app/errors.js';
import { seedFromOptions } from './draw.js';

/**
 * `ssj recuse` and `ssj replace`: the post-draw events of SSJ-1 (docs/ALGORITHM.md section 8). Each one replays the
 * stored draw, refuses if that no longer gives the stored result, applies the event with src/core, and stores the
 * event, the new result, the recused inspector's conflict and an audit entry in one transaction.
 */
export const register: Register = (program, wrap) => {
  program
    .command('recuse')
    .description(
      'an inspector steps aside from a drawn enterprise (回避): re-draw the seat, or --swap with another team',
    )
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--enterprise <uscc>', 'the selected enterprise (统一社会信用代码)')
    .requiredOption('--inspector <certNo>', 'the inspector who recuses (执法证号)')
    .requiredOption('--reason <text>', 'why (recorded and published)')
    .option(
      '--seed <text>',
      'fresh public randomness for the replacement (recommended: the next lottery draw, announced when the recusal is declared)',
    )
    .option('--seed-rfc3797 <numbers>', 'the fresh seed as public lottery numbers, built as RFC 3797 does')
    .option('--swap', 'trade seats with an inspector of another team instead of drawing a replacement (顺城 第十四条)')
    .addHelpText(
      'after',
      `
Without a seed the replacement is the next eligible inspector in the draw's original order, and the record says so.
The recused inspector gains a declared conflict with the enterprise, for later plans too.

Examples:
  ssj recuse --plan 2024Q1 --enterprise 91370300MA3C5X2K00 --inspector 37032301006 --reason "与该企业法定代表人系近亲属"
  ssj recuse --plan 2024Q1 --enterprise 91370300MA3C5X2K00 --inspector 37032301006 --reason "…" --seed "体彩大乐透第24011期 05 12 18 29 33 + 02 11"
  ssj recuse --plan 2024Q1 --enterprise 91370322MA3F0PDA56 --inspector 37032301002 --reason "…" --swap`,
    )
    .action(wrap((ctx, _args, opts) => runRecuse(ctx, opts as unknown as RecuseOptions)));

  program
    .command('replace')
    .description(
      'a drawn enterprise leaves the plan (deregistered, …): the first unused reserve of its stratum takes its place',
    )
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--enterprise <uscc>', 'the selected enterprise that leaves (统一社会信用代码)')
    .requiredOption('--reason <text>', 'why (recorded and published)')
    .addHelpText(
      'after',
      '\nExample:\n  ssj replace --plan 2024Q1 --enterprise 91370322MA3D4RUN7G --reason "经核实已于2023年12月注销"',
    )
    .action(wrap((ctx, _args, opts) => runReplace(ctx, opts as unknown as ReplaceOptions)));
};

interface ReplaceOptions {
  plan: string;
  enterprise: string;
  reason: string;
}

interface RecuseOptions extends ReplaceOptions {
  inspector: string;
  seed?: string;
  seedRfc3797?: string;
  swap?: boolean;
}

/** Codes as typed (full-width characters from Chinese input methods, lower case, spaces): NFKC, trimmed, upper case. */
export const normalizeCode = (s: string): string => s.normalize('NFKC').trim().toUpperCase();

function required(option: string, value: string): string {
  const v = normalizeCode(value);
  if (!v) throw usageError('event.emptyCode', { option });
  return v;
}

function reasonOf(value: string): string {
  const r = value.normalize('NFC').trim();
  if (!r) throw usageError('event.emptyReason');
  return r;
}

interface EventRequest {
  type: EventType;
  uscc: string;
  certNo: string;
  seed: string;
  reason: string;
}

function runRecuse(ctx: Context, opts: RecuseOptions): Promise<void> {
  const hasSeed = opts.seed !== undefined || opts.seedRfc3797 !== undefined;
  if (opts.swap && hasSeed) throw usageError('event.swapWithSeed');
  return recordEvent(ctx, opts.plan, {
    type: opts.swap ? 'swap' : 'recusal',
    uscc: required('--enterprise', opts.enterprise),
    certNo: required('--inspector', opts.inspector),
    seed: hasSeed ? seedFromOptions(opts).seed : '',
    reason: reasonOf(opts.reason),
  });
}

function runReplace(ctx: Context, opts: ReplaceOptions): Promise<void> {
  return recordEvent(ctx, opts.plan, {
    type: 'replacement',
    uscc: required('--enterprise', opts.enterprise),
    certNo: '',
    seed: '',
    reason: reasonOf(opts.reason),
  });
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
function replayedState(db: Db, d: DrawRecord): DrawState {
  return checkedReplay(db, d, 'event.storedStateDiffers').replayed;
}

/** Apply the event, adding the team to a "not on the team" error so the officer sees who is. */
function apply(state: DrawState, req: EventRequest): EventOutcome {
  try {
    return protocol(() => applyEvent(state, req));
  } catch (e) {
    if ((e as { code?: string }).code === 'event.notOnTeam')
      (e as { details: Record<string, unknown> }).details.team = state.teams.get(req.uscc) ?? [];
    throw e;
  }
}

/**
 * The recused inspector's conflict with the enterprise, kept for later plans (pool-source reads active conflicts).
 * Source 'recusal' also for a pair already declared by import (after the draw): a later `import --replace` leaves
 * recusal rows alone, so the conflict outlives a roster that forgets it. A declaration in force keeps its date.
 */
function hasResult(db: Db, planId: string, uscc: string): boolean {
  return db.prepare('SELECT 1 FROM results WHERE plan_id = ? AND uscc = ?').get(planId, uscc) !== undefined;
}

function recordRecusalConflict(db: Db, certNo: string, uscc: string, reason: string, at: string): void {
  db.prepare(
    `INSERT INTO conflicts (cert_no, uscc, reason, source, declared_at, active) VALUES (?, ?, ?, 'recusal', ?, 1)
     ON CONFLICT (cert_no, uscc) DO UPDATE SET
       reason = excluded.reason,
       source = 'recusal',
       declared_at = CASE WHEN active = 1 THEN declared_at ELSE excluded.declared_at END,
       active = 1`,
  ).run(certNo, uscc, reason, at);
}

/** Inspector/enterprise pairs the event seats together (to warn about conflicts declared after the draw). */
function seatedPairs(state: DrawState, o: EventOutcome): { certNo: string; uscc: string }[] {
  if (o.type === 'recusal') return [{ certNo: o.replacementCertNo, uscc: o.uscc }];
  if (o.type === 'swap')
    return [
      { certNo: o.replacementCertNo, uscc: o.uscc },
      { certNo: o.certNo, uscc: o.replacementUscc },
    ];
  return (state.teams.get(o.replacementUscc) ?? []).map((s) => ({ certNo: s.certNo, uscc: o.replacementUscc }));
}

function lateConflicts(db: Db, pairs: { certNo: string; uscc: string }[]): { certNo: string; uscc: string }[] {
  const q = db.prepare('SELECT 1 FROM conflicts WHERE cert_no = ? AND uscc = ? AND active = 1');
  return pairs.filter((p) => q.get(p.certNo, p.uscc) !== undefined);
}

interface PreparedEvent {
  d: DrawRecord;
  state: DrawState;
  outcome: EventOutcome;
  event: StoredEvent;
  report: EventReport;
  /** The database as it stood when the event was computed (src/db/tx.ts). */
  mark: string;
}

/** Everything the event needs, read and computed from one snapshot (the caller holds the transaction). */
function prepareEvent(ctx: Context, db: Db, planId: string, req: EventRequest, at: string): PreparedEvent {
  const { plan } = getPlan(db, planId);
  const d = currentDraw(db, plan.id);
  const recorded = drawEvents(db, d.id);
  const state = replayedState(db, d);
  // A checked enterprise cannot be swapped for a reserve: its result would be left pointing at nothing.
  if (req.type === 'replacement' && hasResult(db, plan.id, req.uscc))
    throw refused('event.hasResult', { id: plan.id, uscc: req.uscc });
  const outcome = apply(state, req);
  const event: StoredEvent = {
    seq: (recorded[recorded.length - 1]?.seq ?? 0) + 1,
    type: req.type,
    uscc: req.uscc,
    certNo: req.certNo,
    replacementCertNo: outcome.replacementCertNo,
    replacementUscc: outcome.replacementUscc,
    seed: req.seed,
    reason: req.reason,
    operator: ctx.operator,
    at,
  };
  const report = eventReport(state, plan.id, d.id, event, outcome);
  return { d, state, outcome, event, report, mark: stateMark(db) };
}

async function recordEvent(ctx: Context, planId: string, req: EventRequest): Promise<void> {
  const db = ctx.db({ mustExist: true });
  const at = ctx.now();
  const asks = ctx.interactive && !ctx.yes && !ctx.json;
  // Asking the officer: compute from one snapshot, ask, then write only if nothing changed meanwhile (exit 5 if it
  // did). Otherwise the whole check-then-write runs under the write lock: a second recusal on the same team waits
  // for the first and builds on it, never reading half of it.
  let asked: PreparedEvent | undefined;
  let lines: string[] = [];
  if (asks) {
    asked = inSnapshot(db, () => prepareEvent(ctx, db, planId, req, at));
    lines = renderReport(ctx.lang, asked.report);
    ctx.out.line(lines.join('\n'));
    if (!(await ctx.confirm(t(ctx.lang, 'event.confirm')))) {
      ctx.out.note(t(ctx.lang, 'event.cancelled'));
      return;
    }
    lines = [];
  }
  const p = inWrite(db, () => {
    const p = asked ?? prepareEvent(ctx, db, planId, req, at);
    if (asked) assertUnchanged(db, asked.mark, { id: planId });
    const { d, state, event, report } = p;
    insertEvent(db, d.id, event);
    storeState(db, d.id, state);
    if (req.type !== 'replacement') recordRecusalConflict(db, req.certNo, req.uscc, req.reason, at);
    appendAudit(db, {
      at,
      operator: ctx.operator,
      action: `event.${req.type}`,
      planId: d.planId,
      payload: { drawId: d.id, event, outcome: p.outcome, resultHash: report.resultHash },
    });
    return p;
  });
  if (!asks) lines = renderReport(ctx.lang, p.report);
  const { d, state, outcome, event, report } = p;
  for (const pair of lateConflicts(db, seatedPairs(state, outcome)))
    ctx.out.warn('event.newcomerConflict', {
      ...pair,
      planId: d.planId,
      name: state.inspectorsByCert.get(pair.certNo)?.name ?? '',
      enterprise: state.row(pair.uscc)?.name ?? '',
    });
  ctx.out.result(report, () => [
    ...lines,
    t(ctx.lang, 'event.recorded', { ...event, planId: d.planId, drawId: d.id, stateHash: report.resultHash }),
  ]);
}

/** What the commands print and --json returns: the stored event, who and what it concerns, why, and the teams it touched. */
export interface EventReport {
  planId: string;
  drawId: number;
  event: StoredEvent;
  outcome: EventOutcome;
  /** The enterprise of the event. */
  enterprise: { uscc: string; name: string; industry: string };
  /** The inspector who left (recusal, swap). */
  left: { certNo: string; name: string } | null;
  /** Who came in: the newcomer of a recusal, the partner of a swap. */
  came: { certNo: string; name: string } | null;
  /** The partner enterprise of a swap, or the reserve that replaced the enterprise. */
  other: { uscc: string; name: string } | null;
  why: RecusalExplanation | SwapExplanation | { stratum: string; rank: number };
  rules: { specialists: number; maxPerInspector: number | null };
  teams: Record<string, Seat[]>;
  checkItems: Record<string, string[]>;
  resultHash: string;
}

export function eventReport(
  state: DrawState,
  planId: string,
  drawId: number,
  event: StoredEvent,
  o: EventOutcome,
): EventReport {
  const inspector = (certNo: string) =>
    certNo ? { certNo, name: state.inspectorsByCert.get(certNo)?.name ?? '' } : null;
  const enterprise = (uscc: string) => (uscc ? { uscc, name: state.row(uscc)?.name ?? '' } : null);
  const e = state.row(o.uscc)!;
  const touched = [o.uscc, o.replacementUscc].filter((u) => u && state.teams.has(u));
  const why =
    o.type === 'recusal'
      ? explainRecusal(state, o, event.seed)
      : o.type === 'swap'
        ? explainSwap(state, o)
        : { stratum: e.stratum, rank: o.position ?? 0 };
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
    resultHash: stateHash(state),
  };
}

/** Who left, who came in, and why that one, in the user's language. */
export function renderReport(lang: Lang, r: EventReport): string[] {
  const m = (code: string, p: Record<string, unknown> = {}) => t(lang, code, p);
  const { event: ev, outcome: o, enterprise: e } = r;
  const left = {
    name: r.left?.name,
    certNo: r.left?.certNo,
    enterprise: e.name,
    uscc: e.uscc,
    seat: o.seat,
    reason: ev.reason,
  };
  if (o.type === 'recusal') {
    const why = r.why as RecusalExplanation;
    return [
      m('event.recusal.left', left),
      m('event.recusal.came', { ...r.came, seat: o.seat }),
      m(ev.seed ? 'event.recusal.whyFresh' : 'event.recusal.whyOrder', {
        ...why,
        seed: ev.seed,
        k: o.k,
        max: r.rules.maxPerInspector,
        industry: e.industry,
      }),
      m('event.conflictRecorded', left),
      m(ev.seed ? 'event.recusal.freshNotice' : 'event.recusal.byOrderNotice'),
    ];
  }
  if (o.type === 'swap') {
    const why = r.why as SwapExplanation;
    const partner = {
      partnerName: r.came?.name,
      partnerCertNo: r.came?.certNo,
      partnerEnterprise: r.other?.name,
      partnerUscc: r.other?.uscc,
    };
    return [
      m('event.swap.done', { ...left, ...partner, partnerSeat: why.partnerSeat }),
      m('event.swap.why', { ...partner, enterprisePosition: why.enterprisePosition, specialists: r.rules.specialists }),
      m('event.conflictRecorded', left),
    ];
  }
  const why = r.why as { stratum: string; rank: number };
  const team = r.teams[o.replacementUscc] ?? [];
  return [
    m('event.replacement.left', { enterprise: e.name, uscc: e.uscc, reason: ev.reason }),
    m('event.replacement.came', {
      newEnterprise: r.other?.name,
      newUscc: r.other?.uscc,
      stratum: why.stratum,
      rank: why.rank,
    }),
    m('event.replacement.team', { team, items: (r.checkItems[o.replacementUscc] ?? []).join(' ') }),
  ];
}
