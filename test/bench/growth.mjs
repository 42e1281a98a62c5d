// Growth (issue 17): the scale bench's steps at several sizes, 0.1% drawn, one run each, time and peak memory per
// step. `node test/bench/growth.mjs 100000 1000000 10000000` (the default leaves 10,000,000 out: it is long).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const sizes = process.argv.slice(2).map(Number);
for (const rows of sizes.length ? sizes : [100_000, 1_000_000]) {
  console.log(`\n-- ${rows.toLocaleString('en')} enterprises`);
  const r = spawnSync(
    process.execPath,
    [
      join(HERE, 'scale.mjs'),
      '--rows',
      String(rows),
      '--ratio',
      '0.1%',
      '--runs',
      '1',
      '--steps',
      'import,freeze,draw,bundle,verify',
    ],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
