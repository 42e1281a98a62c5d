// Draw and verification at scale (issue 3): 1,000,000 enterprises, 500 inspectors, 1% drawn per stratum, teams of
// 2 with 1 specialist. Imports the generated rosters with the built CLI, then measures, each in its own process:
// ssj draw, ssj export bundle, ssj verify and docs/verify.py. SHA-256 dominates the draw, so it also counts the
// tickets hashed and compares hashes per second with `openssl speed sha256` on this machine when openssl is there.
//
//   node test/bench/draw.mjs [enterprises] [inspectors]        (needs dist/: npm run build)
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, measure as measureIn, onPath } from './measure.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'test', 'bench', 'out', 'draw');
const ENTERPRISES = Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 1_000_000);
const INSPECTORS = Number(process.argv[3] ?? 500);
const TARGET_S = 5;
const MEMORY_LIMIT_MB = 1024;
const SSJ = [join(ROOT, 'bin', 'ssj.js'), '--db', 'bench.db', '--operator', 'bench', '--now', '2024-01-10T02:00:00Z'];
const measure = (cmd, args, opts = {}) => measureIn(cmd, args, { cwd: OUT, ...opts });

const PLAN = {
  id: 'BENCH',
  title: 'bench: 1% of each stratum',
  year: 2024,
  window: { start: '2024-01-15', end: '2024-03-31' },
  cap: { perYear: 1 },
  strata: [
    { name: '重点行业', where: { supervision: ['重点'] }, ratio: '1%' },
    { name: '一般行业', where: { supervision: ['一般'] }, ratio: '1%' },
  ],
  team: { size: 2, specialists: 1 },
  items: { perEnterprise: 3 },
};

async function generate(kind, count, file) {
  const out = createWriteStream(file);
  const child = spawn(
    process.execPath,
    [join(ROOT, 'fixtures', 'generate.mjs'), kind, String(count), '--seed', 'bench'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  child.stdout.pipe(out);
  await new Promise((r, j) => child.on('close', (c) => (c === 0 ? r() : j(new Error(`generate.mjs exited ${c}`)))));
  await new Promise((r) => out.close(r));
}

/** SHA-256 of 64-byte messages per second on this machine, from openssl (the ceiling for one core). */
function opensslHashesPerSecond() {
  if (!onPath('openssl')) return null;
  const text = execFileSync('openssl', ['speed', '-seconds', '2', '-bytes', '64', 'sha256'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const m = /^sha256\s+([\d.]+)k/m.exec(text);
  return m ? Math.round((Number(m[1]) * 1000) / 64) : null;
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    console.error('test/bench/draw.mjs needs the built CLI: run `npm run build` first.');
    process.exit(2);
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await generate('enterprises', ENTERPRISES, join(OUT, 'enterprises.csv'));
  await generate('inspectors', INSPECTORS, join(OUT, 'inspectors.csv'));
  writeFileSync(join(OUT, 'plan.json'), JSON.stringify(PLAN));
  const setup = [
    ['import', 'enterprises', 'enterprises.csv'],
    ['import', 'inspectors', 'inspectors.csv'],
    ['import', 'items', join(ROOT, 'fixtures', 'items.csv')],
    ['plan', 'add', 'plan.json'],
  ];
  for (const args of setup) await measure(process.execPath, [...SSJ, ...args]);
  console.log(
    `draw bench: ${ENTERPRISES.toLocaleString('en')} enterprises, ${INSPECTORS} inspectors, 1% per stratum, teams of 2 with 1 specialist`,
  );

  const drawn = await measure(process.execPath, [
    ...SSJ,
    '--json',
    'draw',
    '--plan',
    'BENCH',
    '--seed-rfc3797',
    '9319 / 2 5 12 8 10 / 9 18 26 34 41 45',
    '--yes',
  ]);
  const summary = JSON.parse(drawn.stdout);
  const selected = summary.strata.reduce((n, s) => n + s.selected, 0);
  const bundle = await measure(process.execPath, [...SSJ, 'export', 'bundle', '--plan', 'BENCH', '--out', 'bundle']);
  const verified = await measure(process.execPath, [join(ROOT, 'bin', 'ssj.js'), 'verify', 'bundle']);
  const python = onPath('python3') ? await measure('python3', [join(ROOT, 'docs', 'verify.py'), 'bundle']) : null;
  const openssl = opensslHashesPerSecond();
  const rate = Math.round(summary.hashes / drawn.wallS);

  console.log(
    `  ssj draw                 ${fmt(drawn)}   ${selected.toLocaleString('en')} selected, ${summary.hashes.toLocaleString('en')} SHA-256 tickets`,
  );
  console.log(`  ssj export bundle        ${fmt(bundle)}`);
  console.log(`  ssj verify               ${fmt(verified)}`);
  console.log(`  python3 docs/verify.py   ${python ? fmt(python) : 'skipped: python3 is not installed'}`);
  console.log(
    `  tickets per second       ${rate.toLocaleString('en')} over the whole draw${openssl ? `; openssl sha256 (64-byte blocks, one core): ${openssl.toLocaleString('en')}/s` : ''}`,
  );
  console.log(`  draw under ${TARGET_S} s           ${drawn.wallS < TARGET_S ? 'yes' : 'NO'} (${drawn.wallS} s)`);
  console.log(
    `  draw under ${MEMORY_LIMIT_MB} MB        ${drawn.maxRssMB === undefined ? 'unknown' : drawn.maxRssMB < MEMORY_LIMIT_MB ? 'yes' : 'NO'} (${drawn.maxRssMB ?? '?'} MB)`,
  );
  const strip = (r) => r && { wallS: r.wallS, userS: r.userS, sysS: r.sysS, maxRssMB: r.maxRssMB };
  console.log(
    JSON.stringify({
      bench: 'draw',
      enterprises: ENTERPRISES,
      inspectors: INSPECTORS,
      selected,
      hashes: summary.hashes,
      draw: strip(drawn),
      bundle: strip(bundle),
      verify: strip(verified),
      verifyPy: strip(python),
      ticketsPerSecond: rate,
      opensslHashesPerSecond: openssl,
    }),
  );
  rmSync(OUT, { recursive: true, force: true });
}

await main();
