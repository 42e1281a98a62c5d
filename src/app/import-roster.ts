import { basename } from 'node:path';
import { dateInShanghai } from '../core/workdays.js';
import { appendAudit } from '../audit/log.js';
import {
  guessRoster,
  headerNames,
  isNoteHeader,
  mapHeaders,
  ROSTER_DEFS,
  type RosterName,
  type RowProblem,
} from '../domain/rosters.js';
import { inputError } from '../errors.js';
import { readableInput } from '../io/input-file.js';
import { scanFile, type Encoding, type FileScan } from '../io/encoding.js';
import {
  checkedRows,
  checkedRowsInWorker,
  WORKER_MIN_BYTES,
  type RowEvent,
  type RowsRequest,
} from '../io/roster-rows.js';
import type { Db } from '../db/open.js';
import { distinctActive, insertImport, Staging, updateImportCounts, type ImportCounts } from '../db/rosters.js';
import { begin, commit, rollback } from '../db/tx.js';
import { readWorkbook, sniffSpreadsheet, xlsxCheckedRows } from '../io/xlsx-read.js';
import type { NoteFlags } from '../io/roster-rows.js';

/**
 * `ssj import ROSTER FILE`: one pass to scan the bytes (hash, encoding), one streaming pass to parse and check
 * every row (src/io/roster-rows.ts; in a worker thread for large files) into a staging table, then one transaction
 * that either applies all rows or none.
 *
 * The transaction is opened with BEGIN IMMEDIATE before the first row (so no other writer can change the
 * rosters underneath) and is managed by hand because the rows arrive asynchronously from the file stream;
 * better-sqlite3's db.transaction() only wraps synchronous functions. Every path out either commits or rolls back.
 */
export interface ImportOptions {
  roster: RosterName;
  /** The file to read (absolute). */
  path: string;
  /** The file as the user typed it, for messages and the imports record. */
  name: string;
  encoding: Encoding | undefined;
  /** --sheet: the workbook sheet (name or 1-based number) when the file is .xlsx. */
  sheet?: string | undefined;
  map: ReadonlyMap<string, string>;
  dryRun: boolean;
  replace: boolean;
  /** --allow-formula-start: names and codes may begin with = + - @ (domain/text-hygiene.ts). */
  allowFormulaStart?: boolean;
  /** ISO time (ctx.now()): the imports record, the audit entry, "today" (in Beijing) for ID numbers. */
  now: string;
  operator: string;
  /** Open the database only once the file's header is known good, so a bad file never creates a database. */
  openDb: () => Db;
  /** Every bad row, as found (the command prints the first ones and writes all to --errors). */
  onProblem: (p: RowProblem) => void;
  warn: (code: string, params: Record<string, unknown>) => void;
  progress?: Progress;
}

/** Progress of a long import (a bar on a terminal; nothing otherwise). */
export interface Progress {
  start(totalBytes: number): void;
  advance(bytesRead: number): void;
  /** A message code for the step after reading: checking duplicates, writing. */
  phase(code: string): void;
  done(): void;
}

export interface ImportResult extends ImportCounts {
  roster: RosterName;
  file: string;
  sha256: string;
  encoding: string;
  replace: boolean;
  dryRun: boolean;
  importId: number | null;
  /** Columns of the file that no field reads (序号 aside), as written in the header row. */
  ignoredColumns: string[];
}

export async function importRoster(o: ImportOptions): Promise<ImportResult> {
  // A FIFO, a pipe or `-` (standard input) is read once into a private copy: the steps below open the file 3 times.
  const input = await readableInput(o.path, o.name);
  try {
    return await importFile({ ...o, path: input.path, name: input.name });
  } finally {
    input.dispose();
  }
}

async function importFile(o: ImportOptions): Promise<ImportResult> {
  const kind = await sniffSpreadsheet(o.path);
  if (kind === 'xls') throw inputError('xlsx.oldXls', { file: o.name });
  if (kind === 'encrypted') throw inputError('xlsx.encrypted', { file: o.name });
  if (kind === 'xlsx') return importWorkbook(o);
  if (o.sheet !== undefined) throw inputError('xlsx.sheetNotWorkbook', { file: o.name });
  const scan = await scanFile(o.path, o.encoding, o.name);
  if (scan.suspicious === 'looksUtf8') o.warn('encoding.looksUtf8', { file: o.name, encoding: scan.encoding });
  if (scan.bytes === 0) throw inputError('roster.emptyFile', { file: o.name });
  o.progress?.start(scan.bytes);
  const request: RowsRequest = {
    path: o.path,
    name: o.name,
    encoding: scan.encoding,
    roster: o.roster,
    map: [...o.map],
    today: dateInShanghai(o.now),
    allowFormulaStart: o.allowFormulaStart === true,
  };
  const events = scan.bytes >= WORKER_MIN_BYTES ? checkedRowsInWorker(request) : checkedRows(request);
  try {
    const first = await events.next();
    const headers = first.done || first.value.kind !== 'header' ? undefined : first.value.headers;
    if (!headers) throw inputError('roster.emptyFile', { file: o.name });
    checkHeader(o, headers);
    return await importRows(o, scan, headers, events);
  } finally {
    await events.return(undefined); // stops the reader (and its worker) if we leave early
    o.progress?.done();
  }
}

/** An .xlsx roster (src/io/xlsx-read.ts): the same header check and the same all-or-nothing import as a CSV. */
async function importWorkbook(o: ImportOptions): Promise<ImportResult> {
  if (o.encoding !== undefined) o.warn('xlsx.encodingIgnored', { file: o.name });
  const book = await readWorkbook(o.path, o.name, o.sheet);
  if (o.sheet === undefined && book.otherSheets.length)
    o.warn('xlsx.otherSheets', { file: o.name, sheet: book.sheet, others: book.otherSheets.join('、') });
  const scan: FileScan = {
    bytes: book.bytes,
    sha256: book.sha256,
    encoding: 'utf-8',
    bom: false,
    label: `xlsx: ${book.sheet}`,
  };
  o.progress?.start(book.bytes);
  const events = xlsxCheckedRows(book, {
    roster: o.roster,
    name: o.name,
    map: [...o.map],
    today: dateInShanghai(o.now),
    allowFormulaStart: o.allowFormulaStart === true,
  });
  try {
    const first = await events.next();
    const headers = first.done || first.value.kind !== 'header' ? undefined : first.value.headers;
    if (!headers) throw inputError('xlsx.emptySheet', { file: o.name, sheet: book.sheet, others: '—' });
    checkHeader(o, headers);
    return await importRows(o, scan, headers, events);
  } finally {
    await events.return(undefined);
    o.progress?.done();
  }
}

/** Match the header row to the roster; a header that cannot be imported is an error before any database is opened. */
function checkHeader(o: ImportOptions, headers: string[]): void {
  const def = ROSTER_DEFS[o.roster];
  const file = o.name;
  const map = mapHeaders(def, headers, o.map);
  if (map.missing.length) {
    const actual = guessRoster(headers, o.roster);
    if (actual)
      throw inputError('roster.wrongRoster', { file, roster: o.roster, actual, actualZh: ROSTER_DEFS[actual].zh });
    throw inputError('roster.missingColumns', {
      file,
      roster: o.roster,
      fields: map.missing.map((f) => `${f.headers[0]} (${f.field})`).join(', '),
      headers:
        headers
          .map((h) => h.trim())
          .filter((h) => h)
          .join(', ') || '—',
      column: map.unknown[0] ?? '',
      field: map.missing[0]!.field,
    });
  }
  if (map.duplicates.length) {
    const d = map.duplicates[0]!;
    throw inputError('roster.duplicateColumn', {
      file,
      columns: d.headers.join(', '),
      field: `${d.field.headers[0]} (${d.field.field})`,
    });
  }
  for (const h of map.unmatchedMap) o.warn('roster.mapHeaderMissing', { file, header: h });
  if (map.unknown.length)
    o.warn('roster.ignoredColumns', {
      file,
      roster: o.roster,
      rosterZh: def.zh,
      columns: map.unknown.join(', '),
      first: map.unknown[0],
      fields: def.fields.map((f) => f.field).join(', '),
    });
}

/** Stage every checked row, then apply all of them or none, in one transaction. */
async function importRows(
  o: ImportOptions,
  scan: FileScan,
  headers: string[],
  events: AsyncIterable<RowEvent>,
): Promise<ImportResult> {
  const def = ROSTER_DEFS[o.roster];
  const file = o.name;
  const db = o.openDb();
  begin(db);
  try {
    const staging = new Staging(db, def);
    let rows = 0;
    let badRows = 0;
    let problemCount = 0;
    let notes: NoteFlags | undefined;
    const report = (p: RowProblem) => {
      problemCount++;
      o.onProblem(p);
    };
    for await (const ev of events) {
      if (ev.kind !== 'rows') continue;
      staging.addPacked(ev.packed, ev.valid);
      rows += ev.rows;
      badRows += ev.badRows;
      ev.problems.forEach(report);
      if (ev.notes) notes = addNotes(notes, ev.notes);
      o.progress?.advance(ev.bytesRead);
    }
    if (rows === 0) throw inputError('roster.noRows', { file });

    o.progress?.phase('roster.progress.checking');
    const names = headerNames(def, headers, mapHeaders(def, headers, o.map));
    const keyHeaders = def.fields.flatMap((f, i) => (f.key ? [names[i]!] : []));
    for (const d of staging.duplicates()) {
      badRows++;
      const value = d.key.join(' + ');
      report({
        line: d.line,
        field: keyHeaders.join(' + '),
        value,
        code: 'roster.row.duplicate',
        params: { value, first: d.first },
      });
    }
    if (badRows > 0) throw inputError('roster.invalidRows', { file, rows: badRows, count: problemCount });
    if (notes) {
      const columns = headers.filter(
        (h, col) => isNoteHeader(h) && !mapHeaders(def, headers, o.map).columns.includes(col),
      );
      o.warn('roster.flagsFromNotes', {
        file,
        columns: columns.map((c) => c.trim()).join('、'),
        rows: notes.rows,
        line: notes.line,
        words: notes.words.join('、'),
        first: notes.words[0],
      });
    }

    o.progress?.phase('roster.progress.writing');
    const record = {
      roster: o.roster,
      file: basename(file),
      sha256: scan.sha256,
      encoding: scan.label,
      replace: o.replace,
      operator: o.operator,
      at: o.now,
    };
    const importId = insertImport(db, { ...record, rows: 0, inserted: 0, updated: 0, unchanged: 0, deactivated: 0 });
    const counts = staging.apply(importId, { replace: o.replace, now: o.now });
    updateImportCounts(db, importId, counts);
    referenceWarnings(db, o, staging);
    staging.drop();
    appendAudit(db, {
      at: o.now,
      operator: o.operator,
      action: 'import',
      // The roster names are the table names.
      tables: [o.roster, 'imports'],
      payload: {
        roster: o.roster,
        file: record.file,
        sha256: scan.sha256,
        encoding: scan.label,
        replace: o.replace,
        counts,
      },
    });
    if (o.dryRun) rollback(db);
    else commit(db);
    const ignoredColumns = mapHeaders(def, headers, o.map).unknown;
    return { ...record, dryRun: o.dryRun, importId: o.dryRun ? null : importId, ignoredColumns, ...counts };
  } finally {
    if (db.inTransaction) rollback(db);
  }
}

function addNotes(a: NoteFlags | undefined, b: NoteFlags): NoteFlags {
  if (!a) return b;
  return { rows: a.rows + b.rows, line: a.line, words: [...new Set([...a.words, ...b.words])] };
}

/**
 * Warnings that do not stop an import but would surprise at draw time: a conflict naming someone not in the
 * rosters, or a specialty no enterprise industry matches (specialists are matched by exact industry name).
 */
function referenceWarnings(db: Db, o: ImportOptions, staging: Staging): void {
  if (o.roster === 'conflicts') {
    const people = staging.missingReferences('cert_no', 'inspectors', 'cert_no');
    if (people.count)
      o.warn('roster.conflictUnknownInspector', {
        file: o.name,
        count: people.count,
        line: people.line,
        value: people.value,
      });
    const firms = staging.missingReferences('uscc', 'enterprises', 'uscc');
    if (firms.count)
      o.warn('roster.conflictUnknownEnterprise', {
        file: o.name,
        count: firms.count,
        line: firms.line,
        value: firms.value,
      });
  }
  if (o.roster === 'inspectors') {
    const industries = distinctActive(db, 'enterprises', 'industry');
    if (industries.size === 0) return;
    const unmatched = [...staging.distinctListValues('specialties')].filter((s) => !industries.has(s));
    if (unmatched.length)
      o.warn('roster.specialtyNoIndustry', {
        file: o.name,
        values: unmatched.join('、'),
        industries: [...industries].join('、'),
      });
  }
  if (o.roster === 'enterprises') {
    const specialties = distinctActive(db, 'inspectors', 'specialties', true);
    if (specialties.size === 0) return;
    const uncovered = [...distinctActive(db, 'enterprises', 'industry')].filter((i) => !specialties.has(i));
    if (uncovered.length) o.warn('roster.industryNoSpecialist', { file: o.name, values: uncovered.join('、') });
  }
}
