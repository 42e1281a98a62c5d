import { draw, type DrawHints, type DrawInput, type DrawState } from './draw.js';
import { applyEvent, type EventOutcome } from './events.js';
import type { DrawEvent } from './types.js';

export interface ReplayMismatch {
  seq: number;
  field: 'replacementCertNo' | 'replacementUscc';
  recorded: string;
  computed: string;
}

export interface Replayed {
  state: DrawState;
  outcomes: EventOutcome[];
  /** Recorded event outputs that the protocol does not reproduce. */
  mismatches: ReplayMismatch[];
}

/** Draw, then apply the events in seq order, checking each recorded outcome against the recomputed one. */
export function replay(input: DrawInput, events: DrawEvent[], hints: DrawHints = {}): Replayed {
  const state = draw(input, { orderSource: hints.orderSource, eKeySource: hints.eKeySource });
  const outcomes: EventOutcome[] = [];
  const mismatches: ReplayMismatch[] = [];
  for (const ev of [...events].sort((a, b) => a.seq - b.seq)) {
    const o = applyEvent(state, ev);
    outcomes.push(o);
    for (const field of ['replacementCertNo', 'replacementUscc'] as const) {
      if (ev[field] !== o[field]) mismatches.push({ seq: ev.seq, field, recorded: ev[field], computed: o[field] });
    }
  }
  return { state, outcomes, mismatches };
}
