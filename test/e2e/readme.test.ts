import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { HELP_END, HELP_START, helpReference } from '../helpers/help-reference.js';

const README = join(ROOT, 'README.md');

describe('README', () => {
  it('pastes ssj --help and every subcommand help exactly (SSJ_UPDATE_GOLDEN=1 rewrites it)', async () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(HELP_START);
    const end = readme.indexOf(HELP_END);
    expect(start, 'README has the help markers').toBeGreaterThan(0);
    const current = readme.slice(start + HELP_START.length, end).trim();
    const expected = (await helpReference()).trim();
    if (process.env.SSJ_UPDATE_GOLDEN && current !== expected) {
      writeFileSync(README, `${readme.slice(0, start + HELP_START.length)}\n\n${expected}\n\n${readme.slice(end)}`);
      return;
    }
    expect(current).toBe(expected);
  });

  it('documents every exit code the program uses', async () => {
    const { Exit } = await import('../../src/errors.js');
    const readme = readFileSync(README, 'utf8');
    for (const code of Object.values(Exit)) expect(readme).toMatch(new RegExp(`\\| ${code} \\|`));
  });
});

// The quick start as a new user types it, on a clean clone: npm ci, then npx ssj demo. It compiles better-sqlite3,
// so it takes a few minutes; it runs in CI (CI=true) and locally with SSJ_QUICKSTART=1.
const quickStart = process.env.CI || process.env.SSJ_QUICKSTART ? it : it.skip;

describe('quick start on a clean clone', () => {
  quickStart(
    'npm ci && npx ssj demo works and ends with a verified bundle and a site',
    () => {
      const readme = readFileSync(README, 'utf8');
      expect(readme).toContain('npm ci && npx ssj demo');
      const { dir, cleanup } = tempDir('ssj-clone-');
      try {
        const clone = join(dir, 'ssj');
        execFileSync('git', ['clone', '--quiet', ROOT, clone]);
        const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {
          cwd: clone,
          encoding: 'utf8',
          env: { ...process.env, CI: 'true' },
        });
        expect(ci.status, ci.stderr).toBe(0);
        const demo = spawnSync('npx', ['ssj', 'demo', '--lang', 'en'], {
          cwd: clone,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        });
        expect(demo.status, demo.stderr + demo.stdout).toBe(0);
        expect(demo.stderr).toMatch(/verify the bundle/);
        expect(existsSync(join(clone, 'ssj-demo', 'site', 'index.html'))).toBe(true);
        expect(existsSync(join(clone, 'ssj-demo', 'bundle-2024Q1', 'manifest.json'))).toBe(true);
      } finally {
        cleanup();
      }
    },
    15 * 60_000,
  );
});
