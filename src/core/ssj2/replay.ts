import type { DrawHints } from '../draw.js';
import { draw2 } from './draw.js';
import { applyEvent2, type EventOutcome2, type ReplayMismatch2 } from './events.js';
import type { DrawState2 } from './state.js';
import type { DrawEvent2, DrawInput2 } from './types.js';

export interface Replayed2 {
  state: DrawState2;
  outcomes: EventOutcome2[];
  /** Recorded event outputs that the protocol does not reproduce. */
  mismatches: ReplayMismatch2[];
}

/** Draw by SSJ-2, then apply the events in seq order, checking each recorded outcome against the recomputed one. */
export function replay2(input: DrawInput2, events: readonly DrawEvent2[], hints: DrawHints = {}): Replayed2 {
  const state = draw2(input, { orderSource: hints.orderSource, eKeySource: hints.eKeySource });
  const outcomes: EventOutcome2[] = [];
  const mismatches: ReplayMismatch2[] = [];
  for (const ev of [...events].sort((a, b) => a.seq - b.seq)) {
    const o = applyEvent2(state, ev);
    outcomes.push(o);
    for (const field of ['replacementCertNo', 'replacementUscc'] as const)
      if (ev[field] !== o[field]) mismatches.push({ seq: ev.seq, field, recorded: ev[field], computed: o[field] });
  }
  return { state, outcomes, mismatches };
}
