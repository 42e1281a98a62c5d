import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ssj } from '../helpers/cli.js';
import { drawnFixtureDb, type FixtureDb } from '../helpers/drawn-db.js';

describe('result dates and corrections as officers type them', () => {
  let fx: FixtureDb;
  let uscc: string;
  const at = (now: string, args: string[]) => ssj(fx.dir, ['--now', now, ...args]);
  beforeAll(async () => {
    fx = drawnFixtureDb();
    const shown = JSON.parse((await ssj(fx.dir, ['--json', 'plan', 'show', '2024Q1'])).stdout) as {
      selection: { uscc: string; role: string }[];
    };
    uscc = shown.selection.find((r) => r.role === 'selected')!.uscc;
  });
  afterAll(() => fx.cleanup());

  it('refuses a check dated after today (exit 3)', async () => {
    const r = await at('2024-02-01T02:00:00Z', [
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      uscc,
      '--outcome',
      'no-issue',
      '--date',
      '2024-02-05',
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/after today/);
  });

  it('accepts 2024/2/1 as 2024-02-01 and warns about a date outside the plan window', async () => {
    const r = await at('2024-05-01T02:00:00Z', [
      '--json',
      'result',
      'record',
      '--plan',
      '2024Q1',
      '--enterprise',
      uscc,
      '--outcome',
      'rectify',
      '--follow-up',
      'order-rectify',
      '--date',
      '2024/4/1',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).result.check_date).toBe('2024-04-01');
    expect(r.stderr).toMatch(/outside the plan window/);
  });

  it('a correction to "no problem found" does not keep the old follow-up', async () => {
    expect((await at('2024-05-02T02:00:00Z', ['result', 'publish', '--plan', '2024Q1'])).code).toBe(0);
    const r = await at('2024-05-03T02:00:00Z', [
      '--json',
      'result',
      'correct',
      '--plan',
      '2024Q1',
      '--enterprise',
      uscc,
      '--outcome',
      'no-issue',
      '--reason',
      '复核更正',
      '--approved-by',
      '王局长',
      '--approved-on',
      '2024-05-03',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).correction.follow_up).toBe('none');
  });

  it('an enterprise with a recorded result cannot be replaced by a reserve (exit 5)', async () => {
    const r = await at('2024-05-04T02:00:00Z', [
      'replace',
      '--plan',
      '2024Q1',
      '--enterprise',
      uscc,
      '--reason',
      '已注销',
    ]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/result correct/);
  });
});
