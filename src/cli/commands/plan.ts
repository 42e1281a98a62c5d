import type { Register } from '../register.js';
import { itemNames as itemNameMap } from '../../db/roster-queries.js';
import { eventLabel, roleLabel, statusLabel } from '../labels.js';
import type { Db } from '../../db/open.js';
import { inWrite } from '../../db/tx.js';
import type { Context } from '../context.js';
import { appendAudit, canonicalJson } from '../../audit/log.js';
import { computeInputs, type DrawInputs } from '../../db/draw-inputs.js';
import { drawEvents, drawsOfPlan, findFreeze, loadState } from '../../db/draws.js';
import { findPlan, getPlan, insertPlan, listPlans, updatePlan } from '../../db/plans.js';
import { activeInspectorGroups } from '../../db/inspector-groups.js';
import { getSettings } from '../../db/settings.js';
import { planRosterProblems } from '../../domain/plan-roster.js';
import { planProtocol, type Plan } from '../../domain/plan.js';
import { refused, usageError } from '../../errors.js';
import { bi, t } from '../../i18n/index.js';
import { displayTime, table } from '../output.js';
import { checkWhereValues, planInvalid, readPlanFile } from '../plan-file.js';
import { runPlanWizard } from '../plan-wizard.js';
import { teamSummary } from '../team-summary.js';
import { withdrawPlan } from '../../app/plan-withdraw.js';
import { freezePlan, seedRuleOf, warnAboutStrata, type Frozen } from '../../app/freeze.js';
import { annualWarnings } from '../../app/annual-plan.js';
import { StagedFile, writeFileAtomic } from '../../io/atomic.js';

import { preAnnouncement, strataPreview, strataTable } from '../plan-render.js';

export const register: Register = (program, wrap) => {
  const plan = program.command('plan').description('add, list, show and freeze inspection plans / 抽查计划');

  plan
    .command('add <file>')
    .description('add a plan from a JSON file (format: README "Plans and the draw", or write one with ssj plan new)')
    .option('--update', 'replace a plan with the same id that is not frozen or drawn yet')
    .addHelpText('after', '\nExample:\n  ssj plan add fixtures/plan-2024Q1.json')
    .action(
      wrap((ctx, [file], opts) =>
        addPlan(ctx, readPlanFile(ctx.path(String(file)), ctx.lang), Boolean(opts.update), String(file)),
      ),
    );

  plan
    .command('new')
    .description('write and add a plan with an interactive wizard (terminal only)')
    .option('--out <file>', 'where to write the plan JSON (default: <id>.json)')
    .action(
      wrap(async (ctx, _args, opts) => {
        if (!ctx.interactive) throw usageError('plan.wizardNeedsTerminal');
        const p = await runPlanWizard(ctx.lang);
        const out = ctx.path(typeof opts.out === 'string' ? opts.out : `${p.id}.json`);
        ctx.guardOutputs([{ path: out, option: '--out' }]);
        writeFileAtomic(out, `${JSON.stringify(p, null, 2)}\n`);
        ctx.out.note(out);
        addPlan(ctx, p, false, out);
      }),
    );

  plan
    .command('list')
    .description('list plans with their status')
    .action(
      wrap((ctx) => {
        const plans = listPlans(ctx.db({ mustExist: true }));
        ctx.out.result(
          plans.map((p) => ({
            id: p.plan.id,
            title: p.plan.title,
            year: p.plan.year,
            status: p.status,
            window: p.plan.window,
            drawnAt: p.drawnAt,
            seed: p.seed,
          })),
          (rows) =>
            rows.length === 0
              ? bi(ctx.lang, '还没有计划。用 ssj plan add FILE 添加。', 'No plans yet. Add one with ssj plan add FILE.')
              : table(
                  [
                    bi(ctx.lang, '编号', 'id'),
                    bi(ctx.lang, '状态', 'status'),
                    bi(ctx.lang, '检查时间', 'window'),
                    bi(ctx.lang, '名称', 'title'),
                  ],
                  rows.map((r) => [
                    r.id,
                    statusLabel(ctx.lang, r.status),
                    `${r.window.start}~${r.window.end}`,
                    r.title,
                  ]),
                ),
        );
      }),
    );

  plan
    .command('show <id>')
    .description('show a plan, its freeze, its draws and the current result (teams and check items)')
    .addHelpText('after', '\nExample:\n  ssj plan show 2024Q1 --json')
    .action(wrap((ctx, [id]) => showPlan(ctx, String(id))));

  plan
    .command('withdraw <id>')
    .description('withdraw a frozen or drawn plan (its draw becomes void); the site shows it with the reason and date')
    .requiredOption('--reason <text>', 'why (published)')
    .addHelpText('after', '\nExample:\n  ssj plan withdraw 2024Q2 --reason "上级部署专项检查，本季度抽查取消"')
    .action(wrap((ctx, [id], opts) => runWithdraw(ctx, String(id), String(opts.reason))));

  plan
    .command('freeze <id>')
    .description(
      'fix the pool, the seed rule and (unannounced plans) a secret commitment before the seed exists; print the pre-announcement',
    )
    .requiredOption(
      '--seed-source <text>',
      'which future public randomness will be the seed (lottery issue, beacon round)',
    )
    .option(
      '--seed-rule <kind>',
      'how the result will be typed as the seed: rfc3797 (lottery numbers, sources in order)',
    )
    .option(
      '--source <text>',
      'one source of the seed rule, in order (repeat: --source "…红球" --source "…蓝球")',
      (v: string, prev?: string[]) => [...(prev ?? []), v],
    )
    .option('--secret', 'commit a secret seed part now, revealed with the bundle (always done for unannounced plans)')
    .option('--out <file>', 'also write the pre-announcement to this file')
    .addHelpText(
      'after',
      `
Example:
  ssj plan freeze 2026Q4 --seed-source "中国福利彩票双色球第2026138期开奖号码" --seed-rule rfc3797 \\
    --source "双色球第2026138期 红球" --source "双色球第2026138期 蓝球" --out 2026Q4-预告.txt

The draw must then use --seed-rfc3797 with as many "/"-separated groups as there are sources, in that order.
A plan frozen without --seed-rule draws with any seed (with a warning).`,
    )
    .action(wrap((ctx, [id], opts) => runFreeze(ctx, String(id), opts as unknown as FreezeOptions)));
};

function addPlan(ctx: Context, p: Plan, update: boolean, file: string): void {
  const db = ctx.db();
  // Check and write under one write lock (src/db/tx.ts).
  const r = inWrite(db, () => storePlan(ctx, db, p, update, file));
  if (!r) {
    ctx.out.result({ id: p.id, action: 'unchanged' }, () => t(ctx.lang, 'plan.unchanged', { id: p.id }));
    return;
  }
  const { existing, preview } = r;
  ctx.out.result({ id: p.id, action: existing ? 'updated' : 'added', strata: strataPreview(p, preview) }, (r) => [
    t(ctx.lang, existing ? 'plan.updated' : 'plan.added', { id: p.id, title: p.title }),
    '',
    strataTable(ctx.lang, r.strata),
  ]);
}

/** Check the plan against the database and store it; undefined when the same plan is stored already. */
function storePlan(
  ctx: Context,
  db: Db,
  p: Plan,
  update: boolean,
  file: string,
): { existing: boolean; preview: DrawInputs } | undefined {
  const problems = [
    ...checkWhereValues(db, p),
    ...planRosterProblems(p, activeInspectorGroups(db), getSettings(db)['office.name'] ?? ''),
  ];
  if (problems.length) throw planInvalid(file, ctx.lang, problems);
  const existing = findPlan(db, p.id);
  if (existing && existing.status !== 'draft')
    throw refused('plan.locked', { id: p.id, status: statusLabel(ctx.lang, existing.status) });
  if (existing && !update) {
    if (canonicalJson(existing.plan) === canonicalJson(p)) return undefined;
    throw refused('plan.exists', { id: p.id, status: statusLabel(ctx.lang, existing.status) });
  }
  const preview = computeInputs(db, p);
  warnAboutStrata((code, params) => ctx.out.warn(code, params), preview);
  for (const w of annualWarnings(db, p)) ctx.out.warn(w.code, w.params);
  if (existing) updatePlan(db, p);
  else insertPlan(db, p, ctx.now(), ctx.operator);
  appendAudit(db, {
    at: ctx.now(),
    operator: ctx.operator,
    action: existing ? 'plan.update' : 'plan.add',
    tables: ['plans'],
    planId: p.id,
    payload: { plan: p },
  });
  return { existing: existing !== undefined, preview };
}

interface FreezeOptions {
  seedSource: string;
  seedRule?: string;
  source?: string[];
  secret?: boolean;
  out?: string;
}

function runFreeze(ctx: Context, id: string, opts: FreezeOptions): void {
  const seedRule = seedRuleOf(opts.seedRule, opts.source);
  const db = ctx.db({ mustExist: true });
  const staged = opts.out ? new StagedFile(ctx.path(opts.out)) : undefined;
  let frozen: Frozen;
  try {
    frozen = freezePlan(
      db,
      { at: ctx.now(), operator: ctx.operator },
      { planId: id, seedSource: opts.seedSource, seedRule, secret: Boolean(opts.secret) },
      {
        warn: (code, params) => ctx.out.warn(code, params),
        beforeCommit: (f) =>
          staged?.write(preAnnouncement(ctx.lang, f.stored.plan, f.seedSource, f.at, f.inputs, f.seeds)),
        randomBytes: ctx.io.randomBytes,
      },
    );
  } catch (e) {
    staged?.discard();
    throw e;
  }
  const { stored, inputs, at } = frozen;
  for (const w of annualWarnings(db, stored.plan)) ctx.out.warn(w.code, w.params);
  const text = preAnnouncement(ctx.lang, stored.plan, frozen.seedSource, at, inputs, frozen.seeds);
  let file: string | null = null;
  try {
    staged?.commit();
    file = staged?.target ?? null;
  } catch (e) {
    // Committed, but the rename failed: the text is still printed below; say where it did not go.
    ctx.out.warn('freeze.fileLost', { path: staged!.target, reason: (e as Error).message });
  }
  ctx.out.result(
    {
      id,
      frozenAt: at,
      seedSource: frozen.seedSource,
      seedRule: frozen.seeds.seedRule,
      secretCommitment: frozen.seeds.secretCommitment,
      protocol: planProtocol(stored.plan),
      hashes: inputs.hashes,
      strata: strataPreview(stored.plan, inputs),
      file,
    },
    () => text,
  );
}

function showPlan(ctx: Context, id: string): void {
  const db = ctx.db({ mustExist: true });
  const stored = getPlan(db, id);
  const p = stored.plan;
  const freeze = findFreeze(db, id);
  const draws = drawsOfPlan(db, id);
  const active = draws.find((d) => d.status === 'active');
  const state = active ? loadState(db, active.id) : undefined;
  const events = active ? drawEvents(db, active.id) : [];
  const itemNames = itemNameMap(db);

  const data = {
    plan: p,
    status: stored.status,
    freeze: freeze
      ? { frozenAt: freeze.frozenAt, seedSource: freeze.seedSource, hashes: freeze.hashes, strata: freeze.strata }
      : null,
    events,
    draws: draws.map((d) => ({
      id: d.id,
      status: d.status,
      seed: d.seed,
      seedSource: d.seedSource,
      drawnAt: d.drawnAt,
      operator: d.operator,
      poolHash: d.poolHash,
      strata: d.strata,
      voidReason: d.voidReason,
      redrawReason: d.redrawReason,
    })),
    selection: state
      ? state.selection.map((r) => ({
          ...r,
          team: state.teams.get(r.uscc) ?? [],
          items: (state.checkItems.get(r.uscc) ?? []).map((c) => ({ ...c, name: itemNames.get(c.code) ?? '' })),
        }))
      : [],
  };
  const L = (zh: string, en: string) => bi(ctx.lang, zh, en);
  ctx.out.result(data, (d) => {
    const lines = [
      `${p.id}  ${p.title}`,
      `${L('状态', 'status')}: ${statusLabel(ctx.lang, d.status)}   ${L('年度', 'year')}: ${p.year}   ${L('检查时间', 'window')}: ${p.window.start} ~ ${p.window.end}`,
      `${L('每年上限', 'cap per year')}: ${p.cap.perYear}   ${L('检查组', 'team')}: ${teamSummary(ctx.lang, p)}   ${L('每家事项', 'items each')}: ${p.items.perEnterprise}`,
    ];
    if (d.freeze)
      lines.push(
        `${L('冻结', 'frozen')}: ${displayTime(ctx.lang, d.freeze.frozenAt)}  ${L('种子来源', 'seed source')}: ${d.freeze.seedSource}`,
        `${L('对象库哈希', 'pool hash')}: ${d.freeze.hashes.poolEnterprises}`,
      );
    for (const dr of d.draws)
      lines.push(
        `${L('抽取', 'draw')} #${dr.id} [${statusLabel(ctx.lang, dr.status)}] ${displayTime(ctx.lang, dr.drawnAt)}  ${L('种子', 'seed')} "${dr.seed}"${dr.voidReason ? `  ${L('作废原因', 'voided')}: ${dr.voidReason}` : ''}`,
      );
    for (const ev of d.events)
      lines.push(
        `${L('事件', 'event')} ${ev.seq} ${displayTime(ctx.lang, ev.at)} ${eventLabel(ctx.lang, ev.type)} ${ev.uscc}` +
          (ev.type === 'replacement'
            ? ` → ${ev.replacementUscc}`
            : ` ${ev.certNo} → ${ev.replacementCertNo}${ev.replacementUscc ? ` (${ev.replacementUscc})` : ''}`) +
          (ev.type === 'recusal'
            ? `  ${ev.seed ? L(`新种子 "${ev.seed}"`, `fresh seed "${ev.seed}"`) : L('按原顺序递补', 'next in the original order')}`
            : '') +
          `  ${L('原因', 'reason')}: ${ev.reason}`,
      );
    if (d.selection.length) {
      lines.push('');
      lines.push(
        table(
          [
            L('层', 'stratum'),
            L('序', 'rank'),
            L('角色', 'role'),
            L('统一社会信用代码', 'USCC'),
            L('名称', 'name'),
            L('检查组（首位为组长）', 'team (first leads)'),
            L('事项', 'items'),
          ],
          d.selection.map((r) => [
            r.stratum,
            r.rank,
            roleLabel(ctx.lang, r.role),
            r.uscc,
            r.name,
            r.team.map((s) => s.name).join('、'),
            r.items.map((c) => c.code).join(' '),
          ]),
        ),
      );
    }
    return lines;
  });
}

function runWithdraw(ctx: Context, id: string, reason: string): void {
  const w = withdrawPlan(ctx.db({ mustExist: true }), { at: ctx.now(), operator: ctx.operator }, id, reason);
  ctx.out.result(w, () =>
    t(ctx.lang, 'plan.withdraw.done', { id: w.planId, reason: w.reason, drawId: w.drawId ?? '' }),
  );
}
