import { Command, CommanderError, Option } from 'commander';
import { Exit, SsjError } from '../errors.js';
import { resolveLang, t } from '../i18n/index.js';
import { Context, globalsOf, type Io } from './context.js';
import { commands } from './commands/index.js';

export type Action = (ctx: Context, args: unknown[], opts: Record<string, unknown>) => Promise<number | void> | number | void;

/** Build the program. `io` is injected so tests can run it in-process with their own streams. */
export function buildProgram(io: Io, onContext: (ctx: Context) => void = () => {}): Command {
  const program = new Command('ssj')
    .description('shuangsuiji: verifiable 双随机、一公开 inspection draws / 可公开验证的“双随机、一公开”抽查')
    .version(VERSION, '-V, --version')
    .option('--db <file>', 'database file (default ./ssj.db, or $SSJ_DB)')
    .addOption(new Option('--lang <lang>', 'message language: zh or en (default $SSJ_LANG, then $LANG)'))
    .option('--json', 'print results as JSON')
    .option('--operator <name>', 'who is running this, for the audit log (default $SSJ_OPERATOR, then the OS user)')
    .option('--now <iso-time>', 'use this time instead of the clock (tests, reproducible records; or $SSJ_NOW)')
    .option('-y, --yes', 'answer yes to confirmations (needed when not on a terminal)')
    .option('--debug', 'show stack traces for internal errors')
    .showHelpAfterError()
    // A fixed width keeps --help identical everywhere, so the README can paste it (test/e2e/readme.test.ts).
    .configureHelp({ helpWidth: 100 })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  /** Wrap a command action: build the context from the global options, run, close the database. */
  const wrap =
    (fn: Action) =>
    async (...a: unknown[]): Promise<void> => {
      const cmd = a[a.length - 1] as Command;
      const opts = a[a.length - 2] as Record<string, unknown>;
      const args = a.slice(0, -2);
      const ctx = new Context(globalsOf(cmd), io);
      onContext(ctx);
      try {
        const code = await fn(ctx, args, opts);
        if (typeof code === 'number' && code !== 0) throw new ExitWith(code);
      } finally {
        ctx.close();
      }
    };

  for (const register of commands) register(program, wrap);
  for (const c of allCommands(program)) c.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  return program;
}

export type Wrap = (fn: Action) => (...a: unknown[]) => Promise<void>;
export type Register = (program: Command, wrap: Wrap) => void;

/** A command that finished normally but wants a non-zero exit (verification failed, for example). */
export class ExitWith extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export function allCommands(c: Command): Command[] {
  return [c, ...c.commands.flatMap(allCommands)];
}

export const VERSION = '0.1.0';

/** Run the CLI and return the exit code. This function and `main` are the only places that decide exits. */
export async function run(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  let ctx: Context | undefined;
  const program = buildProgram(io, (c) => (ctx = c));
  const lang = () => ctx?.lang ?? resolveLang(langFlag(argv), io.env);
  try {
    await program.parseAsync(argv);
    return Exit.ok;
  } catch (e) {
    if (e instanceof ExitWith) return e.code;
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return Exit.ok;
      return Exit.usage; // commander already printed its message and the help hint
    }
    if (e instanceof SsjError) {
      io.stderr.write(`${t(lang(), 'error.prefix')}: ${t(lang(), e.code, e.details)}\n`);
      if (debug && e.cause) io.stderr.write(`${(e.cause as Error).stack ?? String(e.cause)}\n`);
      return e.exitCode;
    }
    if (isPromptCancel(e)) {
      io.stderr.write(`${t(lang(), 'error.cancelled')}\n`);
      return Exit.cancelled;
    }
    if (isBusy(e)) {
      io.stderr.write(`${t(lang(), 'error.prefix')}: ${t(lang(), 'db.busy')}\n`);
      return Exit.refused;
    }
    io.stderr.write(`${t(lang(), 'error.internal', { message: (e as Error)?.message ?? String(e) })}\n`);
    if (debug) io.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    return Exit.internal;
  }
}

function langFlag(argv: string[]): string | undefined {
  const i = argv.indexOf('--lang');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--lang='))?.slice(7);
}

function isPromptCancel(e: unknown): boolean {
  const name = (e as Error)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

export async function main(argv: string[]): Promise<void> {
  const code = await run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stdinIsTTY: Boolean(process.stdin.isTTY),
  });
  process.exitCode = code;
}
