// Import speed: generate N enterprises (default 1,000,000), import them with the built CLI, import them again
// (every row unchanged), and, when the sqlite3 command-line tool is installed, `.import` the same file into an
// equivalent table for comparison. Wall time, CPU time and peak memory (maxRSS) of each, one process each.
//
//   node bench/import.mjs [rows]        (needs dist/: npm run build)
//
// Prints a table and, last, one JSON line with every figure.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out', 'import');
const ROWS = Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 1_000_000);
const MEMORY_LIMIT_MB = 300;

/** The enterprises table of migration 1 without ssj's bookkeeping columns: what the CSV holds. */
const EQUIVALENT_TABLE = `CREATE TABLE enterprises (
  uscc TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL DEFAULT '', legal_rep TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '', scope TEXT NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '',
  industry TEXT NOT NULL DEFAULT '', supervision TEXT NOT NULL DEFAULT '', risk TEXT NOT NULL DEFAULT '',
  credit TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT '', flags TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;`;

const onPath = (cmd) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Run a command and measure it: wall time here; CPU and peak RSS from GNU time when present, else peak RSS by
 * polling /proc/PID/status (VmHWM, Linux), else unknown.
 */
function measure(cmd, args, opts = {}) {
  return new Promise((resolvePromise, reject) => {
    const timeFile = join(OUT, 'time.txt');
    rmSync(timeFile, { force: true });
    const [file, argv] = GNU_TIME ? [GNU_TIME, ['-o', timeFile, '-f', '%U %S %M', cmd, ...args]] : [cmd, args];
    const started = performance.now();
    const child = spawn(file, argv, { cwd: OUT, stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let polledKb = 0;
    const poll = GNU_TIME
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) polledKb = Math.max(polledKb, Number(m[1]));
          } catch {
            /* not Linux, or already gone */
          }
        }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      const wallS = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${stderr}`));
      let cpu = {};
      if (GNU_TIME && existsSync(timeFile)) {
        const [user, sys, kb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
        cpu = { userS: user, sysS: sys, maxRssMB: Math.round(kb / 1024) };
      } else if (polledKb) cpu = { maxRssMB: Math.round(polledKb / 1024) };
      resolvePromise({ wallS: Math.round(wallS * 100) / 100, ...cpu, stdout: stdout.trim() });
    });
  });
}

async function generate(file) {
  const out = createWriteStream(file);
  const child = spawn(process.execPath, [join(ROOT, 'fixtures', 'generate.mjs'), 'enterprises', String(ROWS), '--seed', 'bench'], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.pipe(out);
  await new Promise((r, j) => child.on('close', (c) => (c === 0 ? r() : j(new Error(`generate.mjs exited ${c}`)))));
  await new Promise((r) => out.close(r));
}

const fmt = (r) => (r ? `${r.wallS.toFixed(2).padStart(7)} s wall  ${r.userS !== undefined ? `${(r.userS + r.sysS).toFixed(2).padStart(6)} s CPU` : '    n/a CPU'}  ${r.maxRssMB !== undefined ? `${String(r.maxRssMB).padStart(4)} MB peak` : 'n/a peak'}` : 'not run');

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    console.error('bench/import.mjs needs the built CLI: run `npm run build` first.');
    process.exit(2);
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const csv = join(OUT, 'enterprises.csv');
  const t0 = performance.now();
  await generate(csv);
  const mb = statSync(csv).size / 1048576;
  console.log(`import bench: ${ROWS.toLocaleString('en')} enterprises, ${mb.toFixed(0)} MB CSV (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const ssjArgs = [join(ROOT, 'bin', 'ssj.js'), '--db', 'bench.db', '--operator', 'bench', 'import', 'enterprises', csv];
  const first = await measure(process.execPath, ssjArgs);
  if (!first.stdout.includes(`${ROWS} inserted`)) throw new Error(`unexpected import output: ${first.stdout}`);
  const again = await measure(process.execPath, ssjArgs);
  if (!again.stdout.includes(`${ROWS} unchanged`)) throw new Error(`unexpected re-import output: ${again.stdout}`);

  let sqlite = null;
  if (onPath('sqlite3')) {
    execFileSync('sqlite3', [join(OUT, 'sqlite.db'), EQUIVALENT_TABLE]);
    sqlite = await measure('sqlite3', [join(OUT, 'sqlite.db'), `.import --csv --skip 1 ${csv} enterprises`]);
    const n = Number(execFileSync('sqlite3', [join(OUT, 'sqlite.db'), 'SELECT count(*) FROM enterprises'], { encoding: 'utf8' }).trim());
    if (n !== ROWS) throw new Error(`sqlite3 imported ${n} rows, expected ${ROWS}`);
  }

  console.log(`  ssj import (new rows)       ${fmt(first)}`);
  console.log(`  ssj import (all unchanged)  ${fmt(again)}`);
  console.log(`  sqlite3 .import             ${sqlite ? fmt(sqlite) : 'skipped: sqlite3 is not installed'}`);
  const ratio = sqlite ? Math.round((sqlite.wallS / first.wallS) * 100) / 100 : null;
  if (ratio !== null) console.log(`  sqlite3 time / ssj time     ${ratio.toFixed(2)} (above 1: ssj is faster)`);
  const peak = Math.max(first.maxRssMB ?? 0, again.maxRssMB ?? 0);
  if (peak) console.log(`  peak memory under ${MEMORY_LIMIT_MB} MB     ${peak < MEMORY_LIMIT_MB ? 'yes' : 'NO'} (${peak} MB)`);
  const strip = ({ stdout, ...r }) => r;
  console.log(JSON.stringify({ bench: 'import', rows: ROWS, csvMB: Math.round(mb), ssj: strip(first), ssjUnchanged: strip(again), sqlite3: sqlite && strip(sqlite), ratio }));
  rmSync(OUT, { recursive: true, force: true });
}

await main();
