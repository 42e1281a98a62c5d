import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/canonical.js';
import { bothVerifiers, readBundle, TAMPERS, tampered, writeBundleDir, type Bundle } from '../helpers/bundle.js';
import { FIXTURES, ROOT, ssjOk } from '../helpers/cli.js';
import { drawnFixtureDb, fixturesReady, type FixtureDb } from '../helpers/drawn-db.js';

/**
 * The fixture plan 2024Q1 built the way a user does it (import, plan add, freeze, draw, recuse, replace, export
 * bundle, all by spawning bin/ssj.js), then checked by both verifiers, against the golden bundle and for privacy.
 * Golden files: test/golden/bundle-2024Q1/, rewritten with SSJ_UPDATE_GOLDEN=1.
 */
const GOLDEN = join(ROOT, 'test', 'golden', 'bundle-2024Q1');

describe.skipIf(!fixturesReady())('the fixture plan 2024Q1', () => {
  let fx: FixtureDb;
  let drawnOnly: Bundle;
  let withEvents: Bundle;
  let eventsDir: string;

  beforeAll(async () => {
    fx = drawnFixtureDb();
    const exportTo = async (name: string) => {
      await ssjOk(fx.dir, ['export', 'bundle', '--plan', '2024Q1', '--out', join(fx.dir, name)]);
      return readBundle(join(fx.dir, name));
    };
    drawnOnly = await exportTo('drawn');
    await recordEvents(fx.dir, drawnOnly);
    withEvents = await exportTo('events');
    eventsDir = join(fx.dir, 'events');
  });
  afterAll(() => fx?.cleanup());

  it('gives the same bytes when exported twice', async () => {
    await ssjOk(fx.dir, ['export', 'bundle', '--plan', '2024Q1', '--out', join(fx.dir, 'again')]);
    expect(readBundle(join(fx.dir, 'again'))).toEqual(withEvents);
  });

  it('matches the golden bundle (draw without events)', () => {
    if (process.env.SSJ_UPDATE_GOLDEN) {
      mkdirSync(GOLDEN, { recursive: true });
      for (const [name, text] of drawnOnly) writeFileSync(join(GOLDEN, name), text);
    }
    expect(existsSync(join(GOLDEN, 'manifest.json')), 'golden files missing: run with SSJ_UPDATE_GOLDEN=1').toBe(true);
    expect(drawnOnly).toEqual(readBundle(GOLDEN));
  });

  it('verifies with both verifiers, before and after the events', async () => {
    for (const dir of [join(fx.dir, 'drawn'), eventsDir]) {
      const { ssj, py } = await bothVerifiers(dir);
      expect(ssj.code, ssj.stdout + ssj.stderr).toBe(0);
      expect(py.code, py.stdout + py.stderr).toBe(0);
    }
    expect(parseCsv(withEvents.get('events.csv')!).map((e) => e.type)).toEqual([
      'recusal',
      'recusal',
      'swap',
      'recusal',
      'replacement',
    ]);
  });

  it.each(TAMPERS.map((t, i) => [t.name, i] as const))('detects with both verifiers: %s', async (_name, i) => {
    const d = writeBundleDir(join(fx.dir, `tampered-${i}`), tampered(withEvents, TAMPERS[i]!));
    const { ssj, py } = await bothVerifiers(d);
    expect(ssj.code, ssj.stdout + ssj.stderr).toBe(1);
    expect(py.code, py.stdout + py.stderr).toBe(1);
  });

  it('publishes no ID number or phone number of an inspector', () => {
    const inspectors = parseCsv(readFileSync(join(FIXTURES, 'inspectors.csv'), 'utf8'));
    const secrets = inspectors
      .flatMap((r) => [r['身份证号'], r['联系方式']])
      .filter((s): s is string => Boolean(s?.trim()))
      .map((s) => s.trim());
    expect(secrets.length).toBeGreaterThan(0);
    const all = [...withEvents.values()].join('\n');
    for (const s of secrets) expect(all.includes(s), `${s} is in the bundle`).toBe(false);
  });
});

/**
 * Two recusals with fresh seeds on the first team (their order matters), a swap on the second, a recusal in the
 * original order on the third, and the fourth enterprise replaced by a reserve: every event type of section 8.
 */
async function recordEvents(dir: string, bundle: Bundle): Promise<void> {
  const teams = parseCsv(bundle.get('teams.csv')!);
  const usccs = [...new Set(teams.map((r) => r.uscc!))];
  const member = (u: string, seat: number) => teams.find((r) => r.uscc === u && r.seat === String(seat))!.certNo!;
  const [u1, u2, u3, u4] = usccs as [string, string, string, string];
  const run = (args: string[]) => ssjOk(dir, ['--now', '2024-01-12T02:00:00Z', '--yes', ...args]);
  await run([
    'recuse',
    '--plan',
    '2024Q1',
    '--enterprise',
    u1,
    '--inspector',
    member(u1, 1),
    '--category',
    '近亲属',
    '--reason',
    '与该企业法定代表人系近亲属',
    '--seed',
    '体彩大乐透第24011期 05 12 18 29 33 + 02 11',
  ]);
  await run([
    'recuse',
    '--plan',
    '2024Q1',
    '--enterprise',
    u1,
    '--inspector',
    member(u1, 2),
    '--category',
    '其他',
    '--reason',
    '曾在该企业任职',
    '--seed-rfc3797',
    '3 9 21 / 7 14',
  ]);
  await run([
    'recuse',
    '--plan',
    '2024Q1',
    '--enterprise',
    u2,
    '--inspector',
    member(u2, 1),
    '--category',
    '其他',
    '--reason',
    '对调',
    '--swap',
  ]);
  await run(['recuse', '--plan', '2024Q1', '--enterprise', u3, '--inspector', member(u3, 2), '--category', '利害关系']);
  await run(['replace', '--plan', '2024Q1', '--enterprise', u4, '--reason', '经核实已注销']);
}
