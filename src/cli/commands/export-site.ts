import type { Command } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inSnapshot } from '../../db/tx.js';
import type { Wrap } from '../register.js';
import { publicInspectors, publicItems } from '../../db/roster-queries.js';
import type { Context } from '../context.js';
import { activeDraw, findFreeze } from '../../db/draws.js';
import type { Db } from '../../db/open.js';
import { listPlans } from '../../db/plans.js';
import { resultViews } from '../../db/results.js';
import { getSettings } from '../../db/settings.js';
import { usageError } from '../../errors.js';
import { forPublication } from '../../io/announcement.js';
import { writeBundle } from '../../app/export-bundle.js';
import { beijingDate } from '../../io/dates.js';
import { bundleDir, renderSite, type SiteData, type SitePlan } from '../../io/site.js';
import { writeFile, warnIfOfficeUnset } from './export-output.js';
import { drawLoader, loadResults } from './export-results.js';

/** Registers `ssj export site`. */
export function registerSite(exp: Command, wrap: Wrap): void {
  exp
    .command('site')
    .description(
      'a static website of one year for upload: item list, plans, task announcements, results, inspector roster, bundles',
    )
    .requiredOption('--year <YYYY>', 'the year to publish')
    .requiredOption('--out <dir>', 'folder to write (created; files from an earlier export are overwritten)')
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
  const dir = ctx.path(out);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw usageError('export.site.notDir', { path: dir });
  const db = ctx.db({ mustExist: true });
  // One snapshot for the whole site: a recusal committed meanwhile is on every page and bundle or on none.
  const data = inSnapshot(db, () => siteData(ctx, db, year, dir));
  warnIfOfficeUnset(ctx, db);
  if (!data.plans.length) ctx.out.warn('export.site.noPlans', { year });
  const files = renderSite(data);
  for (const [path, bytes] of files) writeFile(join(dir, path), bytes);
  const bundles = data.plans.filter((p) => p.announcement?.bundle).length;
  const pages = [...files.keys()].filter((f) => f.endsWith('.html')).length;
  ctx.out.result({ dir, pages, plans: data.plans.length, bundles, files: [...files.keys()] }, (r) =>
    ctx.out.msg('export.site.written', r),
  );
}

/** docs/verify.py of this installation (dist/cli/commands → ../../../docs). */
const VERIFIER_SOURCE = fileURLToPath(new URL('../../../docs/verify.py', import.meta.url));

/** Gather the year's site, writing each publishable plan's bundle into `dir` on the way (writeBundle needs the db). */
function siteData(ctx: Context, db: Db, year: number, dir: string): SiteData {
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
        const written = writeBundle(db, p.plan.id, join(dir, bundleDir(p.plan.id)));
        announcement.bundle = { dir: bundleDir(p.plan.id), files: written.files.map((f) => f.name) };
      }
      return {
        plan: p.plan,
        status: p.status,
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
    items: publicItems(db),
    inspectors: publicInspectors(db),
    plans,
    verifier: readFileSync(VERIFIER_SOURCE),
    months: months.map((month) => loadResults(db, { month }, now, drawOf)),
  };
}
