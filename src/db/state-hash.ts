import { sha256Hex } from '../core/hash.js';
import { checkItemsCsv, selectionCsv, teamsCsv } from '../core/canonical.js';
import type { CheckItem, Seat, SelectionRow } from '../core/types.js';

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
