import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

const README = join(ROOT, 'README.md');

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
