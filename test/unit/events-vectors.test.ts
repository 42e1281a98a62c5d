import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draw } from '../../src/core/draw.js';
import { applyEvent } from '../../src/core/events.js';
import { replay } from '../../src/core/replay.js';
import { ProtocolError } from '../../src/core/errors.js';
import type { DrawState } from '../../src/core/state.js';
import type { DrawEvent } from '../../src/core/types.js';
import { eventStateSnapshot as snapshot } from '../helpers/events-state.js';
import { tinyInput, VECTORS } from '../helpers/protocol.js';

/** The event vectors of docs/ALGORITHM.md section 12, computed independently (Python, from section 8 alone). */
interface EventsVector {
  events: DrawEvent[];
  refused: { after: number; event: Pick<DrawEvent, 'type' | 'uscc' | 'certNo' | 'seed'>; code: string }[];
}
interface ExpectedAfter {
  seq: number;
  outcome: {
    replacementCertNo: string;
    replacementUscc: string;
    position?: number;
    rank?: number;
    k?: number;
    neededSpecialist?: boolean;
  };
  selection: unknown[];
  teams: Record<string, unknown[]>;
  checkItems: Record<string, unknown[]>;
  seats: Record<string, number>;
}

const vector = JSON.parse(readFileSync(join(VECTORS, 'tiny-events.json'), 'utf8')) as EventsVector;
const expected = (
  JSON.parse(readFileSync(join(VECTORS, 'tiny-events-expected.json'), 'utf8')) as { after: ExpectedAfter[] }
).after;

const seatsOf = (s: DrawState) => Object.fromEntries(s.input.inspectors.map((i) => [i.certNo, s.loadOf(i.certNo)]));
const teamsOf = (s: DrawState) => Object.fromEntries([...s.teams].sort(([a], [b]) => (a < b ? -1 : 1)));

describe('event vectors on the tiny draw (docs/ALGORITHM.md section 12)', () => {
  const state = draw(tinyInput());
  it.each(vector.events.map((ev, i) => [ev.seq, ev.type, ev, expected[i]!] as const))(
    'event %i (%s) gives the hand-checked state',
    (_seq, _type, ev, after) => {
      const o = applyEvent(state, ev);
      expect(o.replacementCertNo).toBe(ev.replacementCertNo);
      expect(o.replacementUscc).toBe(ev.replacementUscc);
      if (ev.type === 'recusal')
        expect({ position: o.position, k: o.k, neededSpecialist: o.neededSpecialist }).toEqual({
          position: after.outcome.position,
          k: after.outcome.k,
          neededSpecialist: after.outcome.neededSpecialist,
        });
      if (ev.type === 'swap') expect(o.k).toBe(after.outcome.k);
      expect(state.selection).toEqual(after.selection);
      expect(teamsOf(state)).toEqual(after.teams);
      expect(Object.fromEntries(state.checkItems)).toEqual(after.checkItems);
      expect(seatsOf(state)).toEqual(after.seats);
    },
  );

  it('replays the whole sequence to the final state, with no mismatch', () => {
    const r = replay(tinyInput(), vector.events);
    const last = expected[expected.length - 1]!;
    expect(r.mismatches).toEqual([]);
    expect(r.state.selection).toEqual(last.selection);
    expect(teamsOf(r.state)).toEqual(last.teams);
  });

  it('reports a recorded replacement that the rules do not give', () => {
    const forged = vector.events.map((e) => (e.seq === 1 ? { ...e, replacementCertNo: '37032301003' } : e));
    expect(replay(tinyInput(), forged).mismatches).toEqual([
      { seq: 1, field: 'replacementCertNo', recorded: '37032301003', computed: '37032301004' },
    ]);
  });

  it.each(vector.refused.map((r) => [r.code, r.event.type, r] as const))(
    'refuses with %s (%s) and leaves the state untouched',
    (code, _type, r) => {
      const s = replay(
        tinyInput(),
        vector.events.filter((e) => e.seq <= r.after),
      ).state;
      const before = snapshot(s);
      expect(() => applyEvent(s, r.event)).toThrowError(ProtocolError);
      try {
        applyEvent(s, r.event);
      } catch (e) {
        expect((e as ProtocolError).code).toBe(code);
      }
      expect(snapshot(s)).toEqual(before);
    },
  );
});

describe('docs/ALGORITHM.md prints the event vectors the tests check', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'ALGORITHM.md'), 'utf8');
  it('lists every event with its recorded outcome', () => {
    const row = (cells: (string | number)[]) => `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
    for (const e of vector.events)
      expect(doc).toContain(
        row([e.seq, e.type, e.uscc, e.certNo, e.seed && `\`${e.seed}\``, e.replacementCertNo, e.replacementUscc]),
      );
  });
  it('prints every seat an event changes, with its ticket', () => {
    let before = (
      JSON.parse(readFileSync(join(VECTORS, 'tiny-expected.json'), 'utf8')) as {
        teams: Record<string, { seat: number; certNo: string; ticket: string }[]>;
      }
    ).teams;
    for (const after of expected) {
      const teams = after.teams as Record<string, { seat: number; certNo: string; ticket: string }[]>;
      for (const [uscc, seats] of Object.entries(teams))
        for (const s of seats) {
          const old = before[uscc]?.find((x) => x.seat === s.seat);
          if (old?.certNo !== s.certNo || old.ticket !== s.ticket)
            expect(doc).toContain(`| ${after.seq} | ${uscc} | ${s.seat} | ${s.certNo} | \`${s.ticket}\``);
        }
      before = teams;
    }
  });
});
