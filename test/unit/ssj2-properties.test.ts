import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draw2 } from '../../src/core/ssj2/draw.js';
import { applyEvent2 } from '../../src/core/ssj2/events.js';
import { teamRulesProblems } from '../../src/core/ssj2/rules.js';
import type { DrawState2 } from '../../src/core/ssj2/state.js';
import type { DrawInput2, EventType2 } from '../../src/core/ssj2/types.js';
import { ProtocolError } from '../../src/core/errors.js';
import { verifyBundle } from '../../src/core/verify.js';
import { pyVerify, readBundle } from '../helpers/bundle.js';
import { generatedInput, prng } from '../helpers/ssj2.js';

/**
 * SSJ-2 invariants over many seeds and generated rosters (joint and non-joint plans, overrides, experts, removed
 * enterprises, conflicts, seat limits), after the draw and after random events of every kind.
 */
function checkInvariants(state: DrawState2, input: DrawInput2, where: string): void {
  const kind = new Map(input.inspectors.map((i) => [i.certNo, i]));
  for (const e of state.processingOrder()) {
    const team = state.teams.get(e.uscc)!;
    const at = `${where}: ${e.uscc}`;
    const groups = state.groupsFor(e.stratum);
    // 行政处罚法 第四十二条: at least two officers holding enforcement certificates; the leader is one of them.
    expect(team.filter((s) => kind.get(s.certNo)!.kind === 'officer').length, at).toBeGreaterThanOrEqual(2);
    const lead = team.find((s) => s.seat === 1)!;
    expect(kind.get(lead.certNo)!.kind, `${at} seat 1`).toBe('officer');
    // 高青 8.2: with joint, the leader is the lead department's officer.
    if (input.joint) expect(kind.get(lead.certNo)!.department, at).toBe(input.joint.departments[0]!.name);
    expect(new Set(team.map((s) => s.certNo)).size, `${at} nobody twice`).toBe(team.length);
    expect(
      team.map((s) => s.seat).sort((a, b) => a - b),
      at,
    ).toEqual(team.map((_, i) => i + 1));
    for (const g of groups) {
      const members = team.filter((s) => s.group === g.name);
      expect(members.length, `${at} ${g.name} count`).toBe(g.seats);
      for (const m of members) {
        const i = kind.get(m.certNo)!;
        expect(i.kind, `${at} ${m.certNo} kind in ${g.name}`).toBe(g.kind);
        // Joint: each department's seats come from that department only (高青 6.2, 各部门各自抽取检查人员).
        if (g.department !== null) expect(i.department, `${at} ${m.certNo} department`).toBe(g.department);
        if (g.kind === 'expert')
          expect(state.isSpecialistFor(m.certNo, e.industry), `${at} expert specialist`).toBe(true);
        expect(state.isBarred(m.certNo, e.uscc), `${at} ${m.certNo} barred`).toBe(false);
        expect(state.hasConflict(m.certNo, e.uscc), `${at} ${m.certNo} conflict`).toBe(false);
      }
      const specialists = members.filter((m) => state.isSpecialistFor(m.certNo, e.industry)).length;
      expect(specialists, `${at} ${g.name} specialists`).toBeGreaterThanOrEqual(g.specialists);
    }
    // 顺城 第十三条: a trade's own items first (a 危险化学品 enterprise gets 危险化学品 items when they exist).
    const items = state.checkItems.get(e.uscc)!;
    const byCode = new Map(input.items.map((i) => [i.code, i]));
    const specificExists = input.items.some(
      (i) =>
        i.industries !== '*' &&
        i.industries.includes(e.industry) &&
        (!input.joint ||
          input.joint.departments.some(
            (d, j) => d.items > 0 && (i.department === d.name || (j === 0 && i.department === '')),
          )),
    );
    const wanted = input.joint ? input.joint.departments.some((d) => d.items > 0) : input.itemsPerEnterprise > 0;
    if (specificExists && wanted && !input.joint)
      expect(
        items.some((c) => byCode.get(c.code)!.industries !== '*'),
        `${at} has its trade's items`,
      ).toBe(true);
  }
  if (input.team.maxPerInspector !== null)
    for (const [c, n] of state.load)
      expect(n, `${where}: seats of ${c}`).toBeLessThanOrEqual(input.team.maxPerInspector);
  let seats = 0;
  for (const t of state.teams.values()) seats += t.length;
  expect(
    [...state.load.values()].reduce((a, b) => a + b, 0),
    `${where}: loads`,
  ).toBe(seats);
}

describe('SSJ-2 properties over generated rosters', () => {
  it('no team has fewer than 2 officers or an expert in seat 1; every group meets its count, kind, department and specialists; across 300 seeds and random events', () => {
    let drawn = 0;
    let events = 0;
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 300; seed++) {
      const input = generatedInput(seed);
      expect(teamRulesProblems(input.team, input.joint, input.strata)).toEqual([]);
      let state: DrawState2;
      try {
        state = draw2(input);
      } catch (e) {
        if (e instanceof ProtocolError && e.code.startsWith('draw2.')) continue;
        throw e;
      }
      drawn++;
      checkInvariants(state, input, `seed ${seed}`);
      const r = prng(seed * 7919);
      for (let n = 0; n < 12; n++) {
        const selected = state.processingOrder();
        const e = selected[Math.floor(r() * selected.length)]!;
        const team = state.teams.get(e.uscc)!;
        const x = team[Math.floor(r() * team.length)]!.certNo;
        const type = (['recusal', 'reassign', 'swap', 'replacement'] as EventType2[])[Math.floor(r() * 4)]!;
        const seedArg = r() < 0.3 ? `fresh ${seed}/${n}` : '';
        try {
          applyEvent2(state, { type, uscc: e.uscc, certNo: type === 'replacement' ? '' : x, seed: seedArg });
        } catch (err) {
          if (err instanceof ProtocolError) continue;
          throw err;
        }
        events++;
        kinds.add(type);
        // A reassign (人员调整) bars X from e for this plan but records no conflict with e.
        if (type === 'reassign') {
          expect(state.isBarred(x, e.uscc)).toBe(true);
          expect(
            input.conflicts.some((c) => c.certNo === x && c.uscc === e.uscc) || !state.hasConflict(x, e.uscc),
          ).toBe(true);
        }
        if (type === 'recusal' || type === 'swap') expect(state.hasConflict(x, e.uscc)).toBe(true);
        checkInvariants(state, input, `seed ${seed} after event ${n + 1} (${type})`);
      }
    }
    expect(drawn).toBeGreaterThan(100);
    expect(events).toBeGreaterThan(500);
    expect([...kinds].sort()).toEqual(['reassign', 'recusal', 'replacement', 'swap']);
  });

  it("the items of a 危险化学品 enterprise include its trade's items when they exist (顺城 第十三条)", () => {
    const input = generatedInput(42);
    const plan: DrawInput2 = {
      ...input,
      joint: null,
      itemsPerEnterprise: 2,
      items: [
        { code: 'G-1', name: '通用1', industries: '*', department: '' },
        { code: 'G-2', name: '通用2', industries: '*', department: '' },
        { code: 'G-3', name: '通用3', industries: '*', department: '' },
        { code: 'W-1', name: '危化1', industries: ['危险化学品'], department: '' },
      ],
      pool: input.pool.map((e) => ({ ...e, industry: '危险化学品' })),
      inspectors: input.inspectors.map((i) => ({ ...i, specialties: ['危险化学品'] })),
      conflicts: [],
      team: { ...input.team, maxPerInspector: null },
      strata: input.strata.map(({ team: _, ...s }) => s),
    };
    const state = draw2(plan);
    for (const [uscc, items] of state.checkItems)
      expect(
        items.map((c) => c.code),
        uscc,
      ).toContain('W-1');
  });

  it('SSJ-1 bundles made before SSJ-2 still verify, in both verifiers', () => {
    const dir = join(import.meta.dirname, '..', 'golden', 'pre-ssj2-default', 'bundle-2024Q1-drawn');
    const b = readBundle(dir);
    expect(JSON.parse(b.get('manifest.json')!).algorithm).toBe('SSJ-1');
    expect(verifyBundle(b).differences).toEqual([]);
    expect(pyVerify(dir).code).toBe(0);
  });
});
