import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { tempDir } from './cli.js';

/**
 * Fixture databases built once per test run by test/setup/templates.ts (in-process, with fixed clocks, so they are
 * the same on every run) and copied into a fresh directory for each test that needs one. A copy is a few
 * milliseconds; building one is dozens of commands.
 *
 *  - frozen: the fixture rosters imported and plan 2024Q1 added and frozen (test/helpers/drawn-db.ts);
 *  - drawn: frozen, then drawn with the RFC 3797 example seed (drawnFixtureDb());
 *  - export: the publication history of test/e2e/export-fixture.ts (buildExportFixture()).
 */
export type TemplateName = 'frozen' | 'drawn' | 'export';
export const TEMPLATES: readonly TemplateName[] = ['frozen', 'drawn', 'export'];

declare module 'vitest' {
  export interface ProvidedContext {
    /** The directory holding one directory per template (test/setup/templates.ts). */
    fixtureTemplates: string;
  }
}

/** A new temp directory holding a copy of the template's files (ssj.db and whatever else it was built with). */
export function templateCopy(name: TemplateName, prefix = `ssj-${name}-`): { dir: string; cleanup: () => void } {
  const root = inject('fixtureTemplates');
  if (!root)
    throw new Error('no fixture templates: run the tests through vitest.config.ts (its globalSetup builds them)');
  const t = tempDir(prefix);
  cpSync(join(root, name), t.dir, { recursive: true });
  return t;
}
