import type { Command } from 'commander';

/** The README's command reference: `ssj --help` and every subcommand's `--help`, exactly as printed. */
export async function helpReference(): Promise<string> {
  const main = (await import('../../dist/cli/main.js' as string)) as typeof import('../../src/cli/main.js');
  const capture = async (argv: string[]): Promise<string> => {
    let out = '';
    const sink = { write: (s: string) => ((out += s), true), isTTY: false } as unknown as NodeJS.WritableStream;
    await main.run(['node', 'ssj', ...argv, '--help'], {
      stdout: sink,
      stderr: sink,
      env: { NO_COLOR: '1' },
      cwd: process.cwd(),
      stdinIsTTY: false,
    });
    return out;
  };
  const program = main.buildProgram({
    stdout: process.stdout,
    stderr: process.stderr,
    env: {},
    cwd: process.cwd(),
    stdinIsTTY: false,
  });
  const paths: string[][] = [];
  const walk = (c: Command, path: string[]) => {
    paths.push(path);
    for (const sub of c.commands) if (sub.name() !== 'help') walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  const parts: string[] = [];
  for (const p of paths)
    parts.push(
      `### \`ssj${p.length ? ` ${p.join(' ')}` : ''}\`\n\n\`\`\`text\n${(await capture(p)).trimEnd()}\n\`\`\`\n`,
    );
  return parts.join('\n');
}

export const HELP_START = '<!-- help:start (generated from --help; test/e2e/readme.test.ts keeps it equal) -->';
export const HELP_END = '<!-- help:end -->';
