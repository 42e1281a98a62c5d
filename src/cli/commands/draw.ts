import type { Register } from '../register.js';
import { drawnPlanJson } from '../../domain/plan.js';
import type { Context } from '../context.js';
import { appendAudit } from '../../audit/log.js';
import { draw, drawEnterprises } from '../../core/draw.js';
import { inspectorOrders } from '../../parallel/inspector-orders.js';
import type { DrawState } from '../../core/state.js';
import { computeInputs, diffInputs, type DrawInputs } from '../../db/draw-inputs.js';
import { drawInput } from '../../core/draw-input.js';
import type { Plan } from '../../domain/plan.js';
import {
  activeDraw,
  findFreeze,
  insertDraw,
  storeState,
  voidActiveDraw,
  type DrawRecord,
  type FreezeRecord,
} from '../../db/draws.js';
import type { Db } from '../../db/open.js';
import { assertUnchanged, inSnapshotAsync, inWrite, inWriteAsync, stateMark } from '../../db/tx.js';
import { getPlan, setPlanStatus } from '../../db/plans.js';
import { stateHash, stateHash2 } from '../../db/state-hash.js';
import { draw2 } from '../../core/ssj2/draw.js';
import { drawInput2 } from '../../core/ssj2/draw-input.js';
import type { DrawState2 } from '../../core/ssj2/state.js';
import { SSJ2 } from '../../core/ssj2/types.js';
import { refused, SsjError, usageError } from '../../errors.js';
import { bi } from '../../i18n/index.js';
import { table } from '../output.js';
import { protocol } from '../../app/errors.js';
import { roleLabel } from '../labels.js';
import { seedFromOptions } from '../seed-options.js';

export const ALGORITHM = 'SSJ-1';

export const register: Register = (program, wrap) => {
  program
    .command('draw')
    .description('draw enterprises, check items and teams for a plan from a published seed (protocol SSJ-1)')
    .requiredOption('--plan <id>', 'plan id')
    .option('--seed <text>', 'the published seed, as published (NFC, trimmed)')
    .option(
      '--seed-rfc3797 <numbers>',
      'build the seed from public lottery numbers as RFC 3797 does: "9319 / 2 5 12 8 10 / 9 18 26 34 41 45"',
    )
    .option('--seed-source <text>', 'where the seed came from (default: the source named when the plan was frozen)')
    .option('--redraw', 'draw a plan again: voids the current draw and keeps both on record')
    .option('--reason <text>', 'why the plan is drawn again (required with --redraw)')
    .addHelpText(
      'after',
      `
Examples:
  ssj draw --plan 2024Q1 --seed-rfc3797 "9319 / 2 5 12 8 10 / 9 18 26 34 41 45" --yes
  ssj draw --plan 2024Q1 --seed "体彩大乐透第24010期 03 11 19 27 31 + 04 09"
  ssj draw --plan 2024Q1 --seed "…" --redraw --reason "名录导入有误，经局务会决定重抽"

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
  reason?: string;
}

async function runDraw(ctx: Context, opts: DrawOptions): Promise<void> {
  const db = ctx.db({ mustExist: true });
  const seed = seedFromOptions(opts);
  ctx.requireConfirmable();
  if (opts.redraw && !opts.reason?.trim()) throw usageError('draw.redrawNeedsReason');
  // One snapshot: the frozen-input check, the draw and the store see the same data. Without a question to ask
  // (--yes) all of it runs under the write lock, so an import cannot commit between the check and the store; a
  // terminal asks first and stores only if no other command wrote meanwhile (exit 5 otherwise; src/db/tx.ts).
  if (ctx.yes) {
    const { drawId, summary, at } = await inWriteAsync(db, async () => {
      const p = await prepareDraw(ctx, db, opts, seed);
      if (!ctx.json) printSummary(ctx, p.summary);
      return storeDraw(ctx, db, opts, seed, p);
    });
    return reportStored(ctx, summary, drawId, at);
  }
  const p = await inSnapshotAsync(db, () => prepareDraw(ctx, db, opts, seed));
  if (!ctx.json) printSummary(ctx, p.summary);
  if (!(await ctx.confirm(bi(ctx.lang, '保存本次抽取结果？', 'Store this draw?'))))
    throw new SsjError('cancelled', 'draw.cancelled');
  const { drawId, summary, at } = inWrite(db, () => {
    assertUnchanged(db, p.mark, { id: p.plan.id });
    return storeDraw(ctx, db, opts, seed, p);
  });
  reportStored(ctx, summary, drawId, at);
}

type Seed = ReturnType<typeof seedFromOptions>;

interface PreparedDraw {
  plan: Plan;
  current: DrawRecord | undefined;
  freeze: FreezeRecord | undefined;
  inputs: DrawInputs;
  state: DrawState | DrawState2;
  /** SSJ-1, or SSJ-2 for a plan that draws under it (domain/plan.ts planProtocol). */
  algorithm: string;
  seedSource: string;
  summary: DrawSummary;
  /** The database as the draw saw it (src/db/tx.ts). */
  mark: string;
}

/** Check the plan and its frozen inputs, and draw (the caller holds the transaction). */
async function prepareDraw(ctx: Context, db: Db, opts: DrawOptions, seed: Seed): Promise<PreparedDraw> {
  const { plan, status } = getPlan(db, opts.plan);
  if (status === 'withdrawn') throw refused('plan.withdrawn', { id: plan.id });
  const current = activeDraw(db, plan.id);
  if (current && !opts.redraw)
    throw refused('draw.alreadyDrawn', { id: plan.id, at: current.drawnAt, seed: current.seed });
  if (!current && opts.redraw) throw usageError('draw.redrawNothing', { id: plan.id });

  const inputs = computeInputs(db, plan);
  if (inputs.inspectors.length === 0) throw refused('draw.noInspectors');
  const freeze = findFreeze(db, plan.id);
  if (freeze) {
    const changes = diffInputs(freeze.files, inputs.files);
    if (changes.length)
      throw refused('draw.poolChanged', {
        id: plan.id,
        frozenAt: freeze.frozenAt,
        changes: describeChanges(ctx, changes),
        files: changes,
      });
  } else ctx.out.warn('draw.notFrozenWarning');

  const seedSource =
    opts.seedSource?.trim() || freeze?.seedSource || (seed.kind === 'rfc3797' ? `RFC 3797: ${seed.input}` : '');
  if (inputs.ssj2) {
    // SSJ-2 (README "Which protocol a plan draws under"): seat groups, officers apart from experts, joint departments.
    const input2 = drawInput2(plan, seed.seed, inputs.strata, {
      pool: inputs.pool,
      removed: [],
      inspectors: inputs.ssj2.inspectors,
      items: inputs.ssj2.items,
      conflicts: inputs.conflicts,
    });
    const state = protocol(() => draw2(input2));
    const summary = drawSummary(plan.id, seed.seed, seedSource, inputs.hashes.poolEnterprises, state, SSJ2);
    return { plan, current, freeze, inputs, state, seedSource, summary, mark: stateMark(db), algorithm: SSJ2 };
  }
  const input = drawInput(plan, seed.seed, inputs.strata, inputs);
  const enterprises = protocol(() => drawEnterprises(input));
  const selected = enterprises.selection.filter((r) => r.role === 'selected').map((r) => r.uscc);
  const orders = await inspectorOrders(
    seed.seed,
    plan.id,
    selected,
    input.inspectors.map((i) => i.certNo),
  );
  const state = protocol(() => draw(input, { enterprises, orders }));
  const summary = drawSummary(plan.id, seed.seed, seedSource, inputs.hashes.poolEnterprises, state);
  return { plan, current, freeze, inputs, state, seedSource, summary, mark: stateMark(db), algorithm: ALGORITHM };
}

/** Store the draw with its audit entry (inside the write transaction). */
function storeDraw(
  ctx: Context,
  db: Db,
  opts: DrawOptions,
  seed: Seed,
  p: PreparedDraw,
): { drawId: number; summary: DrawSummary; at: string } {
  const { plan, current, freeze, inputs, state, seedSource, algorithm } = p;
  const at = ctx.now();
  // Checked again inside the write lock: of two processes drawing the same plan at once, exactly one stores.
  const now = activeDraw(db, plan.id);
  if (now && (!opts.redraw || now.id !== current?.id))
    throw refused('draw.alreadyDrawn', { id: plan.id, at: now.drawnAt, seed: now.seed });
  const voided = opts.redraw ? voidActiveDraw(db, plan.id, opts.reason!.trim(), at) : undefined;
  const id = insertDraw(db, {
    planId: plan.id,
    algorithm,
    planJson: drawnPlanJson(plan, algorithm),
    seed: seed.seed,
    seedInput: seed.input,
    seedKind: seed.kind,
    seedSource,
    frozenAt: freeze?.frozenAt ?? null,
    drawnAt: at,
    operator: ctx.operator,
    redrawReason: opts.redraw ? opts.reason!.trim() : null,
    poolHash: inputs.hashes.poolEnterprises,
    strata: state.strata,
    files: inputs.files,
  });
  storeState(db, id, state);
  const order = state.strata.map((x) => x.name);
  setPlanStatus(db, plan.id, 'drawn');
  appendAudit(db, {
    at,
    operator: ctx.operator,
    action: opts.redraw ? 'draw.redraw' : 'draw',
    tables: ['draws', 'plans'],
    planId: plan.id,
    payload: {
      drawId: id,
      voidedDrawId: voided ?? null,
      reason: opts.reason ?? null,
      algorithm,
      seed: seed.seed,
      seedSource,
      seedInput: seed.input,
      seedKind: seed.kind,
      frozenAt: freeze?.frozenAt ?? null,
      hashes: inputs.hashes,
      strata: state.strata,
      resultHash: algorithm === SSJ2 ? stateHash2(state, order) : stateHash(state as DrawState),
    },
  });
  return { drawId: id, summary: p.summary, at };
}

function reportStored(ctx: Context, summary: DrawSummary, drawId: number, at: string): void {
  const id = summary.planId;
  ctx.out.result({ ...summary, drawId, drawnAt: at }, () =>
    bi(
      ctx.lang,
      `已保存抽取 #${drawId}。查看：ssj plan show ${id}；导出公告：ssj export announcement --plan ${id}`,
      `Stored draw #${drawId}. See it with ssj plan show ${id}; publish with ssj export announcement --plan ${id}`,
    ),
  );
}

function describeChanges(ctx: Context, changes: ReturnType<typeof diffInputs>): string {
  return changes
    .map((c) => {
      const sample = (xs: string[]) =>
        xs
          .slice(0, 5)
          .map((x) => `      ${x}`)
          .join('\n') + (xs.length > 5 ? `\n      … (+${xs.length - 5})` : '');
      return [
        `  ${c.file}: ${c.frozenHash.slice(0, 16)}… → ${c.currentHash.slice(0, 16)}…`,
        c.added.length ? `    ${bi(ctx.lang, '新增', 'added')} ${c.added.length}:\n${sample(c.added)}` : '',
        c.removed.length ? `    ${bi(ctx.lang, '移除', 'removed')} ${c.removed.length}:\n${sample(c.removed)}` : '',
      ]
        .filter(Boolean)
        .join('\n');
    })
    .join('\n');
}

export interface DrawSummary {
  planId: string;
  algorithm: string;
  seed: string;
  seedSource: string;
  poolHash: string;
  strata: DrawState['strata'];
  hashes: number;
  selected: {
    stratum: string;
    rank: number;
    uscc: string;
    name: string;
    ticket: string;
    role: string;
    /** group: SSJ-2 only (officers, a joint department, experts). */
    team: { seat: number; certNo: string; name: string; group?: string }[];
    items: string[];
  }[];
}

export function drawSummary(
  planId: string,
  seed: string,
  seedSource: string,
  poolHash: string,
  state: DrawState | DrawState2,
  algorithm = ALGORITHM,
): DrawSummary {
  return {
    planId,
    algorithm,
    seed,
    seedSource,
    poolHash,
    strata: state.strata,
    hashes: state.hashes,
    selected: state.selection.map((r) => ({
      stratum: r.stratum,
      rank: r.rank,
      uscc: r.uscc,
      name: r.name,
      ticket: r.ticket,
      role: r.role,
      team: (state.teams.get(r.uscc) ?? []).map((s) => ({
        seat: s.seat,
        certNo: s.certNo,
        name: s.name,
        ...('group' in s ? { group: (s as { group: string }).group } : {}),
      })),
      items: (state.checkItems.get(r.uscc) ?? []).map((c) => c.code),
    })),
  };
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
