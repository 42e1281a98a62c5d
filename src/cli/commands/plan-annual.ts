import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Register } from '../register.js';
import { recordAnnualPlan } from '../../app/annual-plan.js';
import { AnnualPlanInvalid, validateAnnualPlan } from '../../domain/annual-plan.js';
import { inputError, notFound, usageError } from '../../errors.js';
import { t } from '../../i18n/index.js';

/**
 * `ssj plan annual YEAR FILE.json`: the year's annual plan (issue 18 part 5; 顺城 第十一、十二条, 高青 6.1). A
 * subcommand of `ssj plan`, registered after it (commands/index.ts) so plan.ts stays as it is.
 */
export const register: Register = (program, wrap) => {
  const plan = program.commands.find((c: Command) => c.name() === 'plan');
  if (!plan) throw new Error('ssj plan must be registered before ssj plan annual');
  plan
    .command('annual <year> <file>')
    .description(
      'record the annual plan (年度抽查计划): scope, strata ratios and frequencies, schedule, estimates, 备案 (顺城 第十一、十二条; 高青 6.1)',
    )
    .option('--reason <text>', 'why the recorded annual plan of that year is replaced (高青 6.1: 动态调整)')
    .addHelpText(
      'after',
      `
The file (JSON; README "The annual plan"):
  { "year": 2025, "title": "…2025年度“双随机、一公开”抽查工作计划", "scope": "本县行政区域内的生产经营单位",
    "inspectors": "持有执法证的执法人员，非煤矿山检查配备专业人员",
    "strata": [ { "name": "重点行业", "where": { "supervision": ["重点"] }, "ratio": "20%", "frequency": 2, "estimated": 30 } ],
    "schedule": [ { "name": "第一季度", "start": "2025-01-15", "end": "2025-03-31", "strata": ["重点行业"] } ],
    "estimated": { "enterprises": 50, "checks": 60 },
    "filing": { "date": "2024-12-20", "office": "青禾县市场监督管理局" } }

ratio is the share each draw takes; frequency how many draws of the year take the stratum; estimated the
enterprises expected to be checked. Once recorded, plan add and plan freeze warn when a plan's window is outside
the schedule, a stratum is not in the annual plan or has another ratio, or the stratum is drawn more often than
its frequency. ssj report --year compares planned and done; ssj export site publishes it (annual.html); ssj export
annual writes the Word form.

Examples:
  ssj plan annual 2025 年度计划-2025.json
  ssj plan annual 2025 年度计划-2025.json --reason "增加第四季度专项检查"`,
    )
    .action(
      wrap((ctx, [yearArg, fileArg], opts) => {
        const yearText = String(yearArg).trim();
        if (!/^\d{4}$/.test(yearText)) throw usageError('report.badYear', { value: yearArg });
        const file = String(fileArg);
        let raw: unknown;
        try {
          raw = JSON.parse(readFileSync(ctx.path(file), 'utf8').replace(/^\uFEFF/, ''));
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') throw notFound('file.notFound', { path: file });
          throw inputError('annual.badJson', { file, reason: (e as Error).message });
        }
        let annual: ReturnType<typeof validateAnnualPlan>;
        try {
          annual = validateAnnualPlan(raw);
        } catch (e) {
          if (!(e instanceof AnnualPlanInvalid)) throw e;
          throw inputError('annual.invalid', {
            file,
            problems: e.problems.map((p) => `${p.path || '(file)'}: ${t(ctx.lang, p.code, p.params ?? {})}`),
          });
        }
        const out = recordAnnualPlan(
          ctx.db(),
          { at: ctx.now(), operator: ctx.operator },
          Number(yearText),
          annual,
          opts.reason === undefined ? undefined : String(opts.reason),
        );
        const p = out.plan;
        ctx.out.result({ year: p.year, replaced: out.replaced, plan: p }, () =>
          ctx.out.msg(out.replaced ? 'annual.replaced' : 'annual.recorded', {
            year: p.year,
            title: p.title,
            strata: p.strata.map((s) => `${s.name} ${s.ratio} × ${s.frequency}`).join('; '),
            periods: p.schedule.length,
            filed: p.filing.date,
            office: p.filing.office,
          }),
        );
      }),
    );
};
