import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
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

// The quick start on a clean clone is in test/process/quickstart.test.ts (the slow set).
