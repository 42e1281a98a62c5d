import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.js';
import { ROOT as ROOT_CWD, ssj } from './cli.js';

/** The README's command reference: `ssj --help` and every subcommand's `--help`, exactly as printed. */
export async function helpReference(): Promise<string> {
  // In-process on src (test/helpers/cli.ts), so the reference is the help of the code as it is now.
  const capture = async (argv: string[]): Promise<string> => (await ssj(ROOT_CWD, [...argv, '--help'])).stdout;
  const program = buildProgram({
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
