import type { Argument, Command, Option } from 'commander';
import type { OutputTarget } from '../io/output-guard.js';

/**
 * Which options and arguments of a command name files it writes or reads, so that every command, present and
 * future, gets the output guard (src/io/output-guard.ts) for free: the wrapper in main.ts checks them all before
 * the action runs.
 *
 * By convention: options --out, --output, --errors and --report write (a `<dir>` placeholder marks a folder
 * export); arguments named file, files, dir or input and options --holidays, --file, --input read. Anything else
 * says so with markOutput / markInput when it is declared.
 */
const OUTPUT_FLAGS = new Set(['--out', '--output', '--errors', '--report']);
const INPUT_FLAGS = new Set(['--holidays', '--file', '--input']);
const INPUT_ARGS = new Set(['file', 'files', 'dir', 'input']);

const outputs = new WeakSet<Option | Argument>();
const inputs = new WeakSet<Option | Argument>();

/** Declare that this option or argument names a file (or with `<dir>`, a folder) the command writes. */
export function markOutput<T extends Option | Argument>(x: T): T {
  outputs.add(x);
  inputs.delete(x);
  return x;
}

/** Declare that this option or argument names a file the command reads. */
export function markInput<T extends Option | Argument>(x: T): T {
  inputs.add(x);
  outputs.delete(x);
  return x;
}

/** Mark the argument called `name` of `cmd` as an output (e.g. `audit backup <file>`). */
export function markOutputArgument(cmd: Command, name: string): Command {
  const arg = cmd.registeredArguments.find((a) => a.name() === name);
  if (!arg) throw new Error(`no argument ${name} on ${cmd.name()}`);
  markOutput(arg);
  return cmd;
}

export interface FileRoles {
  inputs: string[];
  outputs: OutputTarget[];
}

/** The files the parsed command line names, as typed (the caller resolves them against the working directory). */
export function fileRoles(cmd: Command, args: unknown[], opts: Record<string, unknown>): FileRoles {
  const roles: FileRoles = { inputs: [], outputs: [] };
  const values = (v: unknown): string[] =>
    (Array.isArray(v) ? v : [v]).filter((s): s is string => typeof s === 'string' && s !== '' && s !== '-');
  for (const o of cmd.options) {
    const isOut = outputs.has(o) || (!inputs.has(o) && OUTPUT_FLAGS.has(o.long ?? ''));
    const isIn = !isOut && (inputs.has(o) || INPUT_FLAGS.has(o.long ?? ''));
    for (const v of values(opts[o.attributeName()])) {
      if (isOut) roles.outputs.push({ path: v, option: o.long ?? o.flags, folder: o.flags.includes('<dir>') });
      else if (isIn) roles.inputs.push(v);
    }
  }
  cmd.registeredArguments.forEach((a, i) => {
    const isOut = outputs.has(a);
    const isIn = !isOut && (inputs.has(a) || INPUT_ARGS.has(a.name()));
    for (const v of values(args[i])) {
      if (isOut) roles.outputs.push({ path: v, option: a.name().toUpperCase(), folder: a.name() === 'dir' });
      else if (isIn) roles.inputs.push(v);
    }
  });
  return roles;
}
