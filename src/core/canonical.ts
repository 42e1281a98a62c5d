import type {
  CheckItem,
  Conflict,
  DrawEvent,
  PoolEnterprise,
  PoolInspector,
  PoolItem,
  Seat,
  SelectionRow,
} from './types.js';
import { csvRows } from './csv-rows.js';

/**
 * Canonical CSV for the bundle files (docs/ALGORITHM.md "Canonical files"): UTF-8 without BOM, LF line ends,
 * a header row, every line ending in LF; a field is quoted only when it contains a comma, a double quote,
 * CR or LF, and quotes inside are doubled. Rows are in a fixed order, so the same draw gives the same bytes
 * and the pool hash (SHA-256 of pool-enterprises.csv) is reproducible.
 */
export function csvField(v: string | number): string {
  const s = String(v);
  // includes() beats a regular expression here: the pool file of a 1,000,000-enterprise roster has 4,000,000 fields.
  return s.includes(',') || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLines(header: readonly string[], rows: Iterable<(string | number)[]>): string {
  const out: string[] = [header.join(',')];
  for (const r of rows) out.push(r.map(csvField).join(','));
  return `${out.join('\n')}\n`;
}

/** Parse canonical CSV (and any RFC 4180 CSV) into records keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...body] = csvRows(text);
  if (!header) return [];
  // A plain loop, not Object.fromEntries: a million rows. A repeated header name keeps its last column, as before.
  if (header.includes('__proto__')) return body.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])));
  return body.map((r) => {
    const o: Record<string, string> = {};
    for (let j = 0; j < header.length; j++) o[header[j]!] = r[j] ?? '';
    return o;
  });
}

/**
 * Code-point order (what Python's sorted() does), not UTF-16 order: they differ only when the first difference is a
 * surrogate (a character past U+FFFF) against U+E000–U+FFFF. Anything else uses the engine's fast comparison.
 */
export function cmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  const n = Math.min(a.length, b.length);
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  const surrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
  if (surrogate(x) !== surrogate(y) && x >= 0xd800 && y >= 0xd800) return surrogate(x) ? 1 : -1;
  return x < y ? -1 : 1;
}

const splitList = (s: string): string[] => (s === '' ? [] : s.split(';'));

/** The header of every canonical CSV file (docs/ALGORITHM.md section 10): written here, checked by verify. */
export const CSV_HEADERS = {
  'pool-enterprises.csv': ['stratum', 'uscc', 'name', 'industry'],
  'pool-inspectors.csv': ['certNo', 'name', 'unit', 'specialties'],
  'items.csv': ['code', 'name', 'industries'],
  'conflicts.csv': ['certNo', 'uscc'],
  'selection.csv': ['stratum', 'rank', 'uscc', 'name', 'ticket', 'role'],
  'teams.csv': ['uscc', 'seat', 'certNo', 'name', 'ticket'],
  'check-items.csv': ['uscc', 'code', 'ticket'],
  'events.csv': ['seq', 'type', 'uscc', 'certNo', 'replacementCertNo', 'replacementUscc', 'seed', 'reason'],
} as const satisfies Record<string, readonly string[]>;

/** Rows in stratum order (as the plan lists them), then uscc. Written without per-row arrays: it is the largest file. */
export function poolEnterprisesCsv(strataOrder: string[], pool: PoolEnterprise[]): string {
  const buckets = new Map<string, PoolEnterprise[]>(strataOrder.map((s) => [s, []]));
  for (const e of pool) buckets.get(e.stratum)!.push(e);
  const out: string[] = [CSV_HEADERS['pool-enterprises.csv'].join(',')];
  for (const [stratum, members] of buckets) {
    const st = csvField(stratum);
    for (const e of sortedBy(members, (x) => x.uscc))
      out.push(`${st},${csvField(e.uscc)},${csvField(e.name)},${csvField(e.industry)}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Exactly `poolEnterprisesCsv(strataOrder, pool) === text`, without building the 70 MB text of a million-enterprise
 * pool: each line is compared in place (verification checks the published pool file is canonical).
 */
export function poolIsCanonical(strataOrder: string[], pool: PoolEnterprise[], text: string): boolean {
  const buckets = new Map<string, PoolEnterprise[]>(strataOrder.map((s) => [s, []]));
  for (const e of pool) buckets.get(e.stratum)!.push(e);
  let at = 0;
  const line = (l: string): boolean => {
    if (!text.startsWith(l, at) || text.charCodeAt(at + l.length) !== 10) return false;
    at += l.length + 1;
    return true;
  };
  if (!line(CSV_HEADERS['pool-enterprises.csv'].join(','))) return false;
  for (const [stratum, members] of buckets) {
    const st = csvField(stratum);
    for (const e of sortedBy(members, (x) => x.uscc))
      if (!line(`${st},${csvField(e.uscc)},${csvField(e.name)},${csvField(e.industry)}`)) return false;
  }
  return at === text.length;
}

/**
 * Whether a list of keys provably has no repeat, by sorting a copy and comparing neighbours: on the pool file (a run
 * of sorted keys per stratum) that is a few comparisons per key, where a set of a million strings hashes each one.
 * The verifiers use it to skip their set-based duplicate search (which also says where) when there is nothing to find.
 */
export function distinctKeys(keys: string[]): boolean {
  const sorted = keys.slice().sort();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return false;
  return true;
}

/** Sort by a key in code-point order; skips the sort when the rows already are in order (a roster read by key). */
export function sortedBy<T>(rows: T[], key: (t: T) => string): T[] {
  for (let i = 1; i < rows.length; i++)
    if (cmp(key(rows[i - 1]!), key(rows[i]!)) > 0) return [...rows].sort((a, b) => cmp(key(a), key(b)));
  return rows;
}
/** The largest file: read straight from the rows, without a record per row (the same result as parseCsv's). */
export function readPoolEnterprises(text: string): PoolEnterprise[] {
  const [header, ...body] = csvRows(text);
  if (!header) return [];
  // parseCsv keeps a repeated header's last column; a missing column reads as ''.
  const [s, u, n, ind] = ['stratum', 'uscc', 'name', 'industry'].map((h) => header.lastIndexOf(h));
  const at = (r: string[], j: number) => (j < 0 ? '' : (r[j] ?? ''));
  return body.map((r) => ({ stratum: at(r, s!), uscc: at(r, u!), name: at(r, n!), industry: at(r, ind!) }));
}

export function poolInspectorsCsv(inspectors: PoolInspector[]): string {
  const sorted = [...inspectors].sort((a, b) => cmp(a.certNo, b.certNo));
  return csvLines(
    CSV_HEADERS['pool-inspectors.csv'],
    sorted.map((i) => [i.certNo, i.name, i.unit, i.specialties.join(';')]),
  );
}
export const readPoolInspectors = (text: string): PoolInspector[] =>
  parseCsv(text).map((r) => ({
    certNo: r.certNo ?? '',
    name: r.name ?? '',
    unit: r.unit ?? '',
    specialties: splitList(r.specialties ?? ''),
  }));

export function itemsCsv(items: PoolItem[]): string {
  const sorted = [...items].sort((a, b) => cmp(a.code, b.code));
  return csvLines(
    CSV_HEADERS['items.csv'],
    sorted.map((i) => [i.code, i.name, i.industries === '*' ? '*' : i.industries.join(';')]),
  );
}
export const readItems = (text: string): PoolItem[] =>
  parseCsv(text).map((r) => ({
    code: r.code ?? '',
    name: r.name ?? '',
    industries: r.industries === '*' ? '*' : splitList(r.industries ?? ''),
  }));

export function conflictsCsv(conflicts: Conflict[]): string {
  const sorted = [...conflicts].sort((a, b) => cmp(a.certNo, b.certNo) || cmp(a.uscc, b.uscc));
  return csvLines(
    CSV_HEADERS['conflicts.csv'],
    sorted.map((c) => [c.certNo, c.uscc]),
  );
}
export const readConflicts = (text: string): Conflict[] =>
  parseCsv(text).map((r) => ({ certNo: r.certNo ?? '', uscc: r.uscc ?? '' }));

/** selection.csv: stratum order, then rank. */
export function selectionCsv(strataOrder: string[], rows: SelectionRow[]): string {
  const pos = new Map(strataOrder.map((s, i) => [s, i]));
  const sorted = [...rows].sort((a, b) => pos.get(a.stratum)! - pos.get(b.stratum)! || a.rank - b.rank);
  return csvLines(
    CSV_HEADERS['selection.csv'],
    sorted.map((r) => [r.stratum, r.rank, r.uscc, r.name, r.ticket, r.role]),
  );
}

/** teams.csv: by uscc, then seat. */
export function teamsCsv(teams: Map<string, Seat[]>): string {
  const usccs = [...teams.keys()].sort(cmp);
  return csvLines(
    CSV_HEADERS['teams.csv'],
    usccs.flatMap((u) => teams.get(u)!.map((s) => [u, s.seat, s.certNo, s.name, s.ticket])),
  );
}

/** check-items.csv: by uscc, then the order drawn (ascending ticket). */
export function checkItemsCsv(items: Map<string, CheckItem[]>): string {
  const usccs = [...items.keys()].sort(cmp);
  return csvLines(
    CSV_HEADERS['check-items.csv'],
    usccs.flatMap((u) => items.get(u)!.map((c) => [u, c.code, c.ticket])),
  );
}

export function eventsCsv(events: DrawEvent[]): string {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return csvLines(
    CSV_HEADERS['events.csv'],
    sorted.map((e) => [e.seq, e.type, e.uscc, e.certNo, e.replacementCertNo, e.replacementUscc, e.seed, e.reason]),
  );
}
export const readEvents = (text: string): DrawEvent[] =>
  parseCsv(text).map((r) => ({
    seq: Number(r.seq),
    type: r.type as DrawEvent['type'],
    uscc: r.uscc ?? '',
    certNo: r.certNo ?? '',
    replacementCertNo: r.replacementCertNo ?? '',
    replacementUscc: r.replacementUscc ?? '',
    seed: r.seed ?? '',
    reason: r.reason ?? '',
  }));
