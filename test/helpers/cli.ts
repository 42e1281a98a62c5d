import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { run } from '../../src/cli/main.js';

/**
 * The one way tests run the CLI.
 *
 *  - ssj() / ssjOk(): in-process, through run(argv, io) from src/cli/main.ts, on the TypeScript source. The default:
 *    about 200 ms of Node start-up cheaper per command than a process, and it always tests the code as edited.
 *  - ssjSpawned() / startSpawned(): bin/ssj.js in a real process, on dist/ (test/setup/templates.ts builds it when
 *    stale, and assertFreshDist() refuses a stale one). Only for tests where the process itself matters: two
 *    processes at once, kill -9, a worker thread (its .js file exists only in dist/), the binary, pipes and exit
 *    statuses. Such tests live in test/process/ (the slow set; `npm run test:fast` leaves it out).
 *
 * Both get the same environment (English, operator "tester", no colour, HOME = the working directory, nothing else
 * from this process's environment but PATH) and return the same { code, stdout, stderr }.
 */

export const ROOT = resolve(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'ssj.js');
export const FIXTURES = join(ROOT, 'fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A temp directory per test, removed afterwards unless SSJ_KEEP_TMP is set. */
export function tempDir(prefix = 'ssj-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => (process.env.SSJ_KEEP_TMP ? undefined : rmSync(dir, { recursive: true, force: true })) };
}

/** The environment every test run of ssj gets, in-process or spawned. */
export function testEnv(cwd: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: cwd,
    SSJ_LANG: 'en',
    SSJ_OPERATOR: 'tester',
    NO_COLOR: '1',
    ...env,
  };
}

/** A stream that keeps what is written (bytes, decoded once at the end so no character is split). */
function capture(): { stream: Writable & { isTTY: false }; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
      done();
    },
  }) as Writable & { isTTY: false };
  stream.isTTY = false;
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * Run ssj in-process in `cwd`, as `ssj ARGS` typed there (not on a terminal). Everything the command reads from
 * the outside comes through io: the environment (testEnv), the working directory and the streams.
 */
export async function ssj(cwd: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  const out = capture();
  const err = capture();
  const code = await run(['node', 'ssj', ...args], {
    stdout: out.stream,
    stderr: err.stream,
    env: testEnv(cwd, env),
    cwd,
    stdinIsTTY: false,
    randomBytes: (n) => repeatableBytes(args, n),
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

/**
 * In-process runs take a freeze's secret part from this instead of the operating system (src/cli/context.ts Io), so
 * that fixture databases and golden files are the same on every run: the bytes depend only on the command line.
 * Spawned runs (ssjSpawned) use crypto.randomBytes like every real run.
 */
export function repeatableBytes(args: string[], n: number): Buffer {
  return createHash('sha256')
    .update(`ssj-test-random|${args.join('\u0000')}`)
    .digest()
    .subarray(0, n);
}

/** ssj() that fails the test with the command's output when it does not exit as expected. */
export async function ssjOk(
  cwd: string,
  args: string[],
  expected = 0,
  env: Record<string, string> = {},
): Promise<RunResult> {
  return expectExit(await ssj(cwd, args, env), args, expected);
}

function expectExit(r: RunResult, args: string[], expected: number): RunResult {
  if (r.code !== expected)
    throw new Error(
      `ssj ${args.join(' ')} exited ${r.code}, expected ${expected}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`,
    );
  return r;
}

/** Throw when a file under src/ is newer than dist/ (bin/ssj.js would run old code). Checked once per worker. */
let distChecked = false;
export function assertFreshDist(): void {
  if (distChecked) return;
  const stale = staleDistReason();
  if (stale) throw new Error(`dist/ is stale (${stale}): run npx tsc -p tsconfig.json, or the whole suite (it builds)`);
  distChecked = true;
}

/**
 * Why dist/ does not match src/, or undefined when every src/**.ts has a dist/**.js at least as new.
 * Shared with test/setup/templates.ts, which builds dist/ when this says so.
 */
export function staleDistReason(): string | undefined {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  for (const src of walk(join(ROOT, 'src'))) {
    const out = join(ROOT, 'dist', src.slice(join(ROOT, 'src').length + 1).replace(/\.ts$/, '.js'));
    if (!existsSync(out)) return `${out} is missing`;
    if (statSync(out).mtimeMs < statSync(src).mtimeMs) return `${src} is newer than ${out}`;
  }
  return undefined;
}

/** Spawn bin/ssj.js as a user would type it and wait for it. Only where a real process matters (see above). */
export function ssjSpawned(cwd: string, args: string[], env: Record<string, string> = {}, input?: string): RunResult {
  assertFreshDist();
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    input,
    env: testEnv(cwd, env),
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** ssjSpawned() that fails the test with the command's output when it does not exit as expected. */
export function ssjSpawnedOk(cwd: string, args: string[], expected = 0, env: Record<string, string> = {}): RunResult {
  return expectExit(ssjSpawned(cwd, args, env), args, expected);
}

export interface Running {
  child: ReturnType<typeof spawn>;
  done: Promise<RunResult & { signal: NodeJS.Signals | null }>;
}

/** Start bin/ssj.js without waiting for it: several processes at once, or one to kill. */
export function startSpawned(cwd: string, args: string[], env: Record<string, string> = {}): Running {
  assertFreshDist();
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: testEnv(cwd, env) });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const done = new Promise<RunResult & { signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr })),
  );
  return { child, done };
}
