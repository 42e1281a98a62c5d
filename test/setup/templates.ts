import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildExportTemplate } from '../helpers/export-template.js';
import { buildDrawnFixture, buildFrozenFixture } from '../helpers/fixture-builds.js';
import type { TemplateName } from '../helpers/templates.js';

/**
 * Vitest globalSetup: build the fixture databases once per run, in-process through the CLI, and tell the test
 * files where they are (test/helpers/templates.ts copies one per test). Before this, every file that needed a
 * drawn database built its own by spawning bin/ssj.js a dozen or more times.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const started = performance.now();
  const root = mkdtempSync(join(tmpdir(), 'ssj-templates-'));
  const dir = (name: TemplateName) => join(root, name);
  mkdirSync(dir('frozen'));
  mkdirSync(dir('export'));
  await buildFrozenFixture(dir('frozen'));
  cpSync(dir('frozen'), dir('drawn'), { recursive: true });
  await buildDrawnFixture(dir('drawn'));
  await buildExportTemplate(dir('export'));
  project.provide('fixtureTemplates', root);
  if (process.env.SSJ_TEST_TIMINGS)
    console.log(`fixture templates built in ${Math.round(performance.now() - started)} ms`);
  return () => rmSync(root, { recursive: true, force: true });
}
