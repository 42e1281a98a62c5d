import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ssjOk } from './cli.js';

/**
 * How the CLI-built fixture databases are made (test/setup/templates.ts runs these once per run; tests copy the
 * result through test/helpers/templates.ts). No vitest import here: a globalSetup module may not load vitest.
 */

export const FIXTURE_SEED_RFC3797 = '9319 / 2 5 12 8 10 / 9 18 26 34 41 45';
export const FIXTURE_NOW = '2024-01-10T02:00:00Z';
export const FIXTURE_FROZEN_AT = '2024-01-05T02:00:00Z';
export const FIXTURE_SEED_SOURCE = '中国体育彩票超级大乐透 第24010期开奖号码';

/** The roster files the fixture database imports, in import order. */
export const FIXTURE_ROSTERS = ['enterprises.csv', 'inspectors.csv', 'items.csv', 'conflicts.csv', 'history.csv'];

/**
 * Build the 'frozen' template in `dir` the way a user does it: import the fixture rosters, add plan 2024Q1 and
 * freeze it at FIXTURE_FROZEN_AT (test/setup/templates.ts, once per run).
 */
export async function buildFrozenFixture(dir: string): Promise<void> {
  const run = (args: string[], now = FIXTURE_NOW) => ssjOk(dir, ['--now', now, ...args]);
  for (const f of FIXTURE_ROSTERS)
    if (existsSync(join(FIXTURES, f))) await run(['import', f.replace(/\.csv$/, ''), join(FIXTURES, f)]);
  await run(['plan', 'add', join(FIXTURES, 'plan-2024Q1.json')]);
  await run(['plan', 'freeze', '2024Q1', '--seed-source', FIXTURE_SEED_SOURCE], FIXTURE_FROZEN_AT);
}

/** Build the 'drawn' template in `dir`, a copy of the frozen one: draw 2024Q1 with the RFC 3797 seed at FIXTURE_NOW. */
export async function buildDrawnFixture(dir: string): Promise<void> {
  await ssjOk(dir, ['--now', FIXTURE_NOW, 'draw', '--plan', '2024Q1', '--seed-rfc3797', FIXTURE_SEED_RFC3797, '--yes']);
}
