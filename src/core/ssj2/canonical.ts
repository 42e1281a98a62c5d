import { cmp, csvLines, parseCsv, sortedBy } from '../canonical.js';
import type { CheckItem, Conflict, PoolEnterprise, SelectionRow } from '../types.js';
import type { DrawEvent2, InspectorKind, PoolInspector2, PoolItem2, RemovedRow, Seat2 } from './types.js';

/**
 * Canonical files of ssj-bundle/2 (DESIGN.md SSJ-2 "Bundle"). Canonical form and row orders are SSJ-1's
 * (../canonical.ts); only the headers below differ, plus pool-removed.csv. SSJ-1's writers are left untouched.
 */
export const CSV_HEADERS_2 = {
  'pool-enterprises.csv': ['stratum', 'uscc', 'name', 'industry'],
  'pool-inspectors.csv': ['certNo', 'name', 'kind', 'department', 'unit', 'specialties'],
  'items.csv': ['code', 'name', 'industries', 'department'],
  'conflicts.csv': ['certNo', 'uscc'],
  'pool-removed.csv': ['stratum', 'uscc', 'byPlan'],
  'selection.csv': ['stratum', 'rank', 'uscc', 'name', 'ticket', 'role'],
  'teams.csv': ['uscc', 'seat', 'group', 'certNo', 'name', 'ticket'],
  'check-items.csv': ['uscc', 'code', 'ticket'],
  'events.csv': ['seq', 'type', 'uscc', 'certNo', 'replacementCertNo', 'replacementUscc', 'seed', 'reason'],
} as const satisfies Record<string, readonly string[]>;

const splitList = (s: string): string[] => (s === '' ? [] : s.split(';'));

export function poolInspectorsCsv2(inspectors: PoolInspector2[]): string {
  return csvLines(
    CSV_HEADERS_2['pool-inspectors.csv'],
    sortedBy(inspectors, (i) => i.certNo).map((i) => [
      i.certNo,
      i.name,
      i.kind,
      i.department,
      i.unit,
      i.specialties.join(';'),
    ]),
  );
}

/** A row whose kind is neither officer nor expert keeps its text so the verifier can report it (readers never guess). */
export const readPoolInspectors2 = (text: string): (PoolInspector2 & { kindText: string })[] =>
  parseCsv(text).map((r) => ({
    certNo: r.certNo ?? '',
    name: r.name ?? '',
    kindText: r.kind ?? '',
    // "A pool inspector with an empty kind is an officer" (Precisions).
    kind: (r.kind === 'expert' ? 'expert' : 'officer') as InspectorKind,
    department: r.department ?? '',
    unit: r.unit ?? '',
    specialties: splitList(r.specialties ?? ''),
  }));

export function itemsCsv2(items: PoolItem2[]): string {
  return csvLines(
    CSV_HEADERS_2['items.csv'],
    sortedBy(items, (i) => i.code).map((i) => [
      i.code,
      i.name,
      i.industries === '*' ? '*' : i.industries.join(';'),
      i.department,
    ]),
  );
}
export const readItems2 = (text: string): PoolItem2[] =>
  parseCsv(text).map((r) => ({
    code: r.code ?? '',
    name: r.name ?? '',
    industries: r.industries === '*' ? '*' : splitList(r.industries ?? ''),
    department: r.department ?? '',
  }));

/** pool-removed.csv: strata in plan order, then uscc. Always present; header only when nothing was removed. */
export function poolRemovedCsv(strataOrder: string[], removed: RemovedRow[]): string {
  const pos = new Map(strataOrder.map((s, i) => [s, i]));
  const sorted = [...removed].sort(
    (a, b) => (pos.get(a.stratum) ?? 1e9) - (pos.get(b.stratum) ?? 1e9) || cmp(a.uscc, b.uscc),
  );
  return csvLines(
    CSV_HEADERS_2['pool-removed.csv'],
    sorted.map((r) => [r.stratum, r.uscc, r.byPlan]),
  );
}
export const readPoolRemoved = (text: string): RemovedRow[] =>
  parseCsv(text).map((r) => ({ stratum: r.stratum ?? '', uscc: r.uscc ?? '', byPlan: r.byPlan ?? '' }));

/** teams.csv of SSJ-2: by uscc, then seat. */
export function teamsCsv2(teams: ReadonlyMap<string, Seat2[]>): string {
  const usccs = [...teams.keys()].sort(cmp);
  return csvLines(
    CSV_HEADERS_2['teams.csv'],
    usccs.flatMap((u) =>
      [...teams.get(u)!].sort((a, b) => a.seat - b.seat).map((s) => [u, s.seat, s.group, s.certNo, s.name, s.ticket]),
    ),
  );
}

/** check-items.csv: by uscc, then ticket (as SSJ-1; the specific-first order is recomputed, not published). */
export function checkItemsCsv2(items: ReadonlyMap<string, CheckItem[]>): string {
  const usccs = [...items.keys()].sort(cmp);
  return csvLines(
    CSV_HEADERS_2['check-items.csv'],
    usccs.flatMap((u) => [...items.get(u)!].sort((a, b) => cmp(a.ticket, b.ticket)).map((c) => [u, c.code, c.ticket])),
  );
}

export function eventsCsv2(events: DrawEvent2[]): string {
  return csvLines(
    CSV_HEADERS_2['events.csv'],
    [...events]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => [e.seq, e.type, e.uscc, e.certNo, e.replacementCertNo, e.replacementUscc, e.seed, e.reason]),
  );
}
export const readEvents2 = (text: string): DrawEvent2[] =>
  parseCsv(text).map((r) => ({
    seq: Number(r.seq),
    type: r.type as DrawEvent2['type'],
    uscc: r.uscc ?? '',
    certNo: r.certNo ?? '',
    replacementCertNo: r.replacementCertNo ?? '',
    replacementUscc: r.replacementUscc ?? '',
    seed: r.seed ?? '',
    reason: r.reason ?? '',
  }));

// pool-enterprises.csv, conflicts.csv and selection.csv are SSJ-1's files unchanged.
export {
  conflictsCsv,
  poolEnterprisesCsv,
  readConflicts,
  readPoolEnterprises,
  selectionCsv,
} from '../canonical.js';
export type { Conflict, PoolEnterprise, SelectionRow };
