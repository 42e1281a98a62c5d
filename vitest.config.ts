import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The slow set: tests that need a real process (bin/ssj.js on dist/: concurrency, kill -9, worker threads, the
 * binary itself, the quick start on a clean clone) or a browser. `npm run test:fast` (vitest --mode fast) leaves
 * them out for the edit loop; `npm test` runs everything.
 */
const SLOW = ['test/process/**', 'test/e2e/site-browser.test.ts'];

export default defineConfig(({ mode }) => {
  const fast = mode === 'fast';
  return {
    test: {
      include: ['test/**/*.test.ts'],
      exclude: fast ? [...configDefaults.exclude, ...SLOW] : configDefaults.exclude,
      // dist.ts builds dist/ when src/ is newer (only spawned tests use it); templates.ts builds the fixture
      // databases once per run.
      globalSetup: fast ? ['test/setup/templates.ts'] : ['test/setup/dist.ts', 'test/setup/templates.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
      // Two workers match the 2-core machine. Not isolated: the two worker processes load src/ and its
      // dependencies once and run file after file, instead of one fresh module graph per file (which cost more
      // than most files' tests). Safe because commands take everything from io (environment, cwd, streams) and
      // close their database, and no test mocks modules or changes process.env; a leak would show up as a
      // failure in a later file. \`npx vitest run --isolate\` runs every file on its own to rule that out.
      pool: 'forks',
      isolate: false,
      poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    },
  };
});
