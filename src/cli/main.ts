import type { EventEmitter } from 'node:events';
import { Command, CommanderError, Help, Option } from 'commander';
import { toUserError } from '../app/errors.js';
import { Exit, SsjError } from '../errors.js';
import { resolveLang, t, type Lang } from '../i18n/index.js';
import { helpZh } from '../i18n/help-zh.js';
import { helpOptionsZh, helpTitlesZh } from '../i18n/help-zh-options.js';
import { helpNotesZh } from '../i18n/help-zh-notes.js';
import { Context, globalsOf, type Io } from './context.js';
import { humanParams } from './output.js';
import { commands } from './commands/index.js';
import type { Action, Wrap } from './register.js';
import { fileRoles } from './file-roles.js';
import { scrubPersonal } from '../domain/personal.js';
import { sqliteFault } from '../db/faults.js';

/** Build the program. `io` is injected so tests can run it in-process with their own streams. */
export function buildProgram(io: Io, onContext: (ctx: Context) => void = () => {}, lang: Lang = 'en'): Command {
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
    // A fixed width keeps --help identical everywhere, so the README can paste it (test/e2e/readme.test.ts).
    .configureHelp(lang === 'zh' ? { helpWidth: 100, ...helpInChinese } : { helpWidth: 100 })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Usage errors are printed by run(), translated, with a pointer to --help instead of the whole help.
      outputError: () => {},
    });

  /** Wrap a command action: build the context from the global options, run, close the database. */
  const wrap: Wrap =
    (fn: Action) =>
    async (...a: unknown[]): Promise<void> => {
      const cmd = a[a.length - 1] as Command;
      const opts = a[a.length - 2] as Record<string, unknown>;
      const args = a.slice(0, -2);
      const ctx = new Context(globalsOf(cmd), io);
      onContext(ctx);
      try {
        // Before anything is opened or written: no output may land on the database or an input (output-guard.ts).
        const files = fileRoles(cmd, args, opts);
        ctx.addInputs(files.inputs);
        ctx.guardOutputs(files.outputs);
        ctx.out.showPersonal = opts.showPersonal === true;
        const code = await fn(ctx, args, opts);
        if (typeof code === 'number' && code !== 0) throw new ExitWith(code);
      } finally {
        ctx.close();
      }
    };

  for (const register of commands) register(program, wrap, run);
  if (lang === 'zh') for (const c of allCommands(program)) translateHelp(c);
  for (const c of allCommands(program))
    c.exitOverride((err) => {
      (err as CommanderError & { commandPath?: string }).commandPath = commandPath(c);
      throw err;
    }).configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => {},
    });
  return program;
}

/** Commander's own words in Chinese: the section titles and an option's default. */
const helpInChinese: Partial<Help> = {
  styleTitle: (title) => helpTitlesZh[title] ?? title,
  optionDescription(option) {
    if (option.defaultValue === undefined) return Help.prototype.optionDescription.call(this, option);
    return `${option.description}（默认：${JSON.stringify(option.defaultValue)}）`;
  },
};

/**
 * Help in Chinese, in full: the description, every option and argument, commander's own words and the notes and
 * examples after the options. test/unit/help-zh.test.ts fails when any of them would stay English.
 */
function translateHelp(c: Command): void {
  const path = commandPath(c);
  c.description(helpZh[path] ?? c.description());
  for (const o of c.options) o.description = helpOptionsZh[`${path} ${o.long ?? o.short}`] ?? o.description;
  for (const a of c.registeredArguments) a.description = helpOptionsZh[`${path} <${a.name()}>`] ?? a.description;
  c.helpOption('-h, --help', helpOptionsZh['ssj --help']);
  if (c.commands.length > 0) c.helpCommand('help [command]', '显示某个命令的帮助');
  const notes = helpNotesZh[path];
  if (notes !== undefined) {
    // addHelpText('after') is an 'afterHelp' listener: the English one is replaced, not added to.
    (c as unknown as EventEmitter).removeAllListeners('afterHelp');
    c.addHelpText('after', notes);
  }
}

/** A command that finished normally but wants a non-zero exit (verification failed, for example). */
export class ExitWith extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export function commandPath(c: Command): string {
  const names: string[] = [];
  for (let x: Command | null = c; x; x = x.parent) names.unshift(x.name());
  return names.join(' ');
}

export function allCommands(c: Command): Command[] {
  return [c, ...c.commands.flatMap(allCommands)];
}

export const VERSION = '0.1.0';

/** Run the CLI and return the exit code. This function and `main` are the only places that decide exits. */
export async function run(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  let ctx: Context | undefined;
  const program = buildProgram(io, (c) => (ctx = c), resolveLang(langFlag(argv), io.env));
  const lang = () => ctx?.lang ?? resolveLang(langFlag(argv), io.env);
  const json = argv.includes('--json');
  /** Errors go to stderr in the user's language; with --json, stdout also gets them as JSON for scripts. */
  const report = (code: string, details: Record<string, unknown>, exitCode: number) => {
    const message = t(lang(), code, humanParams(lang(), details));
    io.stderr.write(`${t(lang(), 'error.prefix')}: ${message}\n`);
    // The JSON error carries the rows of a failed import: ID numbers and phones masked unless --show-personal.
    const shown = argv.includes('--show-personal') ? details : scrubPersonal(details);
    if (json) io.stdout.write(`${JSON.stringify({ error: { code, exitCode, message, details: shown } }, null, 2)}\n`);
  };
  try {
    await program.parseAsync(argv);
    return Exit.ok;
  } catch (thrown) {
    // Core and domain report their own error types; here they become user errors with the same code.
    // A full disk, read-only media or a damaged database: said as what it is, not as an internal error (db/faults.ts).
    const e = sqliteFault(thrown, ctx?.dbPath ?? '') ?? toUserError(thrown);
    if (e instanceof ExitWith) return e.code;
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return Exit.ok;
      const err = usageFromCommander(e);
      report(err.code, err.details, Exit.usage);
      return Exit.usage;
    }
    if (e instanceof SsjError) {
      report(e.code, e.details, e.exitCode);
      if (debug && e.cause) io.stderr.write(`${(e.cause as Error).stack ?? String(e.cause)}\n`);
      return e.exitCode;
    }
    if (isPromptCancel(e)) {
      io.stderr.write(`${t(lang(), 'error.cancelled')}\n`);
      if (json)
        io.stdout.write(
          `${JSON.stringify({ error: { code: 'error.cancelled', exitCode: Exit.cancelled, message: t(lang(), 'error.cancelled') } }, null, 2)}\n`,
        );
      return Exit.cancelled;
    }
    if ((e as { code?: string })?.code === 'SQLITE_BUSY_SNAPSHOT') {
      // A read snapshot that tried to write after another process committed: a lost race, not a fault.
      report('db.raced', {}, Exit.refused);
      return Exit.refused;
    }
    if (isBusy(e)) {
      report('db.busy', {}, Exit.refused);
      return Exit.refused;
    }
    const message = (e as Error)?.message ?? String(e);
    io.stderr.write(`${t(lang(), 'error.internal', { message })}\n`);
    if (json)
      io.stdout.write(
        `${JSON.stringify({ error: { code: 'error.internal', exitCode: Exit.internal, message } }, null, 2)}\n`,
      );
    if (debug) io.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    return Exit.internal;
  }
}

/** Commander's English usage errors as our own codes, with the name it complained about and where to get help. */
function usageFromCommander(e: CommanderError & { commandPath?: string }): {
  code: string;
  details: Record<string, unknown>;
} {
  const codes: Record<string, string> = {
    'commander.missingArgument': 'usage.missingArgument',
    'commander.optionMissingArgument': 'usage.optionMissingArgument',
    'commander.missingMandatoryOptionValue': 'usage.missingOption',
    'commander.unknownOption': 'usage.unknownOption',
    'commander.unknownCommand': 'usage.unknownCommand',
    'commander.excessArguments': 'usage.excessArguments',
    'commander.invalidArgument': 'usage.invalidArgument',
  };
  return {
    code: codes[e.code] ?? 'usage.other',
    details: {
      name: /'([^']+)'/.exec(e.message)?.[1] ?? '',
      command: e.commandPath ?? 'ssj',
      message: e.message.replace(/^error: /, ''),
    },
  };
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
  // `ssj … | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  const code = await run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stdinIsTTY: Boolean(process.stdin.isTTY),
  });
  process.exitCode = code;
}
