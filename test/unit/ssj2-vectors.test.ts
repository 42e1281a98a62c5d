import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectionCsv } from '../../src/core/canonical.js';
import { checkItemsCsv2, teamsCsv2 } from '../../src/core/ssj2/canonical.js';
import { draw2 } from '../../src/core/ssj2/draw.js';
import { applyEvent2 } from '../../src/core/ssj2/events.js';
import { planRules2 } from '../../src/core/ssj2/plan-rules.js';
import { replay2 } from '../../src/core/ssj2/replay.js';
import { secretCommitment, ticketSeed } from '../../src/core/ssj2/seed.js';
import type { DrawState2 } from '../../src/core/ssj2/state.js';
import type { DrawEvent2, DrawInput2 } from '../../src/core/ssj2/types.js';
import { rfc3797Key, normalizeSeed } from '../../src/core/seed.js';
import { ProtocolError } from '../../src/core/errors.js';
import { verifyBundle } from '../../src/core/verify.js';
import { bundleFiles2 } from '../../src/io/bundle2.js';

/**
 * The SSJ-2 vectors (docs/ALGORITHM.md "SSJ-2 test vectors"), computed by test/vectors/ssj2_reference.py from
 * DESIGN.md alone: the TypeScript must give the same draw, the same state after every event, refuse the same events
 * and verify the bundle the reference wrote.
 */
const VECTORS = join(import.meta.dirname, '..', 'vectors');

interface Vector {
  plan: { title?: string };
  seedRule: { kind: 'rfc3797'; sources: string[] } | null;
  seedSource: string;
  frozenAt: string | null;
  drawnAt: string;
  seedKind: 'text' | 'rfc3797';
  seedInput: string;
  seedSecret: string | null;
  population: Record<string, number>;
  pool: DrawInput2['pool'];
  removed: DrawInput2['removed'];
  inspectors: (Omit<DrawInput2['inspectors'][number], 'kind'> & { kind: string })[];
  items: DrawInput2['items'];
  conflicts: DrawInput2['conflicts'];
  events: Omit<DrawEvent2, 'seq' | 'replacementCertNo' | 'replacementUscc'>[];
  refused: Omit<DrawEvent2, 'seq' | 'replacementCertNo' | 'replacementUscc'>[];
}
interface Expected {
  publicSeed: string;
  seed: string;
  secretCommitment: string | null;
  strata: unknown[];
  draw: Record<string, string>;
  after: (Record<string, string> & { seq: number; replacementCertNo: string; replacementUscc: string })[];
  refused: unknown[];
}

const load = (name: string) => ({
  v: JSON.parse(readFileSync(join(VECTORS, `${name}.json`), 'utf8')) as Vector,
  x: JSON.parse(readFileSync(join(VECTORS, `${name}-expected.json`), 'utf8')) as Expected,
});

function vectorInput(v: Vector): DrawInput2 {
  const rules = planRules2(v.plan);
  const publicSeed = v.seedKind === 'rfc3797' ? rfc3797Key(v.seedInput) : normalizeSeed(v.seedInput);
  return {
    algorithm: 'SSJ-2',
    planId: rules.id,
    seed: ticketSeed(publicSeed, v.seedSecret),
    strata: rules.strata.map((s) => ({ ...s, population: v.population[s.name]! })),
    team: rules.team,
    joint: rules.joint,
    itemsPerEnterprise: rules.itemsPerEnterprise,
    pool: v.pool,
    removed: v.removed,
    inspectors: v.inspectors.map((i) => ({ ...i, kind: i.kind === 'expert' ? 'expert' : 'officer' })),
    items: v.items.map((i) => ({ ...i, department: i.department ?? '' })),
    conflicts: v.conflicts,
  };
}

const files = (s: DrawState2, strata: string[]) => ({
  'selection.csv': selectionCsv(strata, s.selection),
  'teams.csv': teamsCsv2(s.teams),
  'check-items.csv': checkItemsCsv2(s.checkItems),
});

describe.each(['ssj2-joint', 'ssj2-override'])('SSJ-2 vector %s', (name) => {
  const { v, x } = load(name);
  const input = vectorInput(v);
  const strata = input.strata.map((s) => s.name);

  it('seed: public seed, secret commitment and ticket seed as the reference computes them', () => {
    expect(input.seed).toBe(x.seed);
    if (v.seedSecret) expect(secretCommitment(input.planId, v.seedSecret)).toBe(x.secretCommitment);
  });

  it('draw: the same counts, selection, teams with groups and check items', () => {
    const s = draw2(input);
    expect(s.strata).toEqual(x.strata);
    expect(files(s, strata)).toEqual(x.draw);
  });

  it('events: every recorded outcome and the state after each event', () => {
    const s = draw2(input);
    v.events.forEach((ev, i) => {
      const o = applyEvent2(s, ev);
      const want = x.after[i]!;
      expect([o.replacementCertNo, o.replacementUscc], `event ${i + 1}`).toEqual([
        want.replacementCertNo,
        want.replacementUscc,
      ]);
      expect(files(s, strata), `after event ${i + 1}`).toEqual({
        'selection.csv': want['selection.csv'],
        'teams.csv': want['teams.csv'],
        'check-items.csv': want['check-items.csv'],
      });
    });
    for (const ev of v.refused) {
      const before = JSON.stringify([files(s, strata), [...s.load], [...s.barred].map(([u, b]) => [u, [...b]])]);
      expect(() => applyEvent2(s, ev), JSON.stringify(ev)).toThrow(ProtocolError);
      expect(JSON.stringify([files(s, strata), [...s.load], [...s.barred].map(([u, b]) => [u, [...b]])])).toBe(before);
    }
  });

  it('replay2 reproduces every recorded outcome and ends in the reference state', () => {
    const events: DrawEvent2[] = x.after.map((a) => ({
      seq: a.seq,
      type: a.type as DrawEvent2['type'],
      uscc: a.uscc!,
      certNo: a.certNo!,
      replacementCertNo: a.replacementCertNo,
      replacementUscc: a.replacementUscc,
      seed: a.seed!,
      reason: a.reason!,
    }));
    const r = replay2(input, [...events].reverse());
    expect(r.mismatches).toEqual([]);
    expect(teamsCsv2(r.state.teams)).toBe(x.after.at(-1)!['teams.csv']);
  });

  it('ssj verify accepts the eleven-file bundle the reference wrote', () => {
    const dir = join(VECTORS, name);
    const bundle = new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    expect(bundle.size).toBe(11);
    const r = verifyBundle(bundle);
    expect(r.differences).toEqual([]);
    expect(r.verified).toBe(true);
  });

  it('the bundle writer gives the reference bundle byte for byte', () => {
    const s = draw2(input);
    const events: DrawEvent2[] = x.after.map((a) => ({
      seq: a.seq,
      type: a.type as DrawEvent2['type'],
      uscc: a.uscc!,
      certNo: a.certNo!,
      replacementCertNo: a.replacementCertNo,
      replacementUscc: a.replacementUscc,
      seed: a.seed!,
      reason: a.reason!,
    }));
    for (const ev of events) applyEvent2(s, ev);
    const written = bundleFiles2(v.plan, input, s, events, {
      title: v.plan.title ?? '',
      seedInput: v.seedInput,
      seedKind: v.seedKind,
      seedSource: v.seedSource,
      seedRule: v.seedRule,
      publicSeed: x.publicSeed,
      secretCommitment: x.secretCommitment,
      seedSecret: v.seedSecret,
      frozenAt: v.frozenAt,
      drawnAt: v.drawnAt,
    });
    const dir = join(VECTORS, name);
    expect([...written.keys()]).toEqual(readdirSync(dir).sort());
    for (const [file, text] of written) expect(text, file).toBe(readFileSync(join(dir, file), 'utf8'));
  });
});

describe('the ssj-bundle/2 writer never leaks an unrevealed secret', () => {
  it('refuses a bundle whose commitment has no revealed secret, or whose seed is not publicSeed#secret', () => {
    const { v, x } = load('ssj2-joint');
    const input = vectorInput(v);
    const s = draw2(input);
    const meta = {
      title: '',
      seedInput: v.seedInput,
      seedKind: v.seedKind,
      seedSource: v.seedSource,
      seedRule: v.seedRule,
      publicSeed: x.publicSeed,
      secretCommitment: x.secretCommitment,
      seedSecret: v.seedSecret,
      frozenAt: v.frozenAt,
      drawnAt: v.drawnAt,
    };
    expect(() => bundleFiles2(v.plan, input, s, [], { ...meta, seedSecret: null })).toThrow(/revealed/);
    expect(() => bundleFiles2(v.plan, { ...input, seed: x.publicSeed }, s, [], meta)).toThrow(/seed/);
    expect(bundleFiles2(v.plan, input, s, [], meta).get('manifest.json')).toContain(v.seedSecret!);
  });
});
