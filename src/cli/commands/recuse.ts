import type { Register } from '../register.js';
import type { Context } from '../context.js';
import type { RecusalExplanation, SwapExplanation } from '../../core/explain.js';
import { inSnapshot } from '../../db/tx.js';
import { usageError } from '../../errors.js';
import { t, type Lang } from '../../i18n/index.js';
import { seedFromOptions } from '../seed-options.js';
import { normaliseCode } from '../../domain/rosters.js';
import { parseReasonCategory, reasonCategories, type ReasonKind } from '../../domain/event-reasons.js';
import {
  newcomerConflicts,
  prepareEvent,
  recordEvent as storeEvent,
  type EventReport,
  type EventRequest,
  type PreparedEvent,
} from '../../app/recuse.js';
import type { Who } from '../../app/results.js';

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
    .requiredOption(
      '--category <category>',
      'the published reason: 利害关系 | 近亲属 | 曾提供服务 | 其他 (or interest, relative, service, other)',
    )
    .option('--reason <text>', 'why, in your words: kept internal (database and audit log), never published')
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
The recused inspector gains a declared conflict with the enterprise, for later plans too. Only the category is
published; the words of --reason stay in the database. Refused once a result is recorded for the enterprise.

Examples:
  ssj recuse --plan 2024Q1 --enterprise 91370300MA3C5X2K00 --inspector 37032301006 --category 近亲属 --reason "与该企业法定代表人系近亲属"
  ssj recuse --plan 2024Q1 --enterprise 91370300MA3C5X2K00 --inspector 37032301006 --category 利害关系 --seed "体彩大乐透第24011期 05 12 18 29 33 + 02 11"
  ssj recuse --plan 2024Q1 --enterprise 91370322MA3F0PDA56 --inspector 37032301002 --category 其他 --swap`,
    )
    .action(wrap((ctx, _args, opts) => runRecuse(ctx, opts as unknown as RecuseOptions)));

  program
    .command('reassign')
    .description(
      'an inspector is taken off a drawn enterprise for a post change, work conflict or health (人员调整): re-draw the seat, no conflict of interest recorded',
    )
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--enterprise <uscc>', 'the selected enterprise (统一社会信用代码)')
    .requiredOption('--inspector <certNo>', 'the inspector taken off the team (执法证号 or expert number)')
    .requiredOption(
      '--category <category>',
      'the published reason: 岗位调整 | 工作冲突 | 身体原因 | 其他 (or post, work-conflict, health, other)',
    )
    .option('--reason <text>', 'why, in your words: kept internal (database and audit log), never published')
    .option('--seed <text>', 'fresh public randomness for the newcomer, as for ssj recuse')
    .option('--seed-rfc3797 <numbers>', 'the fresh seed as public lottery numbers, built as RFC 3797 does')
    .addHelpText(
      'after',
      `
A reassign (高青 7.3 更换) is replayed exactly as a recusal under SSJ-2, except that the inspector gains no conflict
of interest: only this plan bars them from the enterprise; later plans may seat them there again. SSJ-2 draws only.
Refused once a result is recorded for the enterprise.

Examples:
  ssj reassign --plan 2024LH1 --enterprise 91370300MA3C5X2K00 --inspector 37032301006 --category 身体原因 --reason "住院治疗"
  ssj reassign --plan 2024LH1 --enterprise 91370300MA3C5X2K00 --inspector 37032301006 --category 岗位调整 --seed "体彩大乐透第24011期 05 12 18 29 33 + 02 11"`,
    )
    .action(wrap((ctx, _args, opts) => runReassign(ctx, opts as unknown as ReassignOptions)));

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

interface ReassignOptions extends Omit<ReplaceOptions, 'reason'> {
  reason?: string;
  category: string;
  inspector: string;
  seed?: string;
  seedRfc3797?: string;
}

interface RecuseOptions extends ReassignOptions {
  swap?: boolean;
}

function required(option: string, value: string): string {
  // The one code normaliser (domain/rosters.ts), as the rosters were stored: NFKC, no spaces, upper case.
  const v = normaliseCode(value);
  if (!v) throw usageError('event.emptyCode', { option });
  return v;
}

function reasonOf(value: string): string {
  const r = value.normalize('NFC').trim();
  if (!r) throw usageError('event.emptyReason');
  return r;
}

function runRecuse(ctx: Context, opts: RecuseOptions): Promise<void> {
  const hasSeed = opts.seed !== undefined || opts.seedRfc3797 !== undefined;
  if (opts.swap && hasSeed) throw usageError('event.swapWithSeed');
  return recordEvent(ctx, opts.plan, {
    type: opts.swap ? 'swap' : 'recusal',
    uscc: required('--enterprise', opts.enterprise),
    certNo: required('--inspector', opts.inspector),
    seed: hasSeed ? seedFromOptions(opts).seed : '',
    ...publishedReason('recusal', opts),
  });
}

function runReassign(ctx: Context, opts: ReassignOptions): Promise<void> {
  const hasSeed = opts.seed !== undefined || opts.seedRfc3797 !== undefined;
  return recordEvent(ctx, opts.plan, {
    type: 'reassign',
    uscc: required('--enterprise', opts.enterprise),
    certNo: required('--inspector', opts.inspector),
    seed: hasSeed ? seedFromOptions(opts).seed : '',
    ...publishedReason('reassign', opts),
  });
}

/**
 * Only the category is recorded as the event's (published) reason; the officer's words stay internal, in the
 * conflict record and the audit log (#15: "其弟在该企业任安全主管" must never reach the website).
 */
function publishedReason(
  kind: ReasonKind,
  opts: { category: string; reason?: string },
): { reason: string; note: string } {
  const note = opts.reason === undefined ? '' : opts.reason.normalize('NFC').trim();
  const category = parseReasonCategory(kind, opts.category);
  if (!category)
    throw usageError('event.badCategory', { value: opts.category, allowed: reasonCategories(kind).join(' | ') });
  return { reason: category, note };
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

async function recordEvent(ctx: Context, planId: string, req: EventRequest): Promise<void> {
  const db = ctx.db({ mustExist: true });
  const w: Who = { at: ctx.now(), operator: ctx.operator };
  const asks = ctx.interactive && !ctx.yes && !ctx.json;
  // Asking the officer: compute from one snapshot, ask, then write only if nothing changed meanwhile (exit 5 if it
  // did). Otherwise the whole check-then-write runs under the write lock: a second recusal on the same team waits
  // for the first and builds on it, never reading half of it.
  let asked: PreparedEvent | undefined;
  let lines: string[] = [];
  if (asks) {
    asked = inSnapshot(db, () => prepareEvent(db, w, planId, req));
    lines = renderReport(ctx.lang, asked.report);
    ctx.out.line(lines.join('\n'));
    if (!(await ctx.confirm(t(ctx.lang, 'event.confirm')))) {
      ctx.out.note(t(ctx.lang, 'event.cancelled'));
      return;
    }
    lines = [];
  }
  const p = storeEvent(db, w, planId, req, asked);
  if (!asks) lines = renderReport(ctx.lang, p.report);
  const { d, event, report } = p;
  for (const c of newcomerConflicts(db, p)) ctx.out.warn('event.newcomerConflict', c);
  ctx.out.result(report, () => [
    ...lines,
    t(ctx.lang, 'event.recorded', { ...event, planId: d.planId, drawId: d.id, stateHash: report.resultHash }),
  ]);
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
  if ((o.type === 'recusal' || o.type === 'reassign') && 'group' in r.why) {
    // SSJ-2: the newcomer came from the vacated seat's group, by its I order or a fresh seed's R order.
    const why = r.why;
    const groupName =
      why.group === 'experts'
        ? m('event.group.experts')
        : why.group === 'officers'
          ? m('event.group.officers')
          : why.group;
    return [
      m(o.type === 'reassign' ? 'event.reassign.left' : 'event.recusal.left', left),
      m('event.recusal.came', { ...r.came, seat: o.seat }),
      m('event.group.why', { ...why, groupName, seed: ev.seed }),
      m(o.type === 'reassign' ? 'event.reassign.noConflict' : 'event.conflictRecorded', left),
    ];
  }
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
