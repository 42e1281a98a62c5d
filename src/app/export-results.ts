import { chainHead } from '../audit/log.js';
import { feedbackByCheck, type FeedbackRow } from '../db/feedback.js';
import type { Db } from '../db/open.js';
import { getPlan } from '../db/plans.js';
import { resultViews, type ResultView } from '../db/results.js';
import { getSettings } from '../db/settings.js';
import { SsjError } from '../errors.js';
import { mustWithhold, type AnnouncementData } from '../io/announcement.js';
import { groupedNames, isGrouped } from '../io/team-groups.js';
import { beijingDate } from '../io/dates.js';
import type { PublishedResult, ResultsData, ResultsScope } from '../io/results-export.js';
import { loadAnnouncement } from './export-announcement.js';

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
    ...(e && isGrouped(e.team) ? { inspectorsText: groupedNames(e.team) } : {}),
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
