import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { bindAfterUpgrade } from '../audit/bind.js';
import { openDb, type Db, type OpenOptions } from '../db/open.js';
import { SsjError, usageError } from '../errors.js';
import { resolveLang, type Lang } from '../i18n/index.js';
import { databaseFiles, guardOutputs, type OutputTarget } from '../io/output-guard.js';
import { Output, type Streams } from './output.js';

export interface GlobalOptions {
  db?: string;
  lang?: string;
  json?: boolean;
  operator?: string;
  debug?: boolean;
  now?: string;
  yes?: boolean;
}

export interface Io extends Streams {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdinIsTTY: boolean;
  /**
   * The random source for a freeze's secret part; absent = crypto.randomBytes (src/app/freeze.ts). Only an in-process
   * caller can set it (tests, for repeatable golden files): no option or environment variable reaches it.
   */
  randomBytes?: (n: number) => Buffer;
}

/** Everything a command needs from the outside world, passed in (never module globals). */
export class Context {
  readonly lang: Lang;
  readonly json: boolean;
  readonly debug: boolean;
  readonly yes: boolean;
  readonly operator: string;
  readonly dbPath: string;
  readonly out: Output;
  private handle: Db | undefined;
  /** The time given with --now / SSJ_NOW, if any. */
  readonly nowFixed: string | undefined;

  constructor(
    opts: GlobalOptions,
    readonly io: Io,
  ) {
    if (opts.lang !== undefined && opts.lang !== 'zh' && opts.lang !== 'en') {
      // Report in the environment's language, since the flag itself is unusable.
      this.lang = resolveLang(undefined, io.env);
      this.out = new Output(io, this.lang, false, io.env);
      throw usageError('error.badLang', { value: opts.lang });
    }
    this.lang = resolveLang(opts.lang, io.env);
    this.json = opts.json ?? false;
    this.debug = opts.debug ?? false;
    this.yes = opts.yes ?? false;
    this.operator = opts.operator ?? io.env.SSJ_OPERATOR ?? safeUserName();
    this.dbPath = resolve(io.cwd, opts.db ?? io.env.SSJ_DB ?? 'ssj.db');
    this.out = new Output(io, this.lang, this.json, io.env);
    const now = opts.now ?? io.env.SSJ_NOW;
    if (now !== undefined) {
      const d = new Date(now);
      if (Number.isNaN(d.getTime())) throw usageError('error.badNow', { value: now });
      this.nowFixed = d.toISOString();
    }
  }

  /** The current time as ISO 8601 UTC. `--now` / SSJ_NOW fix it for tests and reproducible records. */
  now(): string {
    return this.nowFixed ?? new Date().toISOString();
  }

  /** Open the database once per command. Read-only commands pass mustExist so a typo in --db is not silently a new file. */
  db(opts: OpenOptions = {}): Db {
    this.handle ??= openDb(this.dbPath, {
      busyTimeoutMs: busyTimeout(this.io.env),
      afterMigrate: bindAfterUpgrade,
      ...opts,
    });
    return this.handle;
  }

  /** Input files of this command (absolute), declared before it runs: no output may land on one. */
  private readonly inputFiles: string[] = [];

  /** Declare files this command reads (main.ts does it for every input option and argument). */
  addInputs(paths: string[]): void {
    for (const p of paths) this.inputFiles.push(this.path(p));
  }

  /**
   * Refuse (exit 2) any output that is the database, its -wal/-shm/-journal, or an input, by identity (symlinks and
   * hard links resolved). main.ts calls it for every output option before the action runs; call it yourself for an
   * output path the command works out later (a default name, for example). Paths are resolved like ctx.path.
   */
  guardOutputs(outputs: OutputTarget[]): void {
    guardOutputs(
      outputs.map((o) => ({ ...o, path: this.path(o.path) })),
      [...databaseFiles(this.dbPath), ...this.inputFiles.map((path) => ({ path, role: 'input' as const }))],
    );
  }

  /** Resolve a path the user typed, relative to the working directory. */
  path(p: string): string {
    return resolve(this.io.cwd, p);
  }

  get interactive(): boolean {
    return this.io.stdinIsTTY && Boolean(this.io.stdout.isTTY);
  }

  /** Fail early, before any work, when a confirmation will be needed and cannot be asked. */
  requireConfirmable(): void {
    if (!this.yes && !this.interactive) throw new SsjError('usage', 'error.notTerminal');
  }

  /** Ask for confirmation on a terminal; scripts must pass --yes. Declining is a cancellation (exit 130). */
  async confirm(message: string): Promise<boolean> {
    if (this.yes) return true;
    this.requireConfirmable();
    const { confirm } = await import('@inquirer/prompts');
    return confirm({ message, default: false });
  }

  close(): void {
    if (this.handle?.open) this.handle.close();
    this.handle = undefined;
  }
}

/**
 * $SSJ_BUSY_TIMEOUT_MS shortens (or lengthens) the wait for another process's write lock; the concurrency tests set
 * it so a refusal does not take the default 15 s. Read from io.env like every other setting, never process.env.
 */
function busyTimeout(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.SSJ_BUSY_TIMEOUT_MS;
  if (raw === undefined || raw === '') return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0) throw usageError('error.badBusyTimeout', { value: raw });
  return ms;
}

function safeUserName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The global options as seen from inside a subcommand's action. */
export function globalsOf(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}
