import { replay, type Replayed } from '../core/replay.js';
import { ProtocolError, type DrawInput, type DrawState } from '../core/state.js';
import { validatePlan } from '../domain/plan.js';
import { verifyFailed } from '../errors.js';
import { drawInput } from '../core/draw-input.js';
import { parseInputFiles } from './draw-inputs.js';
import { drawEvents, drawFiles, loadState, type DrawRecord, type StoredState } from './draws.js';
import type { Db } from './open.js';
import { stateHash } from './state-hash.js';
import { inSnapshot } from './tx.js';

/** A stored draw as protocol input: its plan as drawn, its seed and its own snapshot of the inputs. */
export function storedDrawInput(db: Db, d: DrawRecord): DrawInput {
  const plan = validatePlan(JSON.parse(d.planJson));
  return drawInput(plan, d.seed, d.strata, parseInputFiles(drawFiles(db, d.id)));
}

/** Re-derive a stored draw: draw from its snapshot, then replay its events in order. */
export function replayStored(db: Db, d: DrawRecord): Replayed {
  return replay(storedDrawInput(db, d), drawEvents(db, d.id));
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
): { replayed: DrawState; stored: StoredState } {
  // One snapshot: the events, the stored result and the snapshot files must come from one committed state, or an
  // event committed by another process between two reads would look like an edit (src/db/tx.ts).
  return inSnapshot(db, () => checkedReplayIn(db, d, code));
}

function checkedReplayIn(db: Db, d: DrawRecord, code: string): { replayed: DrawState; stored: StoredState } {
  const differs = (detail: string) => verifyFailed(code, { id: d.planId, detail });
  let replayed: Replayed;
  try {
    replayed = replayStored(db, d);
  } catch (e) {
    if (e instanceof ProtocolError) throw differs(e.code);
    throw e;
  }
  const m = replayed.mismatches[0];
  if (m) throw differs(`event ${m.seq}: ${m.field} ${m.recorded} ≠ ${m.computed}`);
  const stored = loadState(db, d.id);
  const storedHash = stateHash(
    stored,
    d.strata.map((s) => s.name),
  );
  const computed = stateHash(replayed.state);
  if (storedHash !== computed) throw differs(`result hash ${storedHash.slice(0, 12)}… ≠ ${computed.slice(0, 12)}…`);
  return { replayed: replayed.state, stored };
}

/** The stored result of a draw, checked by checkedReplay: what every export publishes. */
export function verifiedState(db: Db, d: DrawRecord): StoredState {
  return checkedReplay(db, d).stored;
}
