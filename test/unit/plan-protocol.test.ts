import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planProtocol, readPlan, validatePlan } from '../../src/domain/plan.js';
import { FIXTURES } from '../helpers/cli.js';

const fixture = (f: string) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Record<string, unknown>;

/**
 * README "Which protocol a plan draws under": a new plan file draws under SSJ-2 unless it says "SSJ-1"; a plan stored
 * before that default (no `protocol` key) stays SSJ-1 unless it used an SSJ-2 feature.
 */
describe('which protocol a plan draws under', () => {
  const base = fixture('plan-2024Q1.json');
  it.each([
    ['a plan file with team.size', {}, 'SSJ-2', 'SSJ-1'],
    ['protocol SSJ-1', { protocol: 'SSJ-1' }, 'SSJ-1', 'SSJ-1'],
    ['protocol SSJ-2', { protocol: 'SSJ-2' }, 'SSJ-2', 'SSJ-2'],
    ['experts (高青 7.3)', { team: { officers: 2, experts: 1 } }, 'SSJ-2', 'SSJ-2'],
    ['officers alone', { team: { officers: 2 } }, 'SSJ-2', 'SSJ-1'],
    ['inspectors.where (顺城 第十六条)', { inspectors: { where: { unit: ['执法大队'] } } }, 'SSJ-2', 'SSJ-2'],
  ] as const)('%s → %s as a new file, %s as stored before the default', (_name, change, file, stored) => {
    expect(planProtocol(validatePlan({ ...base, ...change }, 'file'))).toBe(file);
    expect(planProtocol(validatePlan({ ...base, ...change }))).toBe(stored);
  });
  it('a new plan stores its protocol, so reading it back keeps it; a plan stored before the default stays SSJ-1', () => {
    expect(planProtocol(validatePlan(fixture('plan-2024-joint.json'), 'file'))).toBe('SSJ-2');
    for (const change of [{}, { protocol: 'SSJ-1' }]) {
      const added = validatePlan({ ...base, ...change }, 'file');
      expect(JSON.parse(JSON.stringify(added)).protocol).toBe(planProtocol(added));
      expect(planProtocol(validatePlan(JSON.parse(JSON.stringify(added))))).toBe(planProtocol(added));
    }
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
