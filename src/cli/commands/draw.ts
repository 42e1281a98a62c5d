import type { Register } from '../register.js';
import type { Context } from '../context.js';
import { drawPlan, type DrawSummary } from '../../app/draw.js';
import { bi } from '../../i18n/index.js';
import { table } from '../output.js';
import { roleLabel } from '../labels.js';
import { seedFromOptions } from '../seed-options.js';

export const register: Register = (program, wrap) => {
  program
    .command('draw')
    .description('draw enterprises, check items and teams for a plan from a published seed')
    .requiredOption('--plan <id>', 'plan id')
    .option('--seed <text>', 'the published seed, as published (NFC, trimmed)')
    .option(
      '--seed-rfc3797 <numbers>',
      'build the seed from public lottery numbers as RFC 3797 does: "9319 / 2 5 12 8 10 / 9 18 26 34 41 45"',
    )
    .option('--seed-source <text>', 'where the seed came from (default: the source named when the plan was frozen)')
    .option('--redraw', 'draw a plan again: voids the current draw and keeps both on record')
    .option('--unfrozen', 'draw a plan that was never frozen (needs --reason; every published page states it)')
    .option('--reason <text>', 'why the plan is drawn again (--redraw), or drawn without a freeze (--unfrozen)')
    .addHelpText(
      'after',
      `
Examples:
  ssj draw --plan 2024Q1 --seed-rfc3797 "9319 / 2 5 12 8 10 / 9 18 26 34 41 45" --yes
  ssj draw --plan 2024Q1 --seed "体彩大乐透第24010期 03 11 19 27 31 + 04 09"
  ssj draw --plan 2024Q1 --seed "…" --redraw --reason "名录导入有误，经局务会决定重抽"
  ssj draw --plan 2024X --seed "…" --unfrozen --reason "上级临时部署，来不及预告"

A plan frozen with a seed rule takes only a seed written by that rule (--seed-rfc3797, one "/"-separated group per
source, in order): anything else is refused (exit 5). A plan frozen with a secret draws with it, under SSJ-2.
A terminal asks for confirmation after showing the summary; scripts pass --yes.`,
    )
    .action(wrap((ctx, _args, opts) => runDraw(ctx, opts as unknown as DrawOptions)));
};

export interface DrawOptions {
  plan: string;
  seed?: string;
  seedRfc3797?: string;
  seedSource?: string;
  redraw?: boolean;
  unfrozen?: boolean;
  reason?: string;
}

async function runDraw(ctx: Context, opts: DrawOptions): Promise<void> {
  const db = ctx.db({ mustExist: true });
  const seed = seedFromOptions(opts);
  ctx.requireConfirmable();
  const { drawId, summary, at } = await drawPlan(
    db,
    {
      planId: opts.plan,
      seed,
      seedSource: opts.seedSource,
      redraw: opts.redraw,
      unfrozen: opts.unfrozen,
      reason: opts.reason,
    },
    {
      lang: ctx.lang,
      operator: ctx.operator,
      now: () => ctx.now(),
      yes: ctx.yes,
      warn: (code, params) => ctx.out.warn(code, params),
      show: (s) => {
        if (!ctx.json) printSummary(ctx, s);
      },
      confirm: () => ctx.confirm(bi(ctx.lang, '保存本次抽取结果？', 'Store this draw?')),
    },
  );
  const id = summary.planId;
  ctx.out.result({ ...summary, drawId, drawnAt: at }, () =>
    bi(
      ctx.lang,
      `已保存抽取 #${drawId}。查看：ssj plan show ${id}；导出公告：ssj export announcement --plan ${id}`,
      `Stored draw #${drawId}. See it with ssj plan show ${id}; publish with ssj export announcement --plan ${id}`,
    ),
  );
}

function printSummary(ctx: Context, s: DrawSummary): void {
  const L = (zh: string, en: string) => bi(ctx.lang, zh, en);
  ctx.out.line(`${L('计划', 'Plan')} ${s.planId}   ${L('协议', 'protocol')} ${s.algorithm}`);
  ctx.out.line(`${L('种子', 'Seed')}: ${s.seed}`);
  if (s.seedSource) ctx.out.line(`${L('种子来源', 'Seed source')}: ${s.seedSource}`);
  ctx.out.line(`${L('对象库哈希', 'Pool hash')}: ${s.poolHash}`);
  ctx.out.line('');
  ctx.out.line(
    table(
      [L('层', 'stratum'), L('总数', 'population'), L('可抽', 'pool'), L('抽中', 'selected'), L('备选', 'reserves')],
      s.strata.map((x) => [x.name, x.population, x.pool, x.selected, x.reserves]),
    ),
  );
  if (s.removed?.length)
    ctx.out.line(
      L(
        `冻结后移出对象库 ${s.removed.length} 家（先冻结的计划抽中后达到年度上限，见核验包 pool-removed.csv）：`,
        `Taken out of the frozen pool: ${s.removed.length} (brought to the yearly cap by plans frozen earlier; pool-removed.csv):`,
      ) +
        s.removed
          .slice(0, 20)
          .map((r) => ` ${r.uscc}（${r.byPlan}）`)
          .join('') +
        (s.removed.length > 20 ? ' …' : ''),
    );
  ctx.out.line('');
  const shown = s.selected.slice(0, 200);
  ctx.out.line(
    table(
      [
        L('层', 'stratum'),
        L('序', 'rank'),
        L('角色', 'role'),
        L('统一社会信用代码', 'USCC'),
        L('名称', 'name'),
        L('检查组', 'team'),
        L('事项', 'items'),
      ],
      shown.map((r) => [
        r.stratum,
        r.rank,
        roleLabel(ctx.lang, r.role),
        r.uscc,
        r.name,
        r.team.map((m) => m.name).join('、'),
        r.items.join(' '),
      ]),
    ),
  );
  if (s.selected.length > shown.length)
    ctx.out.line(
      L(
        `……共 ${s.selected.length} 行，完整结果见 ssj plan show ${s.planId}`,
        `… ${s.selected.length} rows in all; see ssj plan show ${s.planId}`,
      ),
    );
  ctx.out.line('');
}
