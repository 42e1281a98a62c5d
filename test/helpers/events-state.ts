import type { DrawState } from '../../src/core/state.js';

const teamsOf = (s: DrawState) => Object.fromEntries([...s.teams].sort(([a], [b]) => (a < b ? -1 : 1)));

/** Everything a post-draw event may change, including what later events depend on (k, recusals, gained conflicts, seats). */
export function eventStateSnapshot(s: DrawState) {
  return {
    selection: structuredClone(s.selection),
    teams: structuredClone(teamsOf(s)),
    checkItems: structuredClone(Object.fromEntries(s.checkItems)),
    seats: Object.fromEntries(s.input.inspectors.map((i) => [i.certNo, s.loadOf(i.certNo)])),
    conflicts: s.input.inspectors.flatMap((i) =>
      s.selection.filter((r) => s.hasConflict(i.certNo, r.uscc)).map((r) => `${i.certNo}|${r.uscc}`),
    ),
    recused: [...s.recused].map(([u, set]) => [u, [...set].sort()]).sort(),
    k: [...s.eventCount].sort(),
  };
}
