import { appendAudit } from '../audit/log.js';
import { draw, drawEnterprises } from '../core/draw.js';
import { drawInput } from '../core/draw-input.js';
import type { DrawState } from '../core/state.js';
import { draw2 } from '../core/ssj2/draw.js';
import { drawInput2 } from '../core/ssj2/draw-input.js';
import type { DrawState2 } from '../core/ssj2/state.js';
import { SSJ2 } from '../core/ssj2/types.js';
import { computeInputs, diffInputs, type DrawInputs } from '../db/draw-inputs.js';
import {
  activeDraw,
  findFreeze,
  insertDraw,
  storeState,
  voidActiveDraw,
  type DrawRecord,
  type FreezeRecord,
} from '../db/draws.js';
import type { Db } from '../db/open.js';
import { getPlan, setPlanStatus } from '../db/plans.js';
import { stateHash, stateHash2 } from '../db/state-hash.js';
import { assertUnchanged, inSnapshotAsync, inWrite, inWriteAsync, stateMark } from '../db/tx.js';
import { drawnPlanJson, type Plan } from '../domain/plan.js';
import { refused, SsjError, usageError } from '../errors.js';
import { bi, type Lang } from '../i18n/index.js';
import { inspectorOrders } from '../parallel/inspector-orders.js';
import { PARALLEL } from '../parallel/hints.js';
import { protocol } from './errors.js';
import { poolAfterFreeze } from './pool-after-freeze.js';
import { checkRedraw } from './redraw-rules.js';
import { storePoolRemovals } from '../db/year-checks.js';
import type { RemovedRow } from '../core/ssj2/types.js';
import { secretPlan } from './freeze.js';
import { seedRuleBreach, seedRuleExample, ticketSeed } from '../core/ssj2/seed.js';
import { findFreezeSeed, hasDrawSeed, storeDrawSeed, type DrawSeed } from '../db/seeds.js';

/**
 * `ssj draw`: check the plan and its frozen inputs, draw by the plan's protocol (SSJ-1, or SSJ-2 for a plan that draws
 * under it: domain/plan.ts planProtocol), and store the draw, its result and its audit entry in one transaction. The
 * cli parses the options, shows the summary and asks; everything else is here.
 */

export const ALGORITHM = 'SSJ-1';

/** A seed as typed: the seed the tickets use (NFC, trimmed, or the RFC 3797 key), what was typed and how. */
export interface TypedSeed {
  seed: string;
  input: string;
  kind: 'text' | 'rfc3797';
}

export interface DrawRequest {
  planId: string;
  seed: TypedSeed;
  /** Where the seed came from (default: the source named at freeze, else the RFC 3797 input). */
  seedSource?: string;
  redraw?: boolean;
  /** Draw a plan that was never frozen (--unfrozen): needs a reason, recorded with the draw and published. */
  unfrozen?: boolean;
  /** Why the plan is drawn again (required with redraw), or without a freeze (required with unfrozen). */
  reason?: string;
}

export interface DrawHooks {
  lang: Lang;
  operator: string;
  /** The time of the store, read once. */
  now: () => string;
  /** True when no question is asked (--yes): everything runs under one write lock. */
  yes: boolean;
  warn: (code: string, params?: Record<string, unknown>) => void;
  /** Show the summary before it is stored (a terminal, not --json). */
  show: (summary: DrawSummary) => void;
  /** Ask whether to store (only when !yes); false cancels (exit 130), nothing stored. */
  confirm: () => Promise<boolean>;
}

export interface StoredDraw {
  drawId: number;
  summary: DrawSummary;
  at: string;
}

export async function drawPlan(db: Db, req: DrawRequest, hooks: DrawHooks): Promise<StoredDraw> {
  if (req.redraw && !req.reason?.trim()) throw usageError('draw.redrawNeedsReason');
  if (req.unfrozen && !req.reason?.trim()) throw usageError('draw.unfrozenNeedsReason');
  // One snapshot: the frozen-input check, the draw and the store see the same data. Without a question to ask
  // (--yes) all of it runs under the write lock, so an import cannot commit between the check and the store; a
  // terminal asks first and stores only if no other command wrote meanwhile (exit 5 otherwise; src/db/tx.ts).
  if (hooks.yes)
    return inWriteAsync(db, async () => {
      const p = await prepareDraw(db, req, hooks);
      hooks.show(p.summary);
      return storeDraw(db, req, hooks, p);
    });
  const p = await inSnapshotAsync(db, () => prepareDraw(db, req, hooks));
  hooks.show(p.summary);
  if (!(await hooks.confirm())) throw new SsjError('cancelled', 'draw.cancelled');
  return inWrite(db, () => {
    assertUnchanged(db, p.mark, { id: p.plan.id });
    return storeDraw(db, req, hooks, p);
  });
}

interface PreparedDraw {
  plan: Plan;
  current: DrawRecord | undefined;
  freeze: FreezeRecord | undefined;
  inputs: DrawInputs;
  /** SSJ-2: taken out of the frozen pool by plans frozen before this one (pool-removed.csv). */
  removed: RemovedRow[];
  state: DrawState | DrawState2;
  /** SSJ-1, or SSJ-2 for a plan that draws under it (domain/plan.ts planProtocol). */
  algorithm: string;
  seedSource: string;
  /** The seed rule and secret the freeze fixed (copied to the draw), and why it was drawn unfrozen. */
  seeds: DrawSeed;
  summary: DrawSummary;
  /** The database as the draw saw it (src/db/tx.ts). */
  mark: string;
}

/** Check the plan and its frozen inputs, and draw (the caller holds the transaction). */
async function prepareDraw(db: Db, req: DrawRequest, hooks: DrawHooks): Promise<PreparedDraw> {
  const { seed } = req;
  const { plan, status } = getPlan(db, req.planId);
  if (status === 'withdrawn') throw refused('plan.withdrawn', { id: plan.id });
  const current = activeDraw(db, plan.id);
  if (current && !req.redraw)
    throw refused('draw.alreadyDrawn', { id: plan.id, at: current.drawnAt, seed: current.seed });
  if (!current && req.redraw) throw usageError('draw.redrawNothing', { id: plan.id });
  if (current && req.redraw) checkRedraw(db, current, findFreeze(db, plan.id));

  const freeze = findFreeze(db, plan.id);
  const seeds = seedsOfDraw(db, plan.id, freeze, req, hooks);
  // A plan frozen with a secret draws under SSJ-2, the protocol that has one (app/freeze.ts secretPlan).
  const drawn = seeds.seedSecret !== null ? secretPlan(plan) : plan;
  // A frozen plan: drawn in freeze order, its pool recomputed with the caps of its freeze, minus what plans frozen
  // before it capped since (src/app/pool-after-freeze.ts). An unfrozen plan takes the pool of now and removes nothing.
  const after = freeze ? poolAfterFreeze(db, drawn, freeze, hooks.warn) : undefined;
  const inputs = after?.inputs ?? computeInputs(db, drawn);
  const removed = after?.removed ?? [];
  if (inputs.inspectors.length === 0) throw refused('draw.noInspectors');
  if (freeze) {
    const changes = diffInputs(freeze.files, inputs.files);
    if (changes.length)
      throw refused('draw.poolChanged', {
        id: plan.id,
        frozenAt: freeze.frozenAt,
        changes: describeChanges(hooks.lang, changes),
        files: changes,
      });
  } else hooks.warn('draw.notFrozenWarning');
  // The seed the tickets use: the public seed, with the secret committed at freeze when there is one. It is never
  // returned or printed: the summary, the draw row and the audit entry carry the public seed.
  const tickets = ticketSeed(seed.seed, seeds.seedSecret);

  const seedSource =
    req.seedSource?.trim() || freeze?.seedSource || (seed.kind === 'rfc3797' ? `RFC 3797: ${seed.input}` : '');
  if (inputs.ssj2) {
    // SSJ-2 (README "Which protocol a plan draws under"): seat groups, officers apart from experts, joint departments.
    const input2 = drawInput2(drawn, tickets, inputs.strata, {
      pool: inputs.pool,
      removed,
      inspectors: inputs.ssj2.inspectors,
      items: inputs.ssj2.items,
      conflicts: inputs.conflicts,
    });
    // E keys and inspector orders on every core (src/parallel/hints.ts): the same draw, sooner.
    const state = protocol(() => draw2(input2, PARALLEL));
    const summary: DrawSummary = {
      ...drawSummary(plan.id, seed.seed, seedSource, inputs.hashes.poolEnterprises, state, SSJ2),
      ...(removed.length ? { removed } : {}),
    };
    const mark = stateMark(db);
    return { plan: drawn, current, freeze, inputs, removed, state, seedSource, seeds, summary, mark, algorithm: SSJ2 };
  }
  const input = drawInput(plan, tickets, inputs.strata, inputs);
  const enterprises = protocol(() => drawEnterprises(input, PARALLEL));
  const selected = enterprises.selection.filter((r) => r.role === 'selected').map((r) => r.uscc);
  const orders = await inspectorOrders(
    tickets,
    plan.id,
    selected,
    input.inspectors.map((i) => i.certNo),
  );
  const state = protocol(() => draw(input, { enterprises, orders }));
  const summary = drawSummary(plan.id, seed.seed, seedSource, inputs.hashes.poolEnterprises, state);
  return {
    plan,
    current,
    freeze,
    inputs,
    removed,
    state,
    seedSource,
    seeds,
    summary,
    mark: stateMark(db),
    algorithm: ALGORITHM,
  };
}

/** Store the draw with its audit entry (inside the write transaction). */
function storeDraw(db: Db, req: DrawRequest, hooks: DrawHooks, p: PreparedDraw): StoredDraw {
  const { plan, current, freeze, inputs, state, seedSource, seeds, algorithm } = p;
  const { seed } = req;
  const at = hooks.now();
  // Checked again inside the write lock: of two processes drawing the same plan at once, exactly one stores.
  const now = activeDraw(db, plan.id);
  if (now && (!req.redraw || now.id !== current?.id))
    throw refused('draw.alreadyDrawn', { id: plan.id, at: now.drawnAt, seed: now.seed });
  const voided = req.redraw ? voidActiveDraw(db, plan.id, req.reason!.trim(), at) : undefined;
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
    operator: hooks.operator,
    redrawReason: req.redraw ? req.reason!.trim() : null,
    poolHash: inputs.hashes.poolEnterprises,
    strata: state.strata,
    files: inputs.files,
  });
  storeState(db, id, state);
  storePoolRemovals(db, id, p.removed);
  const withSeeds = hasDrawSeed(seeds);
  if (withSeeds) storeDrawSeed(db, id, seeds);
  const order = state.strata.map((x) => x.name);
  setPlanStatus(db, plan.id, 'drawn');
  appendAudit(db, {
    at,
    operator: hooks.operator,
    action: req.redraw ? 'draw.redraw' : 'draw',
    tables: [
      'draws',
      'plans',
      ...(p.removed.length ? (['pool_removals'] as const) : []),
      ...(withSeeds ? (['draw_seeds'] as const) : []),
    ],
    planId: plan.id,
    payload: {
      drawId: id,
      voidedDrawId: voided ?? null,
      reason: req.reason ?? null,
      algorithm,
      seed: seed.seed,
      seedSource,
      seedInput: seed.input,
      seedKind: seed.kind,
      frozenAt: freeze?.frozenAt ?? null,
      hashes: inputs.hashes,
      strata: state.strata,
      ...(p.removed.length ? { removed: p.removed } : {}),
      resultHash: algorithm === SSJ2 ? stateHash2(state, order) : stateHash(state as DrawState),
      // The public seed fields, only when there are any (entries of plans without them stay as they were). Never the
      // secret: audit verify checks the stored secret against the logged commitment.
      ...(withSeeds ? publicSeedFields(seeds) : {}),
    },
  });
  return { drawId: id, summary: p.summary, at };
}

/**
 * What the draw takes from its freeze about the seed, checked against the seed typed (DESIGN.md "Nothing is chosen
 * after the seed is known"):
 *  - a frozen plan with a seed rule refuses a seed of another kind or another number of sources (exit 5), so a
 *    declined or refused draw cannot be tried again with the result written another way;
 *  - a plan frozen without a rule (every freeze made before rules existed, or one that fixed none) draws with any seed,
 *    as before, with a warning: its bundle says seedRule null;
 *  - a plan never frozen is drawn only with --unfrozen and a reason, kept with the draw and published.
 */
function seedsOfDraw(
  db: Db,
  planId: string,
  freeze: FreezeRecord | undefined,
  req: DrawRequest,
  hooks: DrawHooks,
): DrawSeed {
  if (!freeze) {
    if (!req.unfrozen) throw usageError('draw.needsUnfrozen', { id: planId });
    return {
      seedRule: null,
      secretCommitment: null,
      seedSecret: null,
      unfrozenReason: req.reason!.normalize('NFC').trim(),
    };
  }
  if (req.unfrozen) throw usageError('draw.unfrozenButFrozen', { id: planId, at: freeze.frozenAt });
  const fixed = findFreezeSeed(db, planId);
  const { seed } = req;
  const breach = seedRuleBreach(fixed.seedRule, seed.kind, seed.input);
  if (breach) {
    const rule = fixed.seedRule!;
    throw refused(breach.code === 'seedRule.kind' ? 'draw.seedRuleKind' : 'draw.seedRuleSources', {
      id: planId,
      kind: rule.kind,
      count: rule.sources.length,
      found: breach.code === 'seedRule.sources' ? (breach.found ?? '?') : seed.kind,
      sources: rule.sources.map((s, i) => `${i + 1}. ${s}`).join('\n'),
      example: seedRuleExample(rule).input,
    });
  }
  if (fixed.seedRule === null) hooks.warn('draw.noSeedRule', { id: planId, at: freeze.frozenAt });
  return { ...fixed, unfrozenReason: null };
}

/** The seed fields a log entry or a publication may carry: never the secret. */
export function publicSeedFields(s: DrawSeed): Record<string, unknown> {
  return {
    ...(s.seedRule ? { seedRule: { kind: s.seedRule.kind, sources: s.seedRule.sources } } : {}),
    ...(s.secretCommitment ? { secretCommitment: s.secretCommitment } : {}),
    ...(s.unfrozenReason ? { unfrozenReason: s.unfrozenReason } : {}),
  };
}

/** The frozen inputs that changed, for the refusal message: which file, and which rows came or went. */
function describeChanges(lang: Lang, changes: ReturnType<typeof diffInputs>): string {
  return changes
    .map((c) => {
      const sample = (xs: string[]) =>
        xs
          .slice(0, 5)
          .map((x) => `      ${x}`)
          .join('\n') + (xs.length > 5 ? `\n      … (+${xs.length - 5})` : '');
      return [
        `  ${c.file}: ${c.frozenHash.slice(0, 16)}… → ${c.currentHash.slice(0, 16)}…`,
        c.added.length ? `    ${bi(lang, '新增', 'added')} ${c.added.length}:\n${sample(c.added)}` : '',
        c.removed.length ? `    ${bi(lang, '移除', 'removed')} ${c.removed.length}:\n${sample(c.removed)}` : '',
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
  /** SSJ-2: enterprises taken out of the frozen pool, each with the plan frozen earlier that capped it. */
  removed?: RemovedRow[];
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
