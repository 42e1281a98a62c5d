import type { Command } from 'commander';
import type { Context, Io } from './context.js';

/**
 * What a command file exports and receives, in a module of its own so command files never import cli/main.ts
 * (which imports them).
 */
export type Action = (
  ctx: Context,
  args: unknown[],
  opts: Record<string, unknown>,
  // biome-ignore lint/suspicious/noConfusingVoidType: an action may return nothing (exit 0) or an exit code
) => Promise<number | undefined | void> | number | undefined | void;

/** Wrap a command action: build the context from the global options, run, close the database. */
export type Wrap = (fn: Action) => (...a: unknown[]) => Promise<void>;

/** The whole CLI run in-process (`run` of cli/main.ts), for a command that runs other commands (`ssj demo`). */
export type RunCli = (argv: string[], io: Io) => Promise<number>;

export type Register = (program: Command, wrap: Wrap, runCli: RunCli) => void;
