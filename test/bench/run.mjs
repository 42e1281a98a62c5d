// `npm run bench`: every benchmark, one after another, each in its own process so that its peak memory is its own.
// Add a benchmark by adding a line to BENCHES. `npm run bench -- import` runs only the named ones.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** name, script in bench/, arguments, what it measures. */
const BENCHES = [
  {
    name: 'import',
    script: 'import.mjs',
    args: [],
    about: '1,000,000-row enterprise CSV: ssj import vs sqlite3 .import, peak memory',
  },
  {
    name: 'draw',
    script: 'draw.mjs',
    args: [],
    about: '1,000,000 enterprises, 500 inspectors, 1% drawn: ssj draw, export bundle, ssj verify, docs/verify.py',
  },
  {
    name: 'scale',
    script: 'scale.mjs',
    args: [],
    about:
      'issue 17 at 1,000,000 / 500 / 1%, SSJ-2, 3 runs per step (median, load average beside each run): import beside sqlite3 .import, freeze, draw, export bundle, ssj verify, docs/verify.py',
  },
  {
    name: 'growth',
    script: 'growth.mjs',
    args: [],
    about: 'scale at 100,000 and 1,000,000 enterprises, 0.1% drawn, one run per step (add 10000000 by hand: long)',
  },
  {
    name: 'draw-core',
    script: 'draw-core.mjs',
    args: [],
    about: 'the SSJ-1 draw on 1,000,000 enterprises and 500 inspectors (pure core, one thread)',
  },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !BENCHES.some((b) => b.name === w));
if (unknown.length) {
  console.error(`unknown bench: ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const b of BENCHES.filter((x) => wanted.length === 0 || wanted.includes(x.name))) {
  console.log(`\n== ${b.name}: ${b.about}`);
  const r = spawnSync(process.execPath, [join(HERE, b.script), ...b.args], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`${b.name} failed (exit ${r.status ?? r.signal})`);
  }
}
process.exit(failed ? 1 : 0);
