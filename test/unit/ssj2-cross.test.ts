import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { selectionCsv } from '../../src/core/canonical.js';
import { checkItemsCsv2, teamsCsv2 } from '../../src/core/ssj2/canonical.js';
import { draw2 } from '../../src/core/ssj2/draw.js';
import { applyEvent2 } from '../../src/core/ssj2/events.js';
import type { DrawState2 } from '../../src/core/ssj2/state.js';
import type { DrawInput2, EventType2 } from '../../src/core/ssj2/types.js';
import { ProtocolError } from '../../src/core/errors.js';
import { generatedInput, prng } from '../helpers/ssj2.js';

/**
 * Two implementations written apart must agree (DESIGN.md SSJ-2 Precisions): the TypeScript and the Python reference
 * (test/vectors/ssj2_reference.py, written from the design text) on generated rosters and plans, including which
 * draws fail, which events are refused, every recorded outcome and the state after every event.
 */
const REFERENCE = join(import.meta.dirname, '..', 'vectors', 'ssj2_reference.py');
const CASES = 150;

const files = (s: DrawState2, input: DrawInput2) => ({
  'selection.csv': selectionCsv(
    input.strata.map((x) => x.name),
    s.selection,
  ),
  'teams.csv': teamsCsv2(s.teams),
  'check-items.csv': checkItemsCsv2(s.checkItems),
});

/** The input as the reference reads it: plan.json's shape, a text seed, the populations by stratum. */
function asVector(input: DrawInput2, events: object[]) {
  return {
    plan: {
      id: input.planId,
      strata: input.strata.map((s) => ({
        name: s.name,
        ...s.rule,
        reserves: s.reserves,
        ...(s.team ? { team: s.team } : {}),
      })),
      team: input.team,
      items: { perEnterprise: input.itemsPerEnterprise },
      ...(input.joint ? { joint: input.joint } : {}),
    },
    seedKind: 'text',
    seedInput: input.seed,
    seedSecret: null,
    population: Object.fromEntries(input.strata.map((s) => [s.name, s.population])),
    pool: input.pool,
    removed: input.removed,
    inspectors: input.inspectors,
    items: input.items,
    conflicts: input.conflicts,
    events,
  };
}

it(`the TypeScript and the independent Python reference agree on ${CASES} generated SSJ-2 cases with events`, () => {
  const cases: object[] = [];
  const expected: unknown[] = [];
  let accepted = 0;
  for (let n = 0; n < CASES; n++) {
    const input = generatedInput(5000 + n);
    let state: DrawState2;
    try {
      state = draw2(input);
    } catch (e) {
      if (!(e instanceof ProtocolError)) throw e;
      cases.push(asVector(input, []));
      expected.push('drawFailed');
      continue;
    }
    const out: unknown[] = [];
    const requests: object[] = [];
    const r = prng(n * 31 + 7);
    const outcome = { strata: state.strata, draw: files(state, input), events: out };
    for (let k = 0; k < 10; k++) {
      // Mostly events that make sense (a selected enterprise, a member of its team); some that must be refused.
      const rows = r() < 0.85 ? state.processingOrder() : state.selection;
      const e = rows[Math.floor(r() * rows.length)]!;
      const team = state.teams.get(e.uscc) ?? [];
      const certNo =
        r() < 0.9 && team.length
          ? team[Math.floor(r() * team.length)]!.certNo
          : input.inspectors[k % input.inspectors.length]!.certNo;
      const type = (['recusal', 'reassign', 'swap', 'replacement'] as EventType2[])[Math.floor(r() * 4)]!;
      const req = {
        type,
        uscc: e.uscc,
        certNo: type === 'replacement' ? '' : certNo,
        seed: r() < 0.3 ? `fresh ${n}/${k}` : '',
        reason: '',
      };
      requests.push(req);
      try {
        const o = applyEvent2(state, req);
        accepted++;
        out.push({
          replacementCertNo: o.replacementCertNo,
          replacementUscc: o.replacementUscc,
          ...files(state, input),
        });
      } catch (err) {
        if (!(err instanceof ProtocolError)) throw err;
        out.push('refused');
      }
    }
    cases.push(asVector(input, requests));
    expected.push(outcome);
  }
  const dir = mkdtempSync(join(tmpdir(), 'ssj2-cross-'));
  try {
    writeFileSync(join(dir, 'in.json'), JSON.stringify(cases));
    const py = spawnSync('python3', [REFERENCE, '--batch', join(dir, 'in.json'), join(dir, 'out.json')], {
      encoding: 'utf8',
    });
    expect(py.status, py.stderr).toBe(0);
    const got = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Record<string, unknown>[];
    const normal = got.map((g) =>
      'drawFailed' in g
        ? 'drawFailed'
        : {
            ...g,
            events: (g.events as Record<string, unknown>[]).map((ev) => ('refused' in ev ? 'refused' : ev)),
          },
    );
    normal.forEach((g, i) => expect(g, `case ${i} (seed ${5000 + i})`).toEqual(expected[i]));
    expect(expected.filter((x) => x !== 'drawFailed').length).toBeGreaterThan(50);
    expect(accepted).toBeGreaterThan(300);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
