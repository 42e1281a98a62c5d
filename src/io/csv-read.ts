import { createReadStream } from 'node:fs';
import { inputError } from '../errors.js';
import { decoderFor, type Encoding } from './encoding.js';

/**
 * Streaming CSV reader for rosters (RFC 4180 as Excel writes it): comma-separated, fields in double quotes may
 * hold commas, quotes ("") and line breaks; records end with LF or CRLF (or CR alone, old Mac Excel).
 *
 * Why not csv-parse: a 1,000,000-row roster must import faster than sqlite3's own `.import`, and csv-parse alone
 * needs about 7 s for such a file. This parser takes a fast path for the usual record without quotes (one
 * `indexOf` for the line end, one `split`), and a character loop only for records that contain a quote.
 * The unit tests check it against csv-parse on random inputs.
 *
 * Lenient where Excel users need it: a quote in the middle of an unquoted field is kept as a character, and
 * blanks after a closing quote are ignored. Strict where data would be lost: text after a closing quote, and a
 * quote that is never closed, are errors naming the line.
 */
export interface CsvRecord {
  fields: string[];
  /** Physical line (1-based) where the record starts; a record with line breaks in quotes spans several. */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly code: 'csv.unclosedQuote' | 'csv.afterQuote' | 'csv.cellTooLarge',
    readonly line: number,
    /** csv.cellTooLarge: the 1-based column of the cell that grew too large. */
    readonly column = 0,
  ) {
    super(`${code} at line ${line}`);
  }
}

/** A quoted field still open after this many characters is a missing closing quote, not data (bounds memory). */
export const MAX_RECORD_CHARS = 1 << 22;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export class CsvParser {
  private rest = '';
  private line = 1;
  /** Record separator: '\n' (with an optional '\r' before it), or '\r' for files that have no '\n' at all. */
  private newline: '\n' | '\r' | undefined;

  /** Parse a decoded chunk; returns the records it completes. Call `end()` after the last chunk. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    this.rest = this.parse(this.rest + chunk, out, false);
    return out;
  }

  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.rest.length) this.parse(this.rest, out, true);
    this.rest = '';
    return out;
  }

  /** Parse complete records of `s` into `out`; returns the unparsed tail. */
  private parse(s: string, out: CsvRecord[], final: boolean): string {
    const nl = (this.newline ??= detectNewline(s, final));
    if (nl === undefined) return s; // not a single line break yet: wait for more
    const len = s.length;
    let pos = 0;
    let nextQuote = s.indexOf('"');
    while (pos < len) {
      let end = s.indexOf(nl, pos);
      if (end < 0) {
        if (!final) break;
        end = len;
      }
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = s.indexOf('"', pos);
      if (nextQuote === -1 || nextQuote > end) {
        // Fast path: no quote in this line.
        let stop = end;
        if (nl === '\n' && stop > pos && s.charCodeAt(stop - 1) === CR) stop--;
        if (stop > pos) out.push({ fields: s.slice(pos, stop).split(','), line: this.line });
        this.line++;
        pos = end + 1;
        continue;
      }
      const r = this.quotedRecord(s, pos, final);
      if (r === undefined) break; // record continues in the next chunk
      out.push({ fields: r.fields, line: this.line });
      this.line += 1 + r.breaks;
      pos = r.next;
    }
    const tail = pos >= len ? '' : s.slice(pos);
    // Bounds memory. Said as what it is (a cell this large), naming the column: it is usually an unclosed quote, but
    // it may be a genuinely huge cell, and "never closed" would then send the officer looking for the wrong thing.
    if (tail.length > MAX_RECORD_CHARS) throw new CsvSyntaxError('csv.cellTooLarge', this.line, openColumn(tail));
    return tail;
  }

  /** Character loop for a record containing a quote. Undefined when the record is not complete in `s`. */
  private quotedRecord(
    s: string,
    start: number,
    final: boolean,
  ): { fields: string[]; next: number; breaks: number } | undefined {
    const nlCode = this.newline === '\r' ? CR : LF;
    const fields: string[] = [];
    let breaks = 0;
    let i = start;
    for (;;) {
      // At the start of a field.
      if (s.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = s.indexOf('"', from);
          if (q < 0) {
            if (final) throw new CsvSyntaxError('csv.unclosedQuote', this.line);
            return undefined;
          }
          if (s.charCodeAt(q + 1) === QUOTE) {
            value += s.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          if (q + 1 >= s.length && !final) return undefined; // cannot tell "" from " yet
          value += s.slice(from, q);
          breaks += countBreaks(s, i, q, nlCode);
          i = q + 1;
          break;
        }
        while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++; // blanks after the closing quote
        fields.push(value);
      } else {
        let j = i;
        for (; j < s.length; j++) {
          const c = s.charCodeAt(j);
          if (c === COMMA || c === nlCode) break;
        }
        if (j >= s.length && !final) return undefined;
        let stop = j;
        if (nlCode === LF && stop > i && s.charCodeAt(stop - 1) === CR && s.charCodeAt(j) !== COMMA) stop--; // CRLF
        fields.push(s.slice(i, stop));
        i = j;
      }
      // After a field: comma, record end, or end of input.
      if (i >= s.length) {
        if (!final) return undefined;
        return { fields, next: i, breaks };
      }
      const c = s.charCodeAt(i);
      if (c === COMMA) {
        i++;
        if (i >= s.length && !final) return undefined;
        if (i >= s.length) {
          fields.push('');
          return { fields, next: i, breaks };
        }
        continue;
      }
      if (c === CR && nlCode === LF && s.charCodeAt(i + 1) === LF) return { fields, next: i + 2, breaks };
      if (c === CR && nlCode === LF && i + 1 >= s.length && !final) return undefined;
      if (c === nlCode) return { fields, next: i + 1, breaks };
      throw new CsvSyntaxError('csv.afterQuote', this.line + breaks);
    }
  }
}

/** The 1-based column at the end of an incomplete record: commas outside quotes, plus one. */
function openColumn(record: string): number {
  let column = 1;
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const c = record.charCodeAt(i);
    if (c === QUOTE)
      quoted = !quoted; // "" inside quotes toggles twice
    else if (c === COMMA && !quoted) column++;
  }
  return column;
}

function countBreaks(s: string, from: number, to: number, nlCode: number): number {
  let n = 0;
  for (
    let i = s.indexOf(nlCode === LF ? '\n' : '\r', from);
    i >= 0 && i < to;
    i = s.indexOf(nlCode === LF ? '\n' : '\r', i + 1)
  )
    n++;
  return n;
}

/** LF (CRLF counts as LF), or CR when the text has CRs but no LF at all; undefined if it cannot be told yet. */
function detectNewline(s: string, final: boolean): '\n' | '\r' | undefined {
  if (s.includes('\n')) return '\n';
  if (s.includes('\r') && (final || s.length > 1 << 16)) return '\r';
  return final ? '\n' : undefined;
}

/**
 * Bytes read at a time. Small on purpose: a chunk's records die young in V8's nursery; with 1 MB chunks they
 * survive into the old generation and garbage collection took as long as the parsing (measured: 64 KB chunks
 * halve the CPU time of reading and checking a 1,000,000-row file).
 */
const CHUNK_BYTES = 64 << 10;

/** Read a CSV file as batches of records (one batch per decoded chunk), decoding with the given encoding. */
export async function* readCsv(
  path: string,
  encoding: Encoding,
  onBytes?: (n: number) => void,
  name = path,
): AsyncGenerator<CsvRecord[]> {
  const decoder = decoderFor(encoding);
  const parser = new CsvParser();
  /** The first record with text: the header, which names the column of an oversized cell. */
  let header: string[] | undefined;
  const seeHeader = (records: CsvRecord[]) => {
    header ??= records.find((r) => r.fields.some((f) => f.trim() !== ''))?.fields;
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      onBytes?.(chunk.length);
      const records = parser.push(decoder.decode(chunk, { stream: true }));
      if (records.length) {
        if (!header) seeHeader(records);
        yield records;
      }
    }
    const records = [...parser.push(decoder.decode()), ...parser.end()];
    if (records.length) yield records;
  } catch (e) {
    if (e instanceof CsvSyntaxError && e.code === 'csv.cellTooLarge')
      throw inputError(e.code, {
        file: name,
        line: e.line,
        column: e.column,
        field: header?.[e.column - 1]?.trim() ?? '',
        limit: MAX_RECORD_CHARS,
      });
    if (e instanceof CsvSyntaxError) throw inputError(e.code, { file: name, line: e.line });
    if (e instanceof TypeError && (e as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw inputError('encoding.undecodable', { file: name, encoding });
    }
    throw e;
  }
}
