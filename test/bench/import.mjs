// Import speed: generate N enterprises (default 1,000,000), import them with the built CLI, import them again
// (every row unchanged), and, when the sqlite3 command-line tool is installed, `.import` the same file into an
// equivalent table for comparison. Wall time, CPU time and peak memory (maxRSS) of each, one process each.
//
//   node test/bench/import.mjs [rows]        (needs dist/: npm run build)
//
// Prints a table and, last, one JSON line with every figure.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { fmt, measure as measureIn, onPath } from './measure.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'test', 'bench', 'out', 'import');
const ROWS = Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 1_000_000);
const MEMORY_LIMIT_MB = 300;
const measure = (cmd, args) => measureIn(cmd, args, { cwd: OUT });

/** The enterprises table of migration 1 without ssj's bookkeeping columns: what the CSV holds. */
const EQUIVALENT_TABLE = `CREATE TABLE enterprises (
  uscc TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL DEFAULT '', legal_rep TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '', scope TEXT NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '',
  industry TEXT NOT NULL DEFAULT '', supervision TEXT NOT NULL DEFAULT '', risk TEXT NOT NULL DEFAULT '',
  credit TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT '', flags TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;`;

async function generate(file) {
  const out = createWriteStream(file);
  const child = spawn(
    process.execPath,
    [join(ROOT, 'fixtures', 'generate.mjs'), 'enterprises', String(ROWS), '--seed', 'bench'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  child.stdout.pipe(out);
  await new Promise((r, j) => child.on('close', (c) => (c === 0 ? r() : j(new Error(`generate.mjs exited ${c}`)))));
  await new Promise((r) => out.close(r));
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    console.error('test/bench/import.mjs needs the built CLI: run `npm run build` first.');
    process.exit(2);
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const csv = join(OUT, 'enterprises.csv');
  const t0 = performance.now();
  await generate(csv);
  const mb = statSync(csv).size / 1048576;
  console.log(
    `import bench: ${ROWS.toLocaleString('en')} enterprises, ${mb.toFixed(0)} MB CSV (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );

  const ssjArgs = [
    join(ROOT, 'bin', 'ssj.js'),
    '--db',
    'bench.db',
    '--operator',
    'bench',
    'import',
    'enterprises',
    csv,
  ];
  const first = await measure(process.execPath, ssjArgs);
  if (!first.stdout.includes(`${ROWS} inserted`)) throw new Error(`unexpected import output: ${first.stdout}`);
  const again = await measure(process.execPath, ssjArgs);
  if (!again.stdout.includes(`${ROWS} unchanged`)) throw new Error(`unexpected re-import output: ${again.stdout}`);

  let sqlite = null;
  if (onPath('sqlite3')) {
    execFileSync('sqlite3', [join(OUT, 'sqlite.db'), EQUIVALENT_TABLE]);
    sqlite = await measure('sqlite3', [join(OUT, 'sqlite.db'), `.import --csv --skip 1 ${csv} enterprises`]);
    const n = Number(
      execFileSync('sqlite3', [join(OUT, 'sqlite.db'), 'SELECT count(*) FROM enterprises'], {
        encoding: 'utf8',
      }).trim(),
    );
    if (n !== ROWS) throw new Error(`sqlite3 imported ${n} rows, expected ${ROWS}`);
  }

  console.log(`  ssj import (new rows)       ${fmt(first)}`);
  console.log(`  ssj import (all unchanged)  ${fmt(again)}`);
  console.log(`  sqlite3 .import             ${sqlite ? fmt(sqlite) : 'skipped: sqlite3 is not installed'}`);
  const ratio = sqlite ? Math.round((sqlite.wallS / first.wallS) * 100) / 100 : null;
  if (ratio !== null) console.log(`  sqlite3 time / ssj time     ${ratio.toFixed(2)} (above 1: ssj is faster)`);
  const peak = Math.max(first.maxRssMB ?? 0, again.maxRssMB ?? 0);
  if (peak)
    console.log(`  peak memory under ${MEMORY_LIMIT_MB} MB     ${peak < MEMORY_LIMIT_MB ? 'yes' : 'NO'} (${peak} MB)`);
  const strip = ({ stdout, stderr, code, ...r }) => r;
  console.log(
    JSON.stringify({
      bench: 'import',
      rows: ROWS,
      csvMB: Math.round(mb),
      ssj: strip(first),
      ssjUnchanged: strip(again),
      sqlite3: sqlite && strip(sqlite),
      ratio,
    }),
  );
  rmSync(OUT, { recursive: true, force: true });
}

await main();
