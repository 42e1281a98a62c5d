/**
 * The rows of a CSV text as arrays of fields: RFC 4180 quoting, LF, CRLF or CR line ends, a leading BOM skipped.
 * Exactly the reading parseCsv has always had (test/unit/csv-rows.test.ts compares it with that character loop on
 * random texts), including its tolerance of malformed input: a quote opens a quoted part only at the start of a
 * field; after the closing quote any further characters belong to the same field; a quote inside an unquoted field
 * is a literal. Fast because it copies runs of plain characters with one slice instead of one character at a time:
 * the pool file of a million enterprises is 70 MB, read by every export and every verification.
 */
export function csvRows(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = s.length;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (c === 34 /* " */ && field === '') {
      // Quoted part: up to the closing quote; "" inside is one quote.
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          field += s.slice(i);
          i = n;
          break;
        }
        field += s.slice(i, q);
        if (s.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      continue;
    }
    // A run of plain characters (a quote here is a literal: the field is not empty, or it is not at the start).
    const start = i;
    if (c === 34) i++;
    while (i < n) {
      c = s.charCodeAt(i);
      if (c === 44 /* , */ || c === 10 || c === 13) break;
      i++;
    }
    if (i > start) {
      field += s.slice(start, i);
      continue;
    }
    // At a separator.
    if (c === 44) {
      row.push(field);
      field = '';
      i++;
    } else {
      if (c === 13 && s.charCodeAt(i + 1) === 10) i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
