import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inSnapshot } from '../../db/tx.js';
import type { Wrap } from '../register.js';
import { publicInspectors, publicItems } from '../../db/roster-queries.js';
import type { Context } from '../context.js';
import { activeDraw, findFreeze } from '../../db/draws.js';
import { chainHead } from '../../audit/log.js';
import type { Db } from '../../db/open.js';
import { listPlans } from '../../db/plans.js';
import { findWithdrawal } from '../../db/withdrawals.js';
import { resultViews } from '../../db/results.js';
import { getSettings } from '../../db/settings.js';
import { refused, usageError } from '../../errors.js';
import { writeFolderAtomic } from '../../io/atomic.js';
import { forPublication } from '../../io/announcement.js';
import { bundleFiles } from '../../app/export-bundle.js';
import { beijingDate } from '../../io/dates.js';
import { bundleDir, isSiteEntry, renderSite, type SiteData, type SitePlan } from '../../io/site.js';
import { listSome, warnIfOfficeUnset } from './export-output.js';
import { drawLoader, loadResults } from './export-results.js';

/** Registers `ssj export site`. */
export function registerSite(exp: Command, wrap: Wrap): void {
  exp
    .command('site')
    .description(
      'a static website of one year for upload: item list, plans, task announcements, results, inspector roster, bundles',
    )
    .requiredOption('--year <YYYY>', 'the year to publish')
    .requiredOption('--out <dir>', 'folder to write (created; an earlier export there is replaced whole)')
    .addHelpText(
      'after',
      `
Example:
  ssj export site --year 2024 --out 网站/2024

Run it again each month and upload the whole folder: index.html is the entry page. Plain HTML with inline CSS,
no scripts, no external resources; readable on a phone and printable. Each drawn plan's verification bundle is
written to bundles/<plan>/ and linked from its announcement (not for an unannounced plan before its window ends).`,
    )
    .action(wrap((ctx, _args, opts) => exportSite(ctx, String(opts.year), String(opts.out))));
}

function exportSite(ctx: Context, yearText: string, out: string): void {
  if (!/^\d{4}$/.test(yearText.trim())) throw usageError('export.site.badYear', { value: yearText });
  const year = Number(yearText);
  const target = ctx.path(out);
  const db = ctx.db({ mustExist: true });
  const bundleTexts = new Map<string, string>();
  // One snapshot for the whole site: a recusal committed meanwhile is on every page and bundle or on none.
  const data = inSnapshot(db, () => siteData(ctx, db, year, bundleTexts));
  warnIfOfficeUnset(ctx, db);
  if (!data.plans.length) ctx.out.warn('export.site.noPlans', { year });
  const files: Map<string, Buffer | string> = renderSite(data);
  for (const [path, text] of bundleTexts) files.set(path, text);
  // Built beside the target and swapped in whole: a reader (or a kill -9) sees the old site or the new one.
  const dir = writeFolderAtomic(target, files, {
    foreign: (entries) => entries.filter((e) => !isSiteEntry(e)),
    refuse: (path, foreign) => refused('export.site.foreignFiles', { path, files: listSome(foreign) }),
    notFolder: (path) => usageError('export.site.notDir', { path }),
  });
  const bundles = data.plans.filter((p) => p.announcement?.bundle).length;
  const pages = [...files.keys()].filter((f) => f.endsWith('.html')).length;
  ctx.out.result({ dir, pages, plans: data.plans.length, bundles, files: [...files.keys()] }, (r) =>
    ctx.out.msg('export.site.written', r),
  );
}

/** docs/verify.py of this installation (dist/cli/commands → ../../../docs). */
const VERIFIER_SOURCE = fileURLToPath(new URL('../../../docs/verify.py', import.meta.url));

/** Gather the year's site; each publishable plan's bundle files go into `bundles` (site path -> text). */
function siteData(ctx: Context, db: Db, year: number, bundles: Map<string, string>): SiteData {
  const now = ctx.now();
  const today = beijingDate(now);
  const drawOf = drawLoader(db, now);
  const plans: SitePlan[] = listPlans(db)
    .filter((p) => p.plan.year === year)
    .map((p) => {
      const freeze = findFreeze(db, p.plan.id);
      const drawn = activeDraw(db, p.plan.id) !== undefined;
      const announcement = drawn ? forPublication(drawOf(p.plan.id)!, today) : null;
      if (announcement?.withheld) ctx.out.warn('export.site.bundleWithheld', { id: p.plan.id, end: p.plan.window.end });
      else if (announcement) {
        const files = bundleFiles(db, p.plan.id);
        for (const [name, text] of files) bundles.set(`${bundleDir(p.plan.id)}/${name}`, text);
        announcement.bundle = { dir: bundleDir(p.plan.id), files: [...files.keys()] };
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
  };
}

/** The reason and date of a withdrawn plan, for its public page. */
function withdrawalOf(db: Db, planId: string): { reason: string; at: string } | null {
  const w = findWithdrawal(db, planId);
  return w ? { reason: w.reason, at: w.withdrawnAt } : null;
}
