import { describe, expect, it } from 'vitest';
import { cellProblem, looksPlain, visible } from '../../src/domain/text-hygiene.js';

/** The per-cell rules of issue 13 part 6 (src/domain/text-hygiene.ts), one row per character class and kind. */
describe('cellProblem (issue 13 finding 8: hostile names and invisible characters in keys)', () => {
  const cases: [string, string, 'code' | 'name' | 'text', string | undefined][] = [
    ['a plain USCC', '91371322MA32C3K5E6', 'code', undefined],
    ['a Chinese name with full-width brackets', '青禾县齐润化工（集团）有限公司', 'name', undefined],
    ['an address with a line break (free text)', '青城路6号\n二楼', 'text', undefined],
    ['a zero-width space after a 执法证号', '371323010001\u200b', 'code', 'cell.invisible'],
    ['a zero-width joiner inside a name', '史\u200d明', 'name', 'cell.invisible'],
    ['a BOM (ZWNBSP) inside a code', 'AQ\ufeff-01', 'code', 'cell.invisible'],
    ['a soft hyphen in a name', '齐润\u00ad化工', 'name', 'cell.invisible'],
    ['a word joiner in a code', 'AQ\u2060-01', 'code', 'cell.invisible'],
    ['a tag character (supplementary plane) in a name', '齐润\u{e0041}化工', 'name', 'cell.invisible'],
    ['a right-to-left override in a name', '甲公司\u202egpj.exe', 'name', 'cell.bidi'],
    ['a left-to-right mark in a code', '\u200e371323010001', 'code', 'cell.bidi'],
    ['a first-strong isolate in free text', '地址\u2068x', 'text', 'cell.bidi'],
    ['ESC (a terminal escape sequence) in a name', 'a\u001b[31mred', 'name', 'cell.control'],
    ['a line break in a name', '史\n明', 'name', 'cell.control'],
    ['a tab in a code', '3713\t23', 'code', 'cell.control'],
    ['a C1 control (U+0085) in free text', '地址\u0085x', 'text', 'cell.control'],
    ['DEL in free text', '地址\u007f', 'text', 'cell.control'],
    ['=cmd as a name', "=cmd|' /C calc'!A0", 'name', 'cell.formulaStart'],
    ['=HYPERLINK as a name', '=HYPERLINK("http://x","y")', 'name', 'cell.formulaStart'],
    ['@cmd as a name', '@cmd', 'name', 'cell.formulaStart'],
    ['+ at the start of a code', '+123', 'code', 'cell.formulaStart'],
    ['- at the start of free text', '-2+3', 'text', 'cell.formulaStart'],
    ['a 201-character name', '名'.repeat(201), 'name', 'cell.tooLong'],
    ['a 200-character name', '名'.repeat(200), 'name', undefined],
    ['a 1 MB 执法证号', '1'.repeat(1 << 20), 'code', 'cell.tooLong'],
    ['a 65-character code', 'A'.repeat(65), 'code', 'cell.tooLong'],
    ['2000 characters of free text', '字'.repeat(2000), 'text', undefined],
    ['2001 characters of free text', '字'.repeat(2001), 'text', 'cell.tooLong'],
  ];
  for (const [what, value, kind, code] of cases)
    it(`${what}: ${code ?? 'accepted'}`, () => {
      expect(cellProblem(value, kind)?.code).toBe(code);
      // looksPlain is the readers' cheap pre-test: it may send a good cell to cellProblem, never let a bad one pass.
      if (code !== undefined && code !== 'cell.tooLong') expect(looksPlain(value)).toBe(false);
    });

  it('names the character, its position, and shows the value with the invisible character made visible', () => {
    expect(cellProblem('371323010001\u200b', 'code')).toEqual({
      code: 'cell.invisible',
      params: { char: 'U+200B', at: 13, shown: '371323010001⟨U+200B⟩', kind: 'code' },
    });
    // Positions count characters, not UTF-16 units.
    expect(cellProblem('𠀀𠀀\u202e', 'name')?.params.at).toBe(3);
  });

  it('--allow-formula-start accepts a leading = + - @, and only that', () => {
    expect(cellProblem('=cmd', 'name', { allowFormulaStart: true })).toBeUndefined();
    expect(cellProblem('=cmd\u202e', 'name', { allowFormulaStart: true })?.code).toBe('cell.bidi');
  });

  it('counts the length in characters: 200 supplementary-plane characters are 400 UTF-16 units and still fine', () => {
    expect(cellProblem('𠀀'.repeat(200), 'name')).toBeUndefined();
    expect(cellProblem('𠀀'.repeat(201), 'name')?.params).toMatchObject({ length: 201, limit: 200 });
  });

  it('visible() never lets an escape sequence through, and cuts a long value', () => {
    expect(visible('a\u001b[2Jb')).toBe('a⟨U+001B⟩[2Jb');
    expect(visible('x'.repeat(1000)).length).toBeLessThan(70);
  });
});
