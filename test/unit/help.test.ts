import { describe, expect, it } from 'vitest';
import { allCommands, buildProgram, commandPath } from '../../src/cli/main.js';
import { helpZh } from '../../src/i18n/help-zh.js';

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
