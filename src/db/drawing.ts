import { replay, type Replayed } from '../core/replay.js';
import type { DrawInput } from '../core/state.js';
import { validatePlan } from '../domain/plan.js';
import { drawInput, parseInputFiles } from './draw-inputs.js';
import { drawEvents, drawFiles, type DrawRecord } from './draws.js';
import type { Db } from './open.js';

/** A stored draw as protocol input: its plan as drawn, its seed and its own snapshot of the inputs. */
export function storedDrawInput(db: Db, d: DrawRecord): DrawInput {
  const plan = validatePlan(JSON.parse(d.planJson));
  return drawInput(plan, d.seed, d.strata, parseInputFiles(drawFiles(db, d.id)));
}

/** Re-derive a stored draw: draw from its snapshot, then replay its events in order. */
export function replayStored(db: Db, d: DrawRecord): Replayed {
  return replay(storedDrawInput(db, d), drawEvents(db, d.id));
}
