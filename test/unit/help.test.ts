import { describe, expect, it } from 'vitest';
import { allCommands, buildProgram, commandPath } from '../../src/cli/main.js';
import type { EventEmitter } from 'node:events';
import { settingKeys } from '../../src/db/settings.js';
import { helpZh } from '../../src/i18n/help-zh.js';
import { helpNotesZh } from '../../src/i18n/help-zh-notes.js';
import { helpOptionsZh } from '../../src/i18n/help-zh-options.js';

const io = { stdout: process.stdout, stderr: process.stderr, env: {}, cwd: process.cwd(), stdinIsTTY: false };

describe('help in both languages', () => {
  const paths = allCommands(buildProgram(io))
    .map(commandPath)
    .filter((p) => !p.endsWith(' help'));

  it('every command has a Chinese description, and no description is left for a command that is gone', () => {
    expect(paths.filter((p) => !(p in helpZh))).toEqual([]);
    expect(Object.keys(helpZh).filter((p) => !paths.includes(p))).toEqual([]);
  });

  it('zh help shows the Chinese descriptions, en the English ones', () => {
    const zh = allCommands(buildProgram(io, () => {}, 'zh')).find((c) => commandPath(c) === 'ssj draw')!;
    const en = allCommands(buildProgram(io, () => {}, 'en')).find((c) => commandPath(c) === 'ssj draw')!;
    expect(zh.description()).toBe(helpZh['ssj draw']);
    expect(en.description()).toMatch(/^draw enterprises/);
  });
});

describe('zh help is Chinese in full (issue 16 part 5)', () => {
  const CJK = /[\u4e00-\u9fff]/;
  const zhProgram = buildProgram(io, () => {}, 'zh');
  const enProgram = buildProgram(io, () => {}, 'en');
  const zhCommands = allCommands(zhProgram).filter((c) => !commandPath(c).endsWith(' help'));
  const enCommands = new Map(allCommands(enProgram).map((c) => [commandPath(c), c]));
  /** Everything commander prints for a command, as the officer sees it. */
  const helpOf = (program: ReturnType<typeof buildProgram>, path: string): string => {
    let text = '';
    const c = allCommands(program).find((x) => commandPath(x) === path)!;
    c.configureOutput({ writeOut: (s) => (text += s) });
    c.outputHelp();
    return text;
  };

  it('every option and argument of every command is described in Chinese', () => {
    const english: string[] = [];
    for (const c of zhCommands) {
      const path = commandPath(c);
      for (const o of c.options) if (!CJK.test(o.description)) english.push(`${path} ${o.long ?? o.short}`);
      const en = enCommands.get(path)!;
      en.registeredArguments.forEach((a, i) => {
        if (a.description !== '' && !CJK.test(c.registeredArguments[i]!.description))
          english.push(`${path} <${a.name()}>`);
      });
    }
    // A new option needs its Chinese line in src/i18n/help-zh-options.ts.
    expect(english).toEqual([]);
  });

  it('no Chinese option text is left for an option or argument that is gone', () => {
    const known = new Set<string>(['ssj --help']);
    for (const c of enCommands.values()) {
      const path = commandPath(c);
      for (const o of c.options) known.add(`${path} ${o.long ?? o.short}`);
      for (const a of c.registeredArguments) known.add(`${path} <${a.name()}>`);
    }
    expect(Object.keys(helpOptionsZh).filter((k) => !known.has(k))).toEqual([]);
  });

  it('every command with English notes or examples has Chinese ones, and none is left for a command that is gone', () => {
    const withNotes = [...enCommands.entries()]
      .filter(([, c]) => (c as unknown as EventEmitter).listenerCount('afterHelp') > 0)
      .map(([p]) => p);
    expect(withNotes.filter((p) => !(p in helpNotesZh))).toEqual([]);
    expect(Object.keys(helpNotesZh).filter((p) => !enCommands.has(p))).toEqual([]);
  });

  it('the zh help screen has no English words of commander and no English notes', () => {
    for (const c of zhCommands) {
      const text = helpOf(zhProgram, commandPath(c));
      expect(text, commandPath(c)).not.toMatch(/Usage:|Options:|Commands:|Arguments:|display help|output the version/);
      expect(text, commandPath(c)).not.toMatch(/\nExamples?:|\(default: /);
    }
    const draw = helpOf(zhProgram, 'ssj draw');
    expect(draw).toContain('用法：');
    expect(draw).toContain('示例：');
    expect(draw).toContain('--seed-rfc3797 <numbers>  按 RFC 3797');
  });

  it('the English help is unchanged by the translation (the README pastes it)', () => {
    const draw = helpOf(enProgram, 'ssj draw');
    expect(draw).toMatch(/^Usage: ssj draw \[options\]/);
    expect(draw).toContain('Examples:');
    expect(draw).not.toContain('计划编号');
  });

  it('the zh config notes name every setting', () => {
    for (const k of settingKeys) expect(helpNotesZh['ssj config']).toContain(k.key);
  });
});
