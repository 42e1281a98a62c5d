// Issue 17's targets at one scale (default 1,000,000 enterprises, 500 inspectors, 1% per stratum, SSJ-2, teams of 2
// officers with 1 specialist): each step runs as its own process, several times, and the median is reported with the
// load average of the machine when the step started (the 2-core development machine is shared; read figures taken
// under load as upper bounds, and the per-step ratios as the robust part).
//
//   node test/bench/scale.mjs [--rows N] [--inspectors M] [--ratio 1%] [--runs R]
//        [--steps import,freeze,draw,bundle,verify,python] [--json]
//
// Steps: import (ssj import enterprises beside sqlite3 .import of the same file, into new databases, in the same run),
// freeze (plan freeze), draw, bundle (ssj export bundle), verify (ssj verify), python (docs/verify.py). The roster
// CSVs are generated once per size into test/bench/out/scale-N/ and kept (a 10,000,000-row file takes minutes).
// Needs dist/ (npm run build). The last line printed is one JSON object with every figure.
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, measure as measureIn, onPath } from './measure.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ALL_STEPS = ['import', 'freeze', 'draw', 'bundle', 'verify', 'python'];

function options(argv) {
  const o = { rows: 1_000_000, inspectors: 500, ratio: '1%', runs: 3, steps: ALL_STEPS, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--rows') o.rows = Number(v());
    else if (a === '--inspectors') o.inspectors = Number(v());
    else if (a === '--ratio') o.ratio = v();
    else if (a === '--runs') o.runs = Number(v());
    else if (a === '--steps') o.steps = v().split(',');
    else if (a === '--json') o.json = true;
    else throw new Error(`scale.mjs: unknown argument ${a}`);
  }
  const bad = o.steps.filter((s) => !ALL_STEPS.includes(s));
  if (bad.length) throw new Error(`scale.mjs: unknown step ${bad.join(', ')}; known: ${ALL_STEPS.join(', ')}`);
  return o;
}

const O = options(process.argv.slice(2));
const DATA = join(ROOT, 'test', 'bench', 'out', `scale-${O.rows}`);
const WORK = join(DATA, 'work');
const NOW = (h) => ['--now', `2024-01-10T0${h}:00:00Z`];
const ssj = (db, ...args) => [join(ROOT, 'bin', 'ssj.js'), '--db', db, '--operator', 'bench', ...args];
const measure = (cmd, args, opts = {}) => measureIn(cmd, args, { cwd: WORK, ...opts });
const load = () => loadavg()[0].toFixed(1);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const PLAN = {
  id: 'BENCH',
  title: `bench: ${O.ratio} of each stratum`,
  protocol: 'SSJ-2',
  year: 2024,
  window: { start: '2024-01-15', end: '2024-03-31' },
  cap: { perYear: 1 },
  strata: [
    { name: '重点行业', where: { supervision: ['重点'] }, ratio: O.ratio },
    { name: '一般行业', where: { supervision: ['一般'] }, ratio: O.ratio },
  ],
  team: { officers: 2, specialists: 1 },
  items: { perEnterprise: 3 },
};

/** The equivalent table for sqlite3 .import: migration 1's enterprises without ssj's bookkeeping columns. */
const EQUIVALENT_TABLE = `CREATE TABLE enterprises (
  uscc TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL DEFAULT '', legal_rep TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '', scope TEXT NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '',
  industry TEXT NOT NULL DEFAULT '', supervision TEXT NOT NULL DEFAULT '', risk TEXT NOT NULL DEFAULT '',
  credit TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT '', flags TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;`;

async function generate(kind, count, file) {
  if (existsSync(file)) return;
  const tmp = `${file}.part`;
  const out = createWriteStream(tmp);
  const child = spawn(
    process.execPath,
    [join(ROOT, 'fixtures', 'generate.mjs'), kind, String(count), '--seed', 'bench'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  child.stdout.pipe(out);
  await new Promise((r, j) => child.on('close', (c) => (c === 0 ? r() : j(new Error(`generate.mjs exited ${c}`)))));
  await new Promise((r) => out.close(r));
  renameSync(tmp, file);
}

const rmDb = (db) => {
  for (const s of ['', '-wal', '-shm', '-journal']) rmSync(db + s, { force: true });
};
const copyDb = (from, to) => {
  rmDb(to);
  copyFileSync(from, to);
};

/** R runs of one step: each run is prepared by `before` (not measured) and measured alone. */
async function repeat(name, runs, before, cmd, argsOf) {
  const results = [];
  for (let r = 0; r < runs; r++) {
    before?.(r);
    const loadBefore = load();
    const m = await measure(cmd, argsOf(r));
    results.push({ ...m, load: loadBefore });
  }
  const summary = {
    step: name,
    runs: results.length,
    wallS: median(results.map((x) => x.wallS)),
    cpuS: median(results.map((x) => (x.userS ?? 0) + (x.sysS ?? 0))),
    maxRssMB: Math.max(...results.map((x) => x.maxRssMB ?? 0)),
    walls: results.map((x) => x.wallS),
    loads: results.map((x) => Number(x.load)),
    last: results.at(-1),
  };
  console.log(
    `  ${name.padEnd(26)} ${fmt({ wallS: summary.wallS, userS: summary.cpuS, sysS: 0, maxRssMB: summary.maxRssMB })}` +
      `   runs ${summary.walls.map((w) => w.toFixed(2)).join(' ')} s at load ${summary.loads.join(' ')}`,
  );
  return summary;
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    console.error('test/bench/scale.mjs needs the built CLI: run `npm run build` first.');
    process.exit(2);
  }
  mkdirSync(DATA, { recursive: true });
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const csv = join(DATA, 'enterprises.csv');
  const t0 = performance.now();
  await generate('enterprises', O.rows, csv);
  await generate('inspectors', O.inspectors, join(DATA, 'inspectors.csv'));
  writeFileSync(join(WORK, 'plan.json'), JSON.stringify(PLAN));
  console.log(
    `scale bench: ${O.rows.toLocaleString('en')} enterprises (${(statSync(csv).size / 1048576).toFixed(0)} MB CSV, ready in ${((performance.now() - t0) / 1000).toFixed(1)} s), ${O.inspectors} inspectors, ${O.ratio} per stratum, SSJ-2 teams of 2 officers with 1 specialist; ${O.runs} run(s) per step, median; load average now ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const out = { bench: 'scale', rows: O.rows, inspectors: O.inspectors, ratio: O.ratio, runs: O.runs, steps: {} };
  const want = (s) => O.steps.includes(s);

  // import: ssj and sqlite3 alternate within each run so both see the same machine.
  if (want('import')) {
    const ssjRuns = [];
    const sqliteRuns = [];
    for (let r = 0; r < O.runs; r++) {
      rmDb(join(WORK, 'import.db'));
      const l1 = load();
      const a = await measure(process.execPath, ssj('import.db', 'import', 'enterprises', csv));
      if (!a.stdout.includes(`${O.rows} inserted`)) throw new Error(`unexpected import output: ${a.stdout}`);
      ssjRuns.push({ ...a, load: l1 });
      if (onPath('sqlite3')) {
        rmDb(join(WORK, 'sqlite.db'));
        execFileSync('sqlite3', [join(WORK, 'sqlite.db'), EQUIVALENT_TABLE]);
        const l2 = load();
        const b = await measure('sqlite3', [join(WORK, 'sqlite.db'), `.import --csv --skip 1 ${csv} enterprises`]);
        sqliteRuns.push({ ...b, load: l2 });
      }
    }
    rmDb(join(WORK, 'sqlite.db'));
    const sum = (name, rs) => ({
      step: name,
      wallS: median(rs.map((x) => x.wallS)),
      cpuS: median(rs.map((x) => (x.userS ?? 0) + (x.sysS ?? 0))),
      maxRssMB: Math.max(...rs.map((x) => x.maxRssMB ?? 0)),
      walls: rs.map((x) => x.wallS),
      loads: rs.map((x) => Number(x.load)),
    });
    const s = sum('ssj import enterprises', ssjRuns);
    out.steps.import = s;
    const line = (x) =>
      console.log(
        `  ${x.step.padEnd(26)} ${fmt({ wallS: x.wallS, userS: x.cpuS, sysS: 0, maxRssMB: x.maxRssMB })}   runs ${x.walls.map((w) => w.toFixed(2)).join(' ')} s at load ${x.loads.join(' ')}`,
      );
    line(s);
    if (sqliteRuns.length) {
      const q = sum('sqlite3 .import', sqliteRuns);
      out.steps.sqlite3 = q;
      line(q);
      const ratios = ssjRuns.map((x, i) => x.wallS / sqliteRuns[i].wallS);
      out.steps.import.ratioToSqlite = Math.round(median(ratios) * 100) / 100;
      console.log(
        `  ssj time / sqlite3 time    ${out.steps.import.ratioToSqlite.toFixed(2)} median of runs (${ratios.map((x) => x.toFixed(2)).join(' ')}); target at most 0.80`,
      );
    }
  }

  const needsBase = ['freeze', 'draw', 'bundle', 'verify', 'python'].some(want);
  if (!needsBase) return finish(out);
  // The drawn database: rosters imported once, the plan added and frozen (freeze is measured), then drawn.
  const base = join(WORK, 'base.db');
  if (!want('import') || !existsSync(join(WORK, 'import.db')))
    await measure(process.execPath, ssj('base.db', 'import', 'enterprises', csv));
  else renameSync(join(WORK, 'import.db'), base);
  await measure(process.execPath, ssj('base.db', 'import', 'inspectors', join(DATA, 'inspectors.csv')));
  await measure(process.execPath, ssj('base.db', 'import', 'items', join(ROOT, 'fixtures', 'items.csv')));
  await measure(process.execPath, ssj('base.db', 'plan', 'add', 'plan.json'));
  copyDb(base, join(WORK, 'added.db'));
  if (want('freeze'))
    out.steps.freeze = await repeat(
      'ssj plan freeze',
      O.runs,
      () => copyDb(join(WORK, 'added.db'), join(WORK, 'freeze.db')),
      process.execPath,
      () => ssj('freeze.db', ...NOW(1), 'plan', 'freeze', 'BENCH', '--seed-source', 'bench lottery'),
    );
  else {
    copyDb(join(WORK, 'added.db'), join(WORK, 'freeze.db'));
    await measure(
      process.execPath,
      ssj('freeze.db', ...NOW(1), 'plan', 'freeze', 'BENCH', '--seed-source', 'bench lottery'),
    );
  }
  const frozen = join(WORK, 'freeze.db');
  const drawArgs = () =>
    ssj(
      'drawn.db',
      ...NOW(2),
      '--json',
      'draw',
      '--plan',
      'BENCH',
      '--seed-rfc3797',
      '9319 / 2 5 12 8 10 / 9 18 26 34 41 45',
      '--yes',
    );
  if (want('draw')) {
    out.steps.draw = await repeat(
      'ssj draw',
      O.runs,
      () => copyDb(frozen, join(WORK, 'drawn.db')),
      process.execPath,
      drawArgs,
    );
    const summary = JSON.parse(out.steps.draw.last.stdout);
    out.steps.draw.hashes = summary.hashes;
    out.steps.draw.selected = summary.strata.reduce((n, s) => n + s.selected, 0);
    console.log(
      `    ${out.steps.draw.selected.toLocaleString('en')} selected, ${summary.hashes.toLocaleString('en')} SHA-256 tickets: ${Math.round(summary.hashes / out.steps.draw.wallS).toLocaleString('en')} tickets/s over the whole draw`,
    );
  } else {
    copyDb(frozen, join(WORK, 'drawn.db'));
    await measure(process.execPath, drawArgs());
  }
  for (const s of Object.values(out.steps)) delete s.last;
  if (want('bundle'))
    out.steps.bundle = await repeat(
      'ssj export bundle',
      O.runs,
      () => rmSync(join(WORK, 'bundle'), { recursive: true, force: true }),
      process.execPath,
      () => ssj('drawn.db', ...NOW(3), 'export', 'bundle', '--plan', 'BENCH', '--out', 'bundle'),
    );
  else if (want('verify') || want('python')) {
    rmSync(join(WORK, 'bundle'), { recursive: true, force: true });
    await measure(
      process.execPath,
      ssj('drawn.db', ...NOW(3), 'export', 'bundle', '--plan', 'BENCH', '--out', 'bundle'),
    );
  }
  if (want('verify'))
    out.steps.verify = await repeat('ssj verify', O.runs, null, process.execPath, () => [
      join(ROOT, 'bin', 'ssj.js'),
      'verify',
      'bundle',
    ]);
  if (want('python') && onPath('python3'))
    out.steps.python = await repeat('python3 docs/verify.py', O.runs, null, 'python3', () => [
      join(ROOT, 'docs', 'verify.py'),
      'bundle',
    ]);
  finish(out);
}

function finish(out) {
  for (const s of Object.values(out.steps)) delete s.last;
  rmSync(WORK, { recursive: true, force: true });
  console.log(JSON.stringify(out));
}

await main();
