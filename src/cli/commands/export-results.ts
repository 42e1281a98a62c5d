import type { Command } from 'commander';
import { feedbackByCheck, type FeedbackRow } from '../../db/feedback.js';
import { inSnapshot } from '../../db/tx.js';
import type { Wrap } from '../register.js';
import type { Context } from '../context.js';
import { chainHead } from '../../audit/log.js';
import type { Db } from '../../db/open.js';
import { getPlan } from '../../db/plans.js';
import { resultViews, type ResultView } from '../../db/results.js';
import { getSettings } from '../../db/settings.js';
import { SsjError, usageError } from '../../errors.js';
import { mustWithhold, type AnnouncementData } from '../../io/announcement.js';
import { beijingDate } from '../../io/dates.js';
import {
  RESULTS_FORMATS,
  renderResults,
  scopeTitle,
  type PublishedResult,
  type ResultsData,
  type ResultsFormat,
  type ResultsScope,
} from '../../io/results-export.js';
import { loadAnnouncement } from './export-announcement.js';
import { emit, pickEncoding, pickFormat, warnIfOfficeUnset } from './export-output.js';

/** Registers `ssj export results`. */
export function registerResults(exp: Command, wrap: Wrap): void {
  exp
    .command('results')
    .description('the results announcement (抽查结果公告) of a plan or of a month, as CSV or HTML')
    .option('--plan <id>', 'every recorded result of this plan')
    .option('--month <YYYY-MM>', 'every result with a check date in this month (the monthly publication)')
    .option('--format <format>', 'csv | html (default: from --out, else csv)')
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--encoding <name>', 'CSV only: utf8 (default, with BOM) or gb18030')
    .addHelpText(
      'after',
      `
Examples:
  ssj export results --month 2024-03 --out 2024年3月抽查结果.csv
  ssj export results --plan 2024Q1 --format html --out 2024Q1-抽查结果公告.html

Every recorded result is exported, published or not, with corrections beside the original. After uploading,
mark them published with ssj result publish --plan ID (the command prints it when some are not marked yet).
Results of an unannounced plan stay out until its window has ended.`,
    )
    .action(
      wrap((ctx, _args, opts) => {
        const scope = scopeOf(opts);
        const format = pickFormat<ResultsFormat>(opts.format, opts.out, RESULTS_FORMATS, 'csv');
        const encoding = pickEncoding(opts.encoding, format);
        const db = ctx.db({ mustExist: true });
        const data = inSnapshot(db, () => loadResults(db, scope, ctx.now()));
        warnIfOfficeUnset(ctx, db);
        warnAboutResults(ctx, data);
        if (ctx.json && opts.out === undefined) return ctx.out.result(data, () => '');
        emit(ctx, renderResults(data, format, encoding), opts.out);
      }),
    );
}

function scopeOf(opts: Record<string, unknown>): { planId?: string; month?: string } {
  const plan = typeof opts.plan === 'string' ? opts.plan : undefined;
  const month = typeof opts.month === 'string' ? opts.month.trim() : undefined;
  if ((plan === undefined) === (month === undefined)) throw usageError('export.results.planOrMonth');
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw usageError('export.results.badMonth', { value: month });
  return plan !== undefined ? { planId: plan } : { month };
}

/** Tell the officer what is withheld, what is empty and which results still need `ssj result publish`. */
export function warnAboutResults(ctx: Context, d: ResultsData): void {
  for (const w of d.withheld) ctx.out.warn('export.results.withheld', { id: w.planId, end: w.until, count: w.count });
  if (!d.results.length && !d.withheld.length) ctx.out.warn('export.results.none', { scope: scopeTitle(d.scope) });
  const unpublished = d.results.filter((r) => !r.published);
  if (unpublished.length) {
    const plans = [...new Set(unpublished.map((r) => r.planId))];
    ctx.out.note(
      ctx.out.msg('export.results.unpublished', {
        count: unpublished.length,
        commands: plans.map((p) => `ssj result publish --plan ${p}`).join('; '),
      }),
    );
  }
}

/**
 * The results of a plan, or of a month across plans, with check items and team names from each plan's draw.
 * Results of unannounced plans whose window is still open (Beijing date of `now`) are counted, not listed.
 */
export function loadResults(
  db: Db,
  want: { planId?: string; month?: string },
  now: string,
  drawOf = drawLoader(db, now),
): ResultsData {
  const day = beijingDate(now);
  if (want.planId !== undefined) getPlan(db, want.planId); // refuses an unknown plan
  const views =
    want.planId !== undefined
      ? resultViews(db, want.planId)
      : resultViews(db).filter((v) => v.checkDate.startsWith(`${want.month}-`));
  const results: PublishedResult[] = [];
  const feedback = feedbackByCheck(db);
  const withheld = new Map<string, { planId: string; until: string; count: number }>();
  for (const v of views) {
    const plan = getPlan(db, v.planId).plan;
    if (mustWithhold({ unannounced: plan.publication.unannounced, window: plan.window }, day)) {
      const w = withheld.get(v.planId) ?? { planId: v.planId, until: plan.window.end, count: 0 };
      w.count++;
      withheld.set(v.planId, w);
      continue;
    }
    results.push(publishedResult(v, plan.title, drawOf(v.planId), feedback.get(`${v.planId}\t${v.uscc}`)));
  }
  const scope: ResultsScope =
    want.planId !== undefined
      ? { kind: 'plan', planId: want.planId, title: getPlan(db, want.planId).plan.title }
      : { kind: 'month', month: want.month! };
  return {
    office: getSettings(db)['office.name'] ?? '',
    scope,
    issuedOn: day,
    results,
    withheld: [...withheld.values()],
    chainHead: chainHead(db),
  };
}

/**
 * Each plan's draw as the announcement sees it (items, teams), loaded once: loading re-derives the draw to check
 * it, which takes a while on a large pool, and a site needs the same plan for its task page, its results and months.
 * null for a plan with no active draw (voided since: its results are published without items and team).
 */
export function drawLoader(db: Db, now: string): (planId: string) => AnnouncementData | null {
  const loaded = new Map<string, AnnouncementData | null>();
  return (planId) => {
    if (!loaded.has(planId)) {
      try {
        loaded.set(planId, loadAnnouncement(db, planId, now));
      } catch (e) {
        if (!(e instanceof SsjError && e.code === 'export.notDrawn')) throw e;
        loaded.set(planId, null);
      }
    }
    return loaded.get(planId)!;
  };
}

function publishedResult(
  v: ResultView,
  planTitle: string,
  draw: AnnouncementData | null,
  fb: FeedbackRow | undefined,
): PublishedResult {
  const e = draw?.enterprises.find((x) => x.uscc === v.uscc);
  return {
    planId: v.planId,
    planTitle,
    uscc: v.uscc,
    name: v.name,
    items: (e?.items ?? []).map((i) => i.name || i.code),
    inspectors: (e?.team ?? []).map((m) => m.name),
    checkDate: v.checkDate,
    outcome: v.outcome,
    followUp: v.followUp,
    original: v.original ? { outcome: v.original.outcome, followUp: v.original.followUp } : null,
    corrections: v.corrections.map((c) => ({
      date: beijingDate(c.recordedAt),
      reason: c.reason,
      outcome: c.outcome,
      followUp: c.followUp,
      approvedBy: c.approvedBy,
      approvedOn: c.approvedOn,
    })),
    published: v.publishedAt !== null && v.corrections.every((c) => c.publishedAt !== null),
    feedback: {
      date: v.feedbackDate,
      opinion: fb?.opinion_public ?? '',
      uses: fb?.uses ? fb.uses.split(',') : [],
    },
  };
}
