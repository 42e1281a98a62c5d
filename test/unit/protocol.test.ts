import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draw, smallestK } from '../../src/core/draw.js';
import { ceilRatio, drawCount, parseRatio } from '../../src/domain/ratio.js';
import { normalizeSeed, rfc3797Key } from '../../src/core/seed.js';
import { ProtocolError } from '../../src/core/errors.js';
import { ticket } from '../../src/core/ticket.js';
import { cmp, parseCsv, poolEnterprisesCsv, readPoolEnterprises } from '../../src/core/canonical.js';
import { shuffled, syntheticInput, tinyInput, VECTORS } from '../helpers/protocol.js';

const RFC_SEED = '9319./2.5.8.10.12./9.18.26.34.41.45./';

describe('seed', () => {
  it('builds the RFC 3797 key of RFC 3797 section 6', () => {
    expect(rfc3797Key('9319 / 2 5 12 8 10 / 9 18 26 34 41 45')).toBe(RFC_SEED);
    expect(rfc3797Key('9319/2 5 12 8 10/9 18 26 34 41 45/')).toBe(RFC_SEED);
  });
  it('sorts numerically, drops leading zeros and accepts full-width digits', () => {
    expect(rfc3797Key('10 09 1 / ０３')).toBe('1.9.10./3./');
  });
  it('rejects non-numbers and empty sources', () => {
    expect(() => rfc3797Key('1 2 x')).toThrow();
    expect(() => rfc3797Key('1 / / 2')).toThrow();
    expect(() => rfc3797Key('')).toThrow();
  });
  it('normalises to NFC and trims', () => {
    expect(normalizeSeed('  e\u0301 ')).toBe('\u00e9');
  });
});

describe('ticket', () => {
  // Vectors computed independently with Python's hashlib (docs/ALGORITHM.md "Test vectors").
  it.each([
    [RFC_SEED, 'E', '2024Q1', '91350100M000100Y43', '87ba054746f63e667794bae7d4ee5d6c7afd8d68ae41c6d146345c093491b84b'],
    [
      RFC_SEED,
      'I',
      '2024Q1/91350100M000100Y43',
      '3713230001',
      'c86fee169014a44bd8b9d4bd575bab67917f4f755cf4f1d0130d2ff93b84f65b',
    ],
    [
      RFC_SEED,
      'C',
      '2024Q1/91350100M000100Y43',
      'WH-01',
      'f6f67442b9ddc29658a2e36a4a7a28925548f87788d6a2bf0fa6d84944fb9781',
    ],
    [
      RFC_SEED,
      'R',
      '2024Q1/91350100M000100Y43/1',
      '3713230002',
      '7b2ffee2a0280a7174d7fdfa6d018230a72343b2fd2f76a1d82d5ffaf05507f2',
    ],
    [
      '体彩 第24010期 03 11 19 27 31 + 04 09',
      'E',
      '2024Q1',
      '914403001922038216',
      'bf83daf4692c64160a9c6834ffd31b2ad6ff5c8d7d3f829947d56e98c7edf2e0',
    ],
  ] as const)('ticket(%s, %s, %s, %s)', (seed, stage, scope, id, expected) => {
    expect(ticket(seed, stage, scope, id)).toBe(expected);
  });
});

describe('ratio arithmetic is exact', () => {
  it.each([
    ['5%', 200, 10],
    ['5%', 201, 11],
    ['0.05', 200, 10],
    ['1/20', 200, 10],
    ['12.5%', 8, 1],
    ['20%', 0, 0],
    ['0.07', 100, 7],
    ['100%', 3, 3],
  ] as const)('%s of %i is %i', (r, pop, n) => expect(ceilRatio(parseRatio(r), pop)).toBe(n));
  it('applies min, then the pool size', () => {
    expect(drawCount({ ratio: '5%', min: 3 }, 20, 100)).toBe(3);
    expect(drawCount({ ratio: '50%' }, 200, 30)).toBe(30);
    expect(drawCount({ count: 4 }, 200, 100)).toBe(4);
  });
  it.each(['5', '%', '-5%', '101%', '1/0', 'abc', '5 %%'])('rejects %s', (r) => expect(() => parseRatio(r)).toThrow());
});

describe('canonical files', () => {
  it('quotes only what needs quoting and round-trips', () => {
    const pool = [
      { stratum: 'A', uscc: '2', name: '甲,乙"丙"公司', industry: '机械' },
      { stratum: 'A', uscc: '1', name: '（有限公司）', industry: '' },
    ];
    const text = poolEnterprisesCsv(['A'], pool);
    expect(text).toBe('stratum,uscc,name,industry\nA,1,（有限公司）,\nA,2,"甲,乙""丙""公司",机械\n');
    expect(readPoolEnterprises(text)).toEqual([pool[1], pool[0]]);
  });
  it('sorts by code point like Python', () => {
    expect(['\u{20000}', '\uffff', 'a'].sort(cmp)).toEqual(['a', '\uffff', '\u{20000}']);
  });
  it('parses CRLF and embedded newlines', () => {
    expect(parseCsv('a,b\r\n"x\ny",2\r\n')).toEqual([{ a: 'x\ny', b: '2' }]);
  });
});

describe('smallestK', () => {
  it('equals a full sort', () => {
    const keys = Array.from({ length: 500 }, (_, i) => ticket('s', 'E', 'p', String(i)));
    expect(smallestK(keys, 37, (k) => k)).toEqual([...keys].sort(cmp).slice(0, 37));
    expect(smallestK(keys, 0, (k) => k)).toEqual([]);
    expect(smallestK(keys.slice(0, 5), 10, (k) => k)).toEqual([...keys.slice(0, 5)].sort(cmp));
  });
});

describe('draw', () => {
  it('reproduces the small complete vector of docs/ALGORITHM.md (computed independently in Python)', () => {
    const input = tinyInput();
    expect(rfc3797Key(input.seedRfc3797)).toBe(input.seed);
    const expected = JSON.parse(readFileSync(join(VECTORS, 'tiny-expected.json'), 'utf8'));
    const s = draw(input);
    expect(s.selection).toEqual(expected.selection);
    expect(Object.fromEntries(s.teams)).toEqual(expected.teams);
    expect(Object.fromEntries(s.checkItems)).toEqual(expected.checkItems);
  });

  it('gives identical results for shuffled input rows', () => {
    const input = syntheticInput(400, 20);
    const a = draw(input);
    const b = draw({
      ...input,
      pool: shuffled(input.pool),
      inspectors: shuffled(input.inspectors, 3),
      items: shuffled(input.items, 5),
    });
    expect(b.selection).toEqual(a.selection);
    expect([...b.teams]).toEqual([...a.teams]);
    expect([...b.checkItems]).toEqual([...a.checkItems]);
  });

  it('changes completely with the seed', () => {
    const input = syntheticInput(400, 20);
    const a = draw(input).selection.map((r) => r.uscc);
    const b = draw({ ...input, seed: `${input.seed}.` }).selection.map((r) => r.uscc);
    expect(b).not.toEqual(a);
  });

  it('draws exact counts per stratum with reserves after them', () => {
    const input = syntheticInput(400, 20);
    const s = draw(input);
    expect(s.strata).toEqual([
      { name: '重点', population: 100, pool: 100, selected: 20, reserves: 3 },
      { name: '一般', population: 300, pool: 300, selected: 15, reserves: 3 },
    ]);
    const ranks = s.selection.filter((r) => r.stratum === '一般');
    expect(ranks.map((r) => r.rank)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(ranks.slice(15).every((r) => r.role === 'reserve')).toBe(true);
    // Selected are exactly the smallest tickets of the stratum.
    const all = input.pool
      .filter((e) => e.stratum === '一般')
      .map((e) => ticket(input.seed, 'E', input.planId, e.uscc))
      .sort(cmp);
    expect(ranks.map((r) => r.ticket)).toEqual(all.slice(0, 18));
  });

  it('fills every team with its size and specialists, respects maxPerInspector, and never seats a declared conflict', () => {
    const input = syntheticInput(400, 20);
    const first = draw(input);
    // Declare a conflict for every member of every first-draw team: they must all move.
    const conflicts = [...first.teams].flatMap(([uscc, seats]) => seats.map((s) => ({ certNo: s.certNo, uscc })));
    const s = draw({ ...input, conflicts });
    const load = new Map<string, number>();
    for (const [uscc, seats] of s.teams) {
      const e = s.row(uscc)!;
      expect(seats.map((x) => x.seat)).toEqual([1, 2]);
      expect(new Set(seats.map((x) => x.certNo)).size).toBe(2);
      expect(s.isSpecialistFor(seats[0]!.certNo, e.industry)).toBe(true);
      for (const x of seats) {
        expect(conflicts.some((c) => c.uscc === uscc && c.certNo === x.certNo)).toBe(false);
        load.set(x.certNo, (load.get(x.certNo) ?? 0) + 1);
      }
    }
    expect(Math.max(...load.values())).toBeLessThanOrEqual(6);
  });

  it('fails naming the enterprise when specialists run out', () => {
    const input = syntheticInput(40, 20);
    const noSpecialists = input.inspectors.map((i) => ({ ...i, specialties: [] }));
    expect(() => draw({ ...input, inspectors: noSpecialists })).toThrowError(ProtocolError);
    try {
      draw({ ...input, inspectors: noSpecialists });
    } catch (e) {
      expect((e as ProtocolError).code).toBe('draw.infeasibleSpecialists');
      expect((e as ProtocolError).details.uscc).toMatch(/^91370322MA/);
    }
  });

  it('fails when too few inspectors are under the seat limit', () => {
    const input = syntheticInput(400, 4, { team: { size: 2, specialists: 0, maxPerInspector: 2 } });
    expect(() => draw(input)).toThrowError(/draw.infeasibleInspectors/);
  });
});

describe('docs/ALGORITHM.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'ALGORITHM.md'), 'utf8');
  it('prints the vectors the tests check', () => {
    const expected = JSON.parse(readFileSync(join(VECTORS, 'tiny-expected.json'), 'utf8'));
    for (const r of expected.selection)
      expect(doc).toContain(`| ${r.stratum} | ${r.rank} | ${r.uscc} | \`${r.ticket}\` | ${r.role} |`);
    for (const [uscc, seats] of Object.entries(expected.teams) as [
      string,
      { seat: number; certNo: string; ticket: string }[],
    ][])
      for (const s of seats) expect(doc).toContain(`| ${uscc} | ${s.seat} | ${s.certNo} | \`${s.ticket}\` |`);
    expect(doc).toContain('`9319./2.5.8.10.12./9.18.26.34.41.45./`');
    expect(doc).toContain('87ba054746f63e667794bae7d4ee5d6c7afd8d68ae41c6d146345c093491b84b');
  });
});

describe('plan validation', () => {
  it('accepts its own output (stored plans are validated again when read)', async () => {
    const { validatePlan } = await import('../../src/domain/plan.js');
    const p = validatePlan({
      id: 'P',
      title: 't',
      year: 2024,
      window: { start: '2024-01-01', end: '2024-02-01' },
      cap: { perYear: 1 },
      strata: [{ name: 'a', ratio: '5%' }],
      team: { size: 2 },
    });
    expect(p.team.maxPerInspector).toBeNull();
    expect(validatePlan(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });
});

describe('parallel inspector orders', () => {
  it('draw with precomputed enterprises and orders equals the plain draw', async () => {
    const { drawEnterprises, inspectorOrder } = await import('../../src/core/draw.js');
    const input = syntheticInput(400, 20);
    const plain = draw(input);
    const enterprises = drawEnterprises(input);
    const certNos = input.inspectors.map((i) => i.certNo);
    const orders = new Map(
      enterprises.selection.map((r) => [r.uscc, inspectorOrder(input.seed, input.planId, r.uscc, certNos)]),
    );
    const hinted = draw(input, { enterprises, orders });
    expect(hinted.selection).toEqual(plain.selection);
    expect([...hinted.teams]).toEqual([...plain.teams]);
    expect([...hinted.checkItems]).toEqual([...plain.checkItems]);
    // An order is the inspectors sorted by their I ticket.
    const u = enterprises.selection[0]!.uscc;
    const byTicket = [...certNos].sort((a, b) =>
      cmp(ticket(input.seed, 'I', `${input.planId}/${u}`, a), ticket(input.seed, 'I', `${input.planId}/${u}`, b)),
    );
    expect([...orders.get(u)!].map((i) => certNos[i])).toEqual(byTicket);
  });

  it('worker threads give the same orders as the main thread', async () => {
    const { inspectorOrders } = await import('../../dist/parallel/inspector-orders.js' as string);
    const { inspectorOrder } = await import('../../src/core/draw.js');
    const certNos = Array.from({ length: 300 }, (_, i) => `C${i}`);
    const usccs = Array.from({ length: 1000 }, (_, i) => `U${i}`);
    const orders: Map<string, Uint32Array> = await inspectorOrders('s', 'P', usccs, certNos);
    expect(orders.size).toBe(1000);
    for (const u of ['U0', 'U499', 'U999'])
      expect([...orders.get(u)!]).toEqual([...inspectorOrder('s', 'P', u, certNos)]);
  });
});
