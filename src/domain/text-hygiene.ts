import type { Problem } from './problem.js';

/**
 * What a cell of an office's file may contain (issue 13 part 6). One pure function per cell, so every reader (the
 * CSV and .xlsx roster readers, a faster reader, the results and holidays files, plan files) calls the same rules.
 *
 * - Keys and codes (统一社会信用代码, 执法证号, 事项编码, 身份证号) are compared exactly: an invisible character
 *   (U+200B after a 执法证号) makes a second, look-alike person who passes every duplicate check. So zero-width,
 *   bidi and control characters are refused, never silently removed (the officer should know the file is odd).
 * - Names and other text are printed to terminals, pages and spreadsheets: control characters (ESC starts a
 *   terminal escape sequence) and bidi overrides (U+202E shows "gpj.exe" as "exe.jpg") are refused, and so are
 *   zero-width characters (two names that look the same must be the same name).
 * - A leading = + - @ makes a spreadsheet run the cell as a formula (OWASP "CSV injection"). Our own CSV exports
 *   neutralise it, but a published verification bundle must keep its bytes: so such a name is refused unless the
 *   officer confirms it (`allowFormulaStart`, the import's --allow-formula-start).
 * - Lengths are bounded: no real name is 200 characters long, and a 1 MB 执法证号 is a mistake or an attack.
 */
export type CellKind = 'code' | 'name' | 'text';

/** Characters (code points), per kind. */
export const CELL_LIMITS: Record<CellKind, number> = { code: 64, name: 200, text: 2000 };

/** Bidi formatting characters: embeddings, overrides, isolates and the marks (Unicode UAX #9). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/**
 * Characters that render as nothing: zero-width space/joiners, word joiner and invisible operators, the BOM as
 * ZWNBSP, soft hyphen, Mongolian vowel separator, combining grapheme joiner, Hangul fillers, variation selectors,
 * tag characters.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each listed code point is looked for on its own
  /[\u00ad\u034f\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u3164\ufe00-\ufe0f\ufeff\uffa0]|[\u{e0000}-\u{e007f}]|[\u{e0100}-\u{e01ef}]/u;
/** C0 and C1 control characters and DEL. Line breaks and tabs are allowed only in free text (addresses, notes). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const CONTROL_EXCEPT_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/**
 * Anything the checks below look at, as one regex without the u flag (faster; the tag and variation-selector
 * supplement characters are matched by their surrogate pairs): the usual cell costs one test of this.
 */
const SUSPECT =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each listed code point is looked for on its own
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\u3164\ufe00-\ufe0f\ufeff\uffa0]|\udb40[\udc00-\uddef]/;

/** = + - @ (61, 43, 45, 64): what a spreadsheet reads as the start of a formula. */
const formulaStart = (value: string): boolean => {
  const c = value.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64;
};

export interface HygieneOptions {
  /** The officer confirmed that cells starting with = + - @ are meant (--allow-formula-start). */
  allowFormulaStart?: boolean;
}

/**
 * The problem with one (trimmed) cell, or undefined. Codes: cell.control, cell.bidi, cell.invisible, cell.tooLong,
 * cell.formulaStart (messages in src/i18n/messages/hygiene.ts); params: `char` (as U+XXXX), `at` (1-based
 * character position), `shown` (the value with invisible characters made visible), `limit`, `length`.
 */
export function cellProblem(value: string, kind: CellKind, opts: HygieneOptions = {}): Problem | undefined {
  const limit = CELL_LIMITS[kind];
  // value.length counts UTF-16 units (≥ code points): only count code points when it could matter.
  if (value.length > limit) {
    const length = codePoints(value);
    if (length > limit) return { code: 'cell.tooLong', params: { limit, length, shown: visible(value), kind } };
  }
  if (SUSPECT.test(value)) {
    const control = kind === 'text' ? CONTROL_EXCEPT_BREAKS : CONTROL;
    for (const [code, re] of [
      ['cell.control', control],
      ['cell.bidi', BIDI],
      ['cell.invisible', INVISIBLE],
    ] as const) {
      const m = re.exec(value);
      if (m)
        return {
          code,
          params: { char: unicodeName(m[0]), at: codePoints(value.slice(0, m.index)) + 1, shown: visible(value), kind },
        };
    }
  }
  if (!opts.allowFormulaStart && formulaStart(value))
    return { code: 'cell.formulaStart', params: { char: value[0], shown: visible(value), kind } };
  return undefined;
}

/** True when the value has nothing cellProblem would look at twice (for readers that want a cheap pre-test). */
export const looksPlain = (value: string): boolean => !SUSPECT.test(value) && !formulaStart(value);

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** "U+200B" */
export const unicodeName = (ch: string): string =>
  `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The value as it can safely be printed: every control, bidi and invisible character replaced by ⟨U+XXXX⟩, so a
 * terminal shows what is really there and an escape sequence never runs. Long values are cut (a message is not
 * the place for a megabyte).
 */
export function visible(value: string): string {
  const cut = preview(value);
  return cut.replace(
    // biome-ignore lint/suspicious/noMisleadingCharacterClass: each listed code point is looked for on its own
    /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\u3164\ufe00-\ufe0f\ufeff\uffa0]|[\u{e0000}-\u{e01ef}]/gu,
    (ch) => `⟨${unicodeName(ch)}⟩`,
  );
}

const PREVIEW = 60;

function preview(value: string): string {
  const chars = Array.from(value.slice(0, PREVIEW * 2 + 2));
  return chars.length > PREVIEW ? `${chars.slice(0, PREVIEW).join('')}…` : value;
}

/**
 * Every string in a JSON value (a plan file) checked as a cell: `kindOf` gives the rules by JSON path ("title",
 * "strata[0].name"). Formula starts are allowed: a plan's strings reach spreadsheets only through our own CSV
 * writers, which neutralise them. Returns one problem per bad string, with its path.
 */
export function jsonStringProblems(
  value: unknown,
  kindOf: (path: string) => CellKind,
  path = '',
): { path: string; code: string; params: Record<string, unknown> }[] {
  if (typeof value === 'string') {
    const p = value === '' ? undefined : cellProblem(value.trim(), kindOf(path), { allowFormulaStart: true });
    return p ? [{ path, ...p }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => jsonStringProblems(v, kindOf, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [
      ...(k.length > 0 ? jsonStringProblems(k, () => 'name', path ? `${path}.${k}` : k) : []),
      ...jsonStringProblems(v, kindOf, path ? `${path}.${k}` : k),
    ]);
  return [];
}
