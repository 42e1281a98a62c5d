import { chainHead } from '../audit/log.js';
import { findWithdrawal } from '../db/withdrawals.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { publicInspectors, publicItems } from '../db/roster-queries.js';
import { activeDraw, findFreeze } from '../db/draws.js';
import type { Db } from '../db/open.js';
import { listPlans } from '../db/plans.js';
import { resultViews } from '../db/results.js';
import { getSettings } from '../db/settings.js';
import { forPublication } from '../io/announcement.js';
import { bundleFiles, revealsOtherPlan } from './export-bundle.js';
import { beijingDate } from '../io/dates.js';
import { bundleDir, type SiteData, type SitePlan } from '../io/site.js';
import { drawLoader, loadResults } from './export-results.js';
import { loadYearReport } from './report.js';
import { findAnnualPlan } from '../db/annual-plans.js';

/** docs/verify.py of this installation (dist/app → ../../docs). */
const VERIFIER_SOURCE = fileURLToPath(new URL('../../docs/verify.py', import.meta.url));

/** Gather the year's site; each publishable plan's bundle files go into `bundles` (site path -> text). */
export function siteData(
  db: Db,
  year: number,
  bundles: Map<string, string>,
  now: string,
  warn: (code: string, params: Record<string, unknown>) => void,
): SiteData {
  const today = beijingDate(now);
  const drawOf = drawLoader(db, now);
  const plans: SitePlan[] = listPlans(db)
    .filter((p) => p.plan.year === year)
    .map((p) => {
      const freeze = findFreeze(db, p.plan.id);
      const drawn = activeDraw(db, p.plan.id) !== undefined;
      const announcement = drawn ? forPublication(drawOf(p.plan.id)!, today) : null;
      const other = announcement && !announcement.withheld ? revealsOtherPlan(db, p.plan.id, today) : null;
      if (announcement?.withheld) warn('export.site.bundleWithheld', { id: p.plan.id, end: p.plan.window.end });
      else if (other) warn('export.site.bundleRevealsOther', { id: p.plan.id, other: other.id, end: other.end });
      else if (announcement) {
        const files = bundleFiles(db, p.plan.id);
        for (const [name, text] of files) bundles.set(`${bundleDir(p.plan.id)}/${name}`, text);
        announcement.bundle = {
          dir: bundleDir(p.plan.id),
          files: [...files.keys()],
          zip: `${bundleDir(p.plan.id)}.zip`,
        };
      }
      return {
        plan: p.plan,
        status: p.status,
        withdrawal: withdrawalOf(db, p.plan.id),
        freeze: freeze
          ? { seedSource: freeze.seedSource, frozenAt: freeze.frozenAt, poolHash: freeze.hashes.poolEnterprises }
          : null,
        announcement,
        results: drawn ? loadResults(db, { planId: p.plan.id }, now, drawOf) : null,
      };
    });
  const months = [
    ...new Set(
      resultViews(db)
        .map((v) => v.checkDate.slice(0, 7))
        .filter((m) => m.startsWith(`${year}-`)),
    ),
  ].sort();
  return {
    office: getSettings(db)['office.name'] ?? '',
    year,
    generatedOn: today,
    chainHead: chainHead(db),
    items: publicItems(db),
    inspectors: publicInspectors(db),
    plans,
    verifier: readFileSync(VERIFIER_SOURCE),
    months: months.map((month) => loadResults(db, { month }, now, drawOf)),
    report: loadYearReport(db, { year, now, forPublication: true }),
    annual: findAnnualPlan(db, year)?.plan ?? null,
  };
}

/** The reason and date of a withdrawn plan, for its public page. */
function withdrawalOf(db: Db, planId: string): { reason: string; at: string } | null {
  const w = findWithdrawal(db, planId);
  return w ? { reason: w.reason, at: w.withdrawnAt } : null;
}
