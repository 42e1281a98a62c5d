import { replay, type Replayed } from '../core/replay.js';
import { ProtocolError } from '../core/errors.js';
import type { DrawInput, DrawState } from '../core/state.js';
import type { DrawHints } from '../core/draw.js';
import { validatePlan } from '../domain/plan.js';
import { verifyFailed } from '../errors.js';
import { drawInput } from '../core/draw-input.js';
import { parseInputFiles, type InputFiles } from './draw-inputs.js';
import { drawEvents, drawFiles, loadState, type DrawRecord, type StoredState } from './draws.js';
import type { Db } from './open.js';
import { stateHash, stateHash2 } from './state-hash.js';
import { drawInput2 } from '../core/ssj2/draw-input.js';
import { readConflicts, readPoolEnterprises } from '../core/canonical.js';
import { readItems2, readPoolInspectors2 } from '../core/ssj2/canonical.js';
import { replay2, type Replayed2 } from '../core/ssj2/replay.js';
import type { DrawState2 } from '../core/ssj2/state.js';
import { SSJ2, type DrawEvent2, type DrawInput2 } from '../core/ssj2/types.js';
import { inSnapshot } from './tx.js';
import { poolRemovals } from './year-checks.js';
import { ticketSeed } from '../core/ssj2/seed.js';
import { findDrawSeed } from './seeds.js';

/** A stored draw as protocol input: its plan as drawn, its seed and its own snapshot of the inputs. */
export function storedDrawInput(db: Db, d: DrawRecord): DrawInput {
  const plan = validatePlan(JSON.parse(d.planJson));
  return drawInput(plan, d.seed, d.strata, parseInputFiles(drawFiles(db, d.id)));
}

/**
 * A stored SSJ-2 draw as protocol input: its plan as drawn, its own snapshot of the inputs (SSJ-2 columns) and the
 * enterprises it took out of its frozen pool (pool-removed.csv, src/app/pool-after-freeze.ts). The draw row holds the
 * public seed; with a secret committed at freeze (db/seeds.ts) the tickets use publicSeed + "#" + secret.
 */
export function storedDrawInput2(db: Db, d: DrawRecord, files: InputFiles = drawFiles(db, d.id)): DrawInput2 {
  const plan = validatePlan(JSON.parse(d.planJson));
  return drawInput2(plan, ticketSeed(d.seed, findDrawSeed(db, d.id).seedSecret), d.strata, {
    pool: readPoolEnterprises(files.poolEnterprises),
    removed: poolRemovals(db, d.id),
    inspectors: readPoolInspectors2(files.poolInspectors).map(({ kindText: _k, ...i }) => i),
    items: readItems2(files.items),
    conflicts: readConflicts(files.conflicts),
  });
}

/**
 * What a replay may be given to save work: inspector orders from the cores (src/parallel), and the draw's input when
 * the caller has already read it from the draw's own snapshot (storedDrawInput/storedDrawInput2 of the same draw).
 */
export interface ReplayHints extends Pick<DrawHints, 'orderSource' | 'eKeySource'> {
  input?: DrawInput | DrawInput2;
}

export const isSsj2 = (d: { algorithm: string }): boolean => d.algorithm === SSJ2;

/** A stored draw's events in SSJ-2's shape (the same rows; SSJ-2 adds the type reassign). */
export const drawEvents2 = (db: Db, drawId: number): DrawEvent2[] =>
  drawEvents(db, drawId).map((e) => ({ ...e, type: e.type as DrawEvent2['type'] }));

/** Re-derive a stored SSJ-2 draw. */
export function replayStored2(db: Db, d: DrawRecord, hints: ReplayHints = {}): Replayed2 {
  return replay2((hints.input as DrawInput2 | undefined) ?? storedDrawInput2(db, d), drawEvents2(db, d.id), hints);
}

/** Re-derive a stored draw: draw from its snapshot, then replay its events in order, by the draw's protocol. */
export function replayStored(db: Db, d: DrawRecord, hints: ReplayHints = {}): Replayed | Replayed2 {
  if (isSsj2(d)) return replayStored2(db, d, hints);
  return replay((hints.input as DrawInput | undefined) ?? storedDrawInput(db, d), drawEvents(db, d.id), hints);
}

/** The result hash of a state by its draw's protocol (the audit log records it at draw and at each event). */
export function resultHash(
  d: { algorithm: string; strata: { name: string }[] },
  state: Pick<StoredState, 'selection' | 'teams' | 'checkItems'> | DrawState2,
): string {
  const order = d.strata.map((s) => s.name);
  return isSsj2(d) ? stateHash2(state, order) : stateHash(state as StoredState, order);
}

/**
 * Re-derive a stored draw and check it gives exactly the stored result. Everything that publishes a draw or builds
 * on it goes through this: a result edited in the database (with a SQLite editor, say) is refused (exit 1, with
 * `code` naming what was refused) instead of being published or extended.
 */
export function checkedReplay(
  db: Db,
  d: DrawRecord,
  code = 'draw.storedStateDiffers',
  hints: ReplayHints = {},
): { replayed: DrawState | DrawState2; stored: StoredState } {
  // One snapshot: the events, the stored result and the snapshot files must come from one committed state, or an
  // event committed by another process between two reads would look like an edit (src/db/tx.ts).
  return inSnapshot(db, () => checkedReplayIn(db, d, code, hints));
}

function checkedReplayIn(
  db: Db,
  d: DrawRecord,
  code: string,
  hints: ReplayHints,
): { replayed: DrawState | DrawState2; stored: StoredState } {
  const differs = (detail: string) => verifyFailed(code, { id: d.planId, detail });
  let replayed: Replayed | Replayed2;
  try {
    replayed = replayStored(db, d, hints);
  } catch (e) {
    if (e instanceof ProtocolError) throw differs(e.code);
    throw e;
  }
  const m = replayed.mismatches[0];
  if (m) throw differs(`event ${m.seq}: ${m.field} ${m.recorded} ≠ ${m.computed}`);
  const stored = loadState(db, d.id);
  const storedHash = resultHash(d, stored);
  const computed = resultHash(d, replayed.state);
  if (storedHash !== computed) throw differs(`result hash ${storedHash.slice(0, 12)}… ≠ ${computed.slice(0, 12)}…`);
  return { replayed: replayed.state, stored };
}

/** The stored result of a draw, checked by checkedReplay: what every export publishes. */
export function verifiedState(db: Db, d: DrawRecord): StoredState {
  return checkedReplay(db, d).stored;
}
