import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { conflictsCsv, itemsCsv, poolEnterprisesCsv, poolInspectorsCsv } from '../../src/core/canonical.js';
import { draw } from '../../src/core/draw.js';
import { applyEvent } from '../../src/core/events.js';
import type { DrawInput } from '../../src/core/state.js';
import type { DrawEvent } from '../../src/core/types.js';
import { hashFiles, type InputFiles } from '../../src/db/draw-inputs.js';
import { replayStored } from '../../src/db/drawing.js';
import { activeDraw, drawEvents, insertDraw, insertEvent, storeState } from '../../src/db/draws.js';
import type { Db } from '../../src/db/open.js';
import { insertPlan, setPlanStatus } from '../../src/db/plans.js';
import { drawnPlanJson, validatePlan, type Plan } from '../../src/domain/plan.js';
import { FIXTURES } from './cli.js';
import { templateCopy } from './templates.js';

/**
 * Drawn databases for tests of what comes after a draw (bundles, verification, events, publication).
 *
 * Two ways:
 *  - drawnFixtureDb(): the way a user does it, through the CLI (import the fixtures, add, freeze, draw), built once
 *    per run by test/setup/templates.ts and copied per test;
 *  - storeDrawnInput(): straight into a database from a DrawInput (test/helpers/protocol.ts), for unit tests that
 *    should not depend on the import pipeline. The stored state is exactly what src/core computes.
 */

export {
  FIXTURE_FROZEN_AT,
  FIXTURE_NOW,
  FIXTURE_ROSTERS,
  FIXTURE_SEED_RFC3797,
  FIXTURE_SEED_SOURCE,
} from './fixture-builds.js';

export function fixturesReady(): boolean {
  return (
    existsSync(join(FIXTURES, 'plan-2024Q1.json')) &&
    existsSync(join(FIXTURES, 'enterprises.csv')) &&
    existsSync(join(FIXTURES, 'inspectors.csv'))
  );
}

export interface FixtureDb {
  dir: string;
  /** ssj.db inside dir (the default --db, so commands run in dir need no --db). */
  db: string;
  cleanup: () => void;
}

/**
 * A database with the fixtures imported and plan 2024Q1 frozen and drawn with the RFC 3797 example seed at
 * FIXTURE_NOW: a fresh copy of the template test/setup/templates.ts built through the CLI (test/helpers/templates.ts).
 */
export function drawnFixtureDb(): FixtureDb {
  return fixtureDb('drawn');
}

/** The fixtures imported and plan 2024Q1 added and frozen, not drawn: the moment before a draw. */
export function frozenFixtureDb(): FixtureDb {
  return fixtureDb('frozen');
}

function fixtureDb(name: 'drawn' | 'frozen'): FixtureDb {
  const { dir, cleanup } = templateCopy(name);
  return { dir, db: join(dir, 'ssj.db'), cleanup };
}

/** A plan that draws exactly like `input` (where filters play no part once the pool is given). */
export function planForInput(input: DrawInput, extra: { title?: string; year?: number } = {}): Plan {
  const year = extra.year ?? 2024;
  return validatePlan({
    id: input.planId,
    title: extra.title ?? `测试计划 ${input.planId}`,
    year,
    window: { start: `${year}-01-15`, end: `${year}-03-31` },
    cap: { perYear: 1 },
    strata: input.strata.map((s) => ({ name: s.name, ...s.rule, reserves: s.reserves })),
    team: {
      size: input.team.size,
      specialists: input.team.specialists,
      ...(input.team.maxPerInspector !== null ? { maxPerInspector: input.team.maxPerInspector } : {}),
    },
    items: { perEnterprise: input.itemsPerEnterprise },
    publication: { resultDays: 20 },
  });
}

export function inputFiles(input: DrawInput): InputFiles {
  return {
    poolEnterprises: poolEnterprisesCsv(
      input.strata.map((s) => s.name),
      input.pool,
    ),
    poolInspectors: poolInspectorsCsv(input.inspectors),
    items: itemsCsv(input.items),
    conflicts: conflictsCsv(input.conflicts),
  };
}

/** Store `input` as plan + active draw, as `ssj draw` would have stored it. Returns the draw id. */
export function storeDrawnInput(
  db: Db,
  input: DrawInput,
  opts: {
    seedInput?: string;
    seedKind?: 'text' | 'rfc3797';
    seedSource?: string;
    drawnAt?: string;
    frozenAt?: string | null;
    title?: string;
  } = {},
): number {
  const plan = planForInput(input, { title: opts.title });
  const files = inputFiles(input);
  const state = draw(input);
  return db.transaction(() => {
    insertPlan(db, plan, '2024-01-01T00:00:00.000Z', 'tester');
    const id = insertDraw(db, {
      planId: plan.id,
      algorithm: 'SSJ-1',
      planJson: drawnPlanJson(plan, 'SSJ-1'),
      seed: input.seed,
      seedInput: opts.seedInput ?? input.seed,
      seedKind: opts.seedKind ?? 'text',
      seedSource: opts.seedSource ?? 'test',
      frozenAt: opts.frozenAt ?? null,
      drawnAt: opts.drawnAt ?? '2024-01-10T02:00:00.000Z',
      operator: 'tester',
      redrawReason: null,
      poolHash: hashFiles(files).poolEnterprises,
      strata: state.strata,
      files,
    });
    storeState(db, id, state);
    setPlanStatus(db, plan.id, 'drawn');
    return id;
  })();
}

/**
 * Record a post-draw event on a plan's active draw the way the event commands do: replay the stored events, apply
 * this one with src/core, store the new state and the event with its computed outcome. Returns the stored event.
 */
export function storeEvent(
  db: Db,
  planId: string,
  ev: Pick<DrawEvent, 'type' | 'uscc'> & Partial<Pick<DrawEvent, 'certNo' | 'seed' | 'reason'>>,
): DrawEvent {
  const d = activeDraw(db, planId);
  if (!d) throw new Error(`plan ${planId} has no active draw`);
  const { state } = replayStored(db, d);
  const outcome = applyEvent(state, { type: ev.type, uscc: ev.uscc, certNo: ev.certNo ?? '', seed: ev.seed ?? '' });
  const seq = drawEvents(db, d.id).length + 1;
  const stored: DrawEvent = {
    seq,
    type: ev.type,
    uscc: ev.uscc,
    certNo: ev.certNo ?? '',
    replacementCertNo: outcome.replacementCertNo,
    replacementUscc: outcome.replacementUscc,
    seed: ev.seed ?? '',
    reason: ev.reason ?? 'test',
  };
  db.transaction(() => {
    storeState(db, d.id, state);
    insertEvent(db, d.id, { ...stored, operator: 'tester', at: '2024-01-11T02:00:00.000Z' });
  })();
  return stored;
}
