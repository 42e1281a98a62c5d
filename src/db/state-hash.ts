import { sha256Hex } from '../core/hash.js';
import { checkItemsCsv, selectionCsv, teamsCsv } from '../core/canonical.js';
import type { CheckItem, Seat, SelectionRow } from '../core/types.js';
import { checkItemsCsv2, teamsCsv2 } from '../core/ssj2/canonical.js';

/**
 * SHA-256 of a draw's canonical result files (selection.csv, teams.csv, check-items.csv joined),
 * recorded in the audit log so a later edit of the stored result is detected by `ssj audit verify`.
 */
export function stateHash(
  state: {
    strata?: { name: string }[];
    selection: SelectionRow[];
    teams: Map<string, Seat[]>;
    checkItems: Map<string, CheckItem[]>;
  },
  strataOrder?: string[],
): string {
  const order = strataOrder ?? state.strata?.map((s) => s.name) ?? [...new Set(state.selection.map((r) => r.stratum))];
  return sha256Hex(selectionCsv(order, state.selection) + teamsCsv(state.teams) + checkItemsCsv(state.checkItems));
}

/** stateHash of an SSJ-2 draw: the same three files in their SSJ-2 form (teams.csv with the group column). */
export function stateHash2(
  state: {
    selection: SelectionRow[];
    teams: ReadonlyMap<string, (Seat & { group?: string })[]>;
    checkItems: ReadonlyMap<string, CheckItem[]>;
  },
  strataOrder: string[],
): string {
  const teams = new Map([...state.teams].map(([u, seats]) => [u, seats.map((s) => ({ ...s, group: s.group ?? '' }))]));
  return sha256Hex(
    selectionCsv(strataOrder, state.selection) +
      teamsCsv2(teams) +
      checkItemsCsv2(state.checkItems as Map<string, CheckItem[]>),
  );
}
