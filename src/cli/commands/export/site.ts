import type { Command } from 'commander';
import { inSnapshot } from '../../../db/tx.js';
import type { Wrap } from '../../register.js';
import type { Context } from '../../context.js';
import { refused, usageError } from '../../../errors.js';
import { writeFolderAtomic } from '../../../io/atomic.js';
import { bundleZips, isSiteEntry, renderSite } from '../../../io/site.js';
import { listSome, recordPublished, warnIfOfficeUnset } from '../../export-output.js';
import { siteData } from '../../../app/export-site.js';

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
  const data = inSnapshot(db, () =>
    siteData(db, year, bundleTexts, ctx.now(), (code, params) => ctx.out.warn(code, params)),
  );
  warnIfOfficeUnset(ctx, db);
  if (!data.plans.length) ctx.out.warn('export.site.noPlans', { year });
  const files: Map<string, Buffer | string> = renderSite(data);
  for (const [path, text] of bundleTexts) files.set(path, text);
  // Each bundle also as one .zip, which the announcement links (issue 13 part 6).
  for (const [path, bytes] of bundleZips(bundleTexts)) files.set(path, bytes);
  // Built beside the target and swapped in whole: a reader (or a kill -9) sees the old site or the new one.
  const dir = writeFolderAtomic(target, files, {
    foreign: (entries) => entries.filter((e) => !isSiteEntry(e)),
    refuse: (path, foreign) => refused('export.site.foreignFiles', { path, files: listSome(foreign) }),
    notFolder: (path) => usageError('export.site.notDir', { path }),
  });
  // Written: each task page's first publication is dated now, for good (#15 part 6).
  recordPublished(
    ctx,
    db,
    data.plans.flatMap((p) => (p.announcement ? [p.announcement] : [])),
  );
  const bundles = data.plans.filter((p) => p.announcement?.bundle).length;
  const pages = [...files.keys()].filter((f) => f.endsWith('.html')).length;
  ctx.out.result({ dir, pages, plans: data.plans.length, bundles, files: [...files.keys()] }, (r) =>
    ctx.out.msg('export.site.written', r),
  );
}
