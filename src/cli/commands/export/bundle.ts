import type { Command } from 'commander';
import type { Wrap } from '../../register.js';
import { exportBundle } from '../../../app/export-bundle.js';
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
    .option(
      '--reveal',
      "export an unannounced plan's bundle (and its secret) before its window ends; recorded in the audit log",
    )
    .addHelpText(
      'after',
      `
Example:
  ssj export bundle --plan 2024Q1 --out bundle-2024Q1
  ssj verify bundle-2024Q1

The bundle of an unannounced (暗查暗访) plan names who is checked and reveals its secret seed part: before the
plan's window has ended it is refused (exit 5) unless --reveal.`,
    )
    .action(
      wrap((ctx, _args, opts) => {
        const dir = ctx.path(String(opts.out));
        const db = ctx.db({ mustExist: true });
        const written = exportBundle(db, { at: ctx.now(), operator: ctx.operator }, String(opts.plan), dir, {
          reveal: Boolean(opts.reveal),
        });
        if (written.revealedBefore)
          ctx.out.warn('bundle.revealed', { id: written.manifest.planId, end: written.revealedBefore });
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
