import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, MAX_RECORD_CHARS, type CsvRecord } from '../../src/io/csv-read.js';

/** Parse text fed in the given chunk sizes (cycling), as a file stream would. */
function parseChunks(text: string, sizes: number[] = [text.length || 1]): CsvRecord[] {
  const p = new CsvParser();
  const out: CsvRecord[] = [];
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const n = sizes[k % sizes.length]!;
    out.push(...p.push(text.slice(at, at + n)));
    at += n;
  }
  return [...out, ...p.end()];
}

const fields = (text: string) => parseChunks(text).map((r) => r.fields);
const lines = (text: string) => parseChunks(text).map((r) => r.line);

describe('CSV reader', () => {
  it.each([
    [
      'plain rows',
      'a,b\nc,d\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'no newline at the end',
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'CRLF',
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'CR only (old Mac Excel)',
      'a,b\rc,d\r',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['quoted commas', 'a,"b,c"\n', [['a', 'b,c']]],
    ['doubled quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    [
      'a line break inside quotes',
      '"line1\nline2",x\ny,z\n',
      [
        ['line1\nline2', 'x'],
        ['y', 'z'],
      ],
    ],
    ['CRLF inside quotes', '"l1\r\nl2",x\r\n', [['l1\r\nl2', 'x']]],
    ['empty quoted and unquoted fields', '"",,""\n', [['', '', '']]],
    ['a trailing empty field', 'a,\n', [['a', '']]],
    ['a quote inside an unquoted field is text', '某某"公司",x\n', [['某某"公司"', 'x']]],
    ['blanks after a closing quote', '"a" ,b\n', [['a', 'b']]],
    ['blank lines are skipped', 'a\n\n\r\nb\n', [['a'], ['b']]],
    [
      'full-width text untouched',
      '青禾县齐润化工（分厂）有限公司,ＡＢＣ\n',
      [['青禾县齐润化工（分厂）有限公司', 'ＡＢＣ']],
    ],
  ])('%s', (_, text, expected) => {
    expect(fields(text)).toEqual(expected);
  });

  it('numbers each record by the physical line it starts on, counting line breaks inside quotes', () => {
    expect(lines('h1,h2\n"a\nb\nc",1\n\nx,2\r\n"y",3\n')).toEqual([1, 2, 6, 7]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'h,"x"\r\n"a,1","b\r\nc"\r\n"""q""",z\r\n\r\nlast,"",\r\n';
    const whole = parseChunks(text);
    for (const size of [1, 2, 3, 5, 7]) expect(parseChunks(text, [size])).toEqual(whole);
    for (let cut = 1; cut < text.length; cut++) expect(parseChunks(text, [cut, text.length])).toEqual(whole);
  });

  it('refuses a quote that is never closed, and text after a closing quote, naming the line', () => {
    const thrown = (text: string) => {
      try {
        parseChunks(text);
      } catch (e) {
        return e instanceof CsvSyntaxError ? [e.code, e.line] : e;
      }
      return undefined;
    };
    expect(thrown('a,b\nc,"d\ne,f\n')).toEqual(['csv.unclosedQuote', 2]);
    expect(thrown('a\n"b"c,d\n')).toEqual(['csv.afterQuote', 2]);
    expect(thrown('a\n"x\ny"z\n')).toEqual(['csv.afterQuote', 3]);
  });

  it('gives up on an unclosed quote after MAX_RECORD_CHARS instead of holding the rest of the file', () => {
    const p = new CsvParser();
    p.push('h\n"');
    const chunk = 'x'.repeat(1 << 16);
    expect(() => {
      for (let i = 0; i <= MAX_RECORD_CHARS / chunk.length + 1; i++) p.push(chunk);
    }).toThrow(CsvSyntaxError);
  });

  it('agrees with csv-parse on random well-formed CSV', () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const pieces = ['a', 'b', '青', '（', ' ', ',', '"', '\n', '\r\n', 'x y'];
    const cell = () => {
      const s = Array.from({ length: rand(5) }, () => pieces[rand(pieces.length)]).join('');
      const quote = /[",\r\n]/.test(s) || rand(4) === 0;
      return quote ? `"${s.replace(/"/g, '""')}"` : s;
    };
    for (let round = 0; round < 300; round++) {
      const width = 1 + rand(4);
      const rows = Array.from({ length: 1 + rand(6) }, () => Array.from({ length: width }, cell).join(','));
      const eol = rand(2) ? '\r\n' : '\n';
      const text = rows.join(eol) + (rand(2) ? eol : '');
      const expected = (parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][]).filter(
        (r) => !(r.length === 1 && r[0] === ''),
      );
      const ours = parseChunks(text, [1 + rand(9)])
        .map((r) => r.fields)
        .filter((r) => !(r.length === 1 && r[0] === ''));
      expect(ours, JSON.stringify(text)).toEqual(expected);
    }
  });
});
