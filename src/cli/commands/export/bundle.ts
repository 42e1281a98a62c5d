import type { Command } from 'commander';
import { inSnapshot } from '../../../db/tx.js';
import type { Wrap } from '../../register.js';
import { writeBundle } from '../../../app/export-bundle.js';
import { t } from '../../../i18n/index.js';

/** Registers `ssj export bundle`: the verification bundle of a plan's draw (docs/ALGORITHM.md section 11). */
export function registerBundle(exp: Command, wrap: Wrap): void {
  exp
    .command('bundle')
    .description(
      'write the verification bundle of a drawn plan: manifest, plan, pools, items, conflicts, selection, teams, check items, events',
    )
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--out <dir>', 'directory to write the bundle into (created if missing)')
    .addHelpText(
      'after',
      '\nExample:\n  ssj export bundle --plan 2024Q1 --out bundle-2024Q1\n  ssj verify bundle-2024Q1',
    )
    .action(
      wrap((ctx, _args, opts) => {
        const dir = ctx.path(String(opts.out));
        const db = ctx.db({ mustExist: true });
        const written = inSnapshot(db, () => writeBundle(db, String(opts.plan), dir));
        ctx.out.result(
          {
            planId: written.manifest.planId,
            dir,
            seed: written.manifest.seed,
            poolHash: written.manifest.poolHash,
            files: written.files,
          },
          (r) => [
            t(ctx.lang, 'bundle.written', { id: r.planId, dir: r.dir, count: r.files.length }),
            ...r.files.map((f) => `  ${f.sha256}  ${f.name}`),
          ],
        );
      }),
    );
}
