import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planProtocol, readPlan, validatePlan } from '../../src/domain/plan.js';
import { FIXTURES } from '../helpers/cli.js';

const fixture = (f: string) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Record<string, unknown>;

/** README "Which protocol a plan draws under": SSJ-2 only for plans that need it or say so; old files keep SSJ-1. */
describe('which protocol a plan draws under', () => {
  const base = fixture('plan-2024Q1.json');
  it.each([
    ['an SSJ-1 file (team.size)', {}, 'SSJ-1'],
    ['protocol SSJ-2', { protocol: 'SSJ-2' }, 'SSJ-2'],
    ['experts (高青 7.3)', { team: { officers: 2, experts: 1 } }, 'SSJ-2'],
    ['officers alone', { team: { officers: 2 } }, 'SSJ-1'],
    ['inspectors.where (顺城 第十六条)', { inspectors: { where: { unit: ['执法大队'] } } }, 'SSJ-2'],
  ] as const)('%s → %s', (_name, change, expected) => {
    expect(planProtocol(validatePlan({ ...base, ...change }))).toBe(expected);
  });
  it('the joint fixture (高青 6.2) draws under SSJ-2, and a stored SSJ-1 plan re-read stays SSJ-1', () => {
    expect(planProtocol(validatePlan(fixture('plan-2024-joint.json')))).toBe('SSJ-2');
    const old = validatePlan(base);
    expect(JSON.stringify(old)).not.toContain('protocol');
    expect(planProtocol(validatePlan(JSON.parse(JSON.stringify(old))))).toBe('SSJ-1');
  });
  it('"protocol": "SSJ-1" with a joint plan is refused with its path; an unknown protocol too', () => {
    expect(readPlan({ ...fixture('plan-2024-joint.json'), protocol: 'SSJ-1' }).problems.map((p) => p.code)).toContain(
      'plan.ssj1CannotDraw',
    );
    expect(readPlan({ ...base, protocol: 'SSJ-3' }).problems).toContainEqual(
      expect.objectContaining({ path: 'protocol', code: 'plan.badProtocol' }),
    );
  });
});
