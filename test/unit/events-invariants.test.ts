import { describe, expect, it } from 'vitest';
import { draw } from '../../src/core/draw.js';
import { applyEvent } from '../../src/core/events.js';
import { explainRecusal } from '../../src/core/explain.js';
import { replay } from '../../src/core/replay.js';
import { ProtocolError } from '../../src/core/errors.js';
import type { DrawInput, DrawState } from '../../src/core/state.js';
import type { DrawEvent, EventType } from '../../src/core/types.js';
import { stateHash } from '../../src/db/state-hash.js';
import { syntheticInput, tinyInput } from '../helpers/protocol.js';
import { eventStateSnapshot as snapshot } from '../helpers/events-state.js';

/** Deterministic pseudo-random choices (an LCG), so a failure always reproduces. */
function chooser(seed: number) {
  let s = seed;
  return <T>(xs: readonly T[]): T => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return xs[s % xs.length]!;
  };
}

/** Every selected enterprise has a full team of distinct members with its specialists; nobody exceeds the seat limit. */
function expectTeamRules(s: DrawState): void {
  const { size, specialists, maxPerInspector } = s.input.team;
  const seats = new Map<string, number>();
  for (const e of s.processingOrder()) {
    const team = s.teams.get(e.uscc)!;
    expect(team.map((x) => x.seat).sort()).toEqual(Array.from({ length: size }, (_, i) => i + 1));
    expect(new Set(team.map((x) => x.certNo)).size).toBe(size);
    expect(s.specialistsOn(team, e.industry)).toBeGreaterThanOrEqual(specialists);
    for (const x of team) {
      expect(s.hasConflict(x.certNo, e.uscc), `${x.certNo} seated at ${e.uscc} despite a conflict`).toBe(false);
      seats.set(x.certNo, (seats.get(x.certNo) ?? 0) + 1);
    }
  }
  expect(Math.max(...seats.values())).toBeLessThanOrEqual(maxPerInspector ?? Infinity);
  // The seat counts the events keep equal the seats actually held.
  for (const i of s.input.inspectors) expect(s.loadOf(i.certNo)).toBe(seats.get(i.certNo) ?? 0);
}

/** Apply `n` pseudo-random events; refused ones must change nothing. Returns the applied events, as recorded. */
function randomEvents(input: DrawInput, n: number, seed: number) {
  const pick = chooser(seed);
  const state = draw(input);
  const events: DrawEvent[] = [];
  const refused = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const type = pick<EventType>(['recusal', 'recusal', 'recusal', 'swap', 'replacement']);
    const e = pick(state.processingOrder());
    const x = type === 'replacement' ? '' : pick(state.teams.get(e.uscc)!).certNo;
    const fresh = type === 'recusal' && pick([true, false]) ? `fresh ${i}` : '';
    const before = snapshot(state);
    try {
      const o = applyEvent(state, { type, uscc: e.uscc, certNo: x, seed: fresh });
      events.push({
        seq: events.length + 1,
        type,
        uscc: e.uscc,
        certNo: x,
        replacementCertNo: o.replacementCertNo,
        replacementUscc: o.replacementUscc,
        seed: fresh,
        reason: `r${i}`,
      });
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      refused.set(err.code, (refused.get(err.code) ?? 0) + 1);
      expect(snapshot(state), `refused ${err.code} changed the state`).toEqual(before);
    }
    expectTeamRules(state);
  }
  return { state, events, refused };
}

describe('events keep the team rules and replay to the same state', () => {
  it.each([
    ['400 enterprises, 20 inspectors, at most 6 seats', syntheticInput(400, 20), 120, 11, ['event.noReserve']],
    [
      '200 enterprises, 8 inspectors, at most 5 seats (tight: refusals)',
      syntheticInput(200, 8, { team: { size: 2, specialists: 1, maxPerInspector: 5 } }),
      120,
      5,
      ['event.noReplacement', 'event.noSwap', 'event.noReserve'],
    ],
    [
      'teams of 3 with 2 specialists',
      syntheticInput(200, 24, { team: { size: 3, specialists: 2, maxPerInspector: 5 } }),
      80,
      3,
      [],
    ],
  ] as const)('%s', (_name, input, n, seed, mustRefuse) => {
    const { state, events, refused } = randomEvents(input, n, seed);
    // The sequence exercises every event type and some refusals.
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['recusal', 'swap', 'replacement']));
    expect(events.some((e) => e.seed !== '')).toBe(true);
    const r = replay(input, events);
    expect(r.mismatches).toEqual([]);
    expect(stateHash(r.state)).toBe(stateHash(state));
    expect(snapshot(r.state)).toEqual(snapshot(state));
    // Refusals were tried too, each checked above to leave the state as it was.
    for (const code of mustRefuse) expect(refused.get(code), code).toBeGreaterThan(0);
  });

  it('replays events in seq order whatever order they are listed in', () => {
    const input = syntheticInput(400, 20);
    const { state, events } = randomEvents(input, 40, 7);
    expect(stateHash(replay(input, [...events].reverse()).state)).toBe(stateHash(state));
  });
});

describe('explainRecusal on the tiny vector', () => {
  it('lists who was passed over and why, from the protocol state', () => {
    const s = draw(tinyInput());
    const o1 = applyEvent(s, { type: 'recusal', uscc: '91370300MA3C5X2K00', certNo: '37032301006', seed: '' });
    expect(explainRecusal(s, o1, '')).toEqual({
      order: 'I',
      position: 3,
      passedOver: [
        { certNo: '37032301006', name: '赵磊', reason: 'leaving' },
        { certNo: '37032301002', name: '王芳', reason: 'atLimit' },
      ],
      counts: [
        { reason: 'leaving', count: 1 },
        { reason: 'atLimit', count: 1 },
      ],
    });
  });
});
