import { Worker } from 'node:worker_threads';
import { mapHeaders, ROSTER_DEFS, RowValidator, SEP, type RosterName, type RowProblem } from '../domain/rosters.js';
import { SsjError } from '../errors.js';
import { readCsv } from './csv-read.js';
import type { Encoding } from './encoding.js';

/**
 * Reading and checking the rows of a roster file: everything an import does before the database.
 * Runs in the importing thread for small files and in a worker thread for large ones (roster-worker.ts), so
 * that parsing and checking overlap with the database writes on a second core. Either way the output is the
 * same sequence of plain, structured-clone-friendly events.
 */
export interface RowsRequest {
  path: string;
  /** The file as the user named it, for messages. */
  name: string;
  encoding: Encoding;
  roster: RosterName;
  /** --map entries: header → field. */
  map: [string, string][];
  /** YYYY-MM-DD, the latest possible birth date in an ID number. */
  today: string;
  /** --allow-formula-start (domain/text-hygiene.ts). */
  allowFormulaStart?: boolean;
}

export type RowEvent =
  /** The header row (first non-blank record); undefined headers: the file has no records at all. */
  | { kind: 'header'; headers: string[] | undefined }
  /**
   * Checked rows of one chunk of the file. `packed` holds the valid ones: for each, its line number then its values
   * (RosterDef field order), every item followed by NUL. NUL never occurs in text (a file with NUL bytes is refused
   * as binary), so one string carries a whole chunk across threads and splits back with a single `split`.
   */
  | {
      kind: 'rows';
      packed: string;
      valid: number;
      rows: number;
      badRows: number;
      problems: RowProblem[];
      bytesRead: number;
      /** Rows of this chunk that got flags from a note column (备注 失信 …: note-flags.ts). */
      notes?: NoteFlags | undefined;
    };

/** What the worker thread (roster-worker.ts) posts back to the importing thread. */
export type WorkerMessage =
  | { type: 'event'; event: RowEvent }
  | { type: 'done' }
  | { type: 'error'; kind: SsjError['kind']; code: string; details: Record<string, unknown> }
  | { type: 'crash'; message: string; stack?: string };

export interface NoteFlags {
  rows: number;
  /** The first such line. */
  line: number;
  words: string[];
}

/**
 * Parse and check the file. Stops after the header if it lacks a required column or has a duplicate one
 * (the importer reports that from the header event); otherwise yields one 'rows' event per chunk.
 */
export async function* checkedRows(req: RowsRequest): AsyncGenerator<RowEvent> {
  const def = ROSTER_DEFS[req.roster];
  let bytesRead = 0;
  const batches = readCsv(req.path, req.encoding, (n) => (bytesRead += n), req.name);
  try {
    let validator: RowValidator | undefined;
    const values: string[] = new Array(def.fields.length).fill('');
    const problems: RowProblem[] = [];
    for await (const records of batches) {
      let i = 0;
      if (!validator) {
        while (i < records.length && records[i]!.fields.every((x) => x.trim() === '')) i++;
        if (i === records.length) continue;
        const headers = records[i++]!.fields;
        yield { kind: 'header', headers };
        const map = mapHeaders(def, headers, new Map(req.map));
        if (map.missing.length || map.duplicates.length) return;
        validator = new RowValidator(def, headers, map, {
          today: req.today,
          allowFormulaStart: req.allowFormulaStart === true,
        });
      }
      // One join per chunk: concatenating cell by cell would build millions of short-lived rope strings (GC time).
      const parts: (string | number)[] = [];
      let valid = 0;
      let rows = 0;
      let badRows = 0;
      for (; i < records.length; i++) {
        const r = records[i]!;
        const outcome = validator.validate(r.fields, r.line, values, problems);
        if (outcome === 'blank') continue;
        rows++;
        if (outcome === 'bad') {
          badRows++;
          continue;
        }
        valid++;
        parts.push(r.line);
        for (let k = 0; k < values.length; k++) parts.push(values[k]!);
      }
      parts.push('');
      yield {
        kind: 'rows',
        packed: parts.join(SEP),
        valid,
        rows,
        badRows,
        problems: problems.splice(0),
        bytesRead,
        notes: validator.takeNoteFlags(),
      };
    }
    if (!validator) yield { kind: 'header', headers: undefined };
  } finally {
    await batches.return(undefined);
  }
}

/** Files from this size on are parsed in a worker thread (smaller ones finish before a worker has started). */
export const WORKER_MIN_BYTES = 4 << 20;

/**
 * The worker holds a few chunks at a time; capping its heap makes V8 collect early instead of growing to its
 * default limits, which keeps a 1,000,000-row import near 200 MB peak (the target is under 300 MB).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

/** checkedRows() run in a worker thread (roster-worker.ts), as the same events. */
export async function* checkedRowsInWorker(req: RowsRequest): AsyncGenerator<RowEvent> {
  const worker = new Worker(new URL('./roster-worker.js', import.meta.url), {
    workerData: req,
    resourceLimits: WORKER_HEAP,
  });
  const queue: WorkerMessage[] = [];
  let notify: (() => void) | undefined;
  const push = (m: WorkerMessage) => {
    queue.push(m);
    notify?.();
  };
  worker.on('message', push);
  worker.on('error', (e) => push({ type: 'crash', message: e.message, stack: e.stack }));
  worker.on('exit', (code) => push({ type: 'crash', message: `import worker exited with code ${code}` }));
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((r) => (notify = r));
      notify = undefined;
      const m = queue.shift()!;
      switch (m.type) {
        case 'event':
          yield m.event;
          worker.postMessage('credit'); // this chunk is written: the worker may read one more
          break;
        case 'done':
          return;
        case 'error':
          throw new SsjError(m.kind, m.code, m.details);
        case 'crash':
          throw Object.assign(new Error(m.message), { stack: m.stack ?? m.message });
      }
    }
  } finally {
    await worker.terminate();
  }
}
