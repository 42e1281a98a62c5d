import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS, type AuditEntry } from '../../src/audit/log.js';
import { checkChain, checkPublishedHead, firstStateDifference } from '../../src/audit/verify.js';
import { summarize } from '../../src/cli/commands/audit.js';
import { draw } from '../../src/core/draw.js';
import type { StoredState } from '../../src/db/draws.js';
import { syntheticInput } from '../helpers/protocol.js';

/** A well-formed chain of n entries, built as appendAudit builds it. */
function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const e = {
      seq,
      at: `2024-01-0${seq}T00:00:00.000Z`,
      operator: '张三',
      action: `act${seq}`,
      planId: seq % 2 ? '2024Q1' : null,
      payload: canonicalJson({ n: seq }),
    };
    const hash = entryHash(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('checkChain: the first broken entry', () => {
  it('accepts an empty log and a whole chain', () => {
    expect(checkChain([])).toBeUndefined();
    expect(checkChain(chain(5))).toBeUndefined();
  });

  const cases: [string, (c: AuditEntry[]) => AuditEntry[], { code: string; params: Record<string, unknown> }][] = [
    [
      'an edited payload',
      (c) => c.map((e) => (e.seq === 3 ? { ...e, payload: canonicalJson({ n: 99 }) } : e)),
      { code: 'audit.chain.edited', params: { seq: 3 } },
    ],
    [
      'an edited operator',
      (c) => c.map((e) => (e.seq === 2 ? { ...e, operator: '李四' } : e)),
      { code: 'audit.chain.edited', params: { seq: 2 } },
    ],
    [
      'an edited time',
      (c) => c.map((e) => (e.seq === 5 ? { ...e, at: '2023-12-31T00:00:00.000Z' } : e)),
      { code: 'audit.chain.edited', params: { seq: 5 } },
    ],
    [
      'a deleted entry in the middle',
      (c) => c.filter((e) => e.seq !== 2),
      { code: 'audit.chain.missing', params: { seq: 2, next: 3 } },
    ],
    ['a deleted first entry', (c) => c.slice(1), { code: 'audit.chain.missing', params: { seq: 1, next: 2 } }],
    [
      'a deleted entry with the later ones renumbered',
      (c) => c.filter((e) => e.seq !== 2).map((e) => (e.seq > 2 ? { ...e, seq: e.seq - 1 } : e)),
      { code: 'audit.chain.prevHash', params: { seq: 2, previous: 1 } },
    ],
    [
      'two payloads swapped',
      (c) =>
        c.map((e) =>
          e.seq === 2 ? { ...e, payload: c[3]!.payload } : e.seq === 4 ? { ...e, payload: c[1]!.payload } : e,
        ),
      { code: 'audit.chain.edited', params: { seq: 2 } },
    ],
    [
      'two whole entries swapped (seqs kept)',
      (c) => [c[0]!, { ...c[2]!, seq: 2 }, { ...c[1]!, seq: 3 }, c[3]!, c[4]!],
      { code: 'audit.chain.prevHash', params: { seq: 2 } },
    ],
    [
      'two seqs exchanged',
      (c) => [c[0]!, { ...c[2]!, seq: 2 }, { ...c[1]!, seq: 3 }, c[3]!],
      { code: 'audit.chain.prevHash', params: { seq: 2 } },
    ],
    [
      'a recomputed hash that no longer links',
      (c) =>
        c.map((e) => (e.seq === 3 ? { ...e, payload: '{}', hash: entryHash(e.prevHash, { ...e, payload: '{}' }) } : e)),
      { code: 'audit.chain.prevHash', params: { seq: 4 } },
    ],
    [
      'a duplicated seq',
      (c) => [c[0]!, c[1]!, c[1]!, c[2]!],
      { code: 'audit.chain.badSeq', params: { seq: 2, position: 3 } },
    ],
  ];
  it.each(cases)('finds %s', (_name, tamper, expected) => {
    expect(checkChain(tamper(chain(5)))).toMatchObject(expected);
  });
});

describe('checkPublishedHead', () => {
  const c = chain(4);
  it.each([
    [c[3]!.hash, undefined],
    [`4:${c[3]!.hash}`, undefined],
    [`2：${c[1]!.hash.slice(0, 16)}`, undefined],
    [`3:${c[1]!.hash}`, 'audit.head.missing'],
    ['f'.repeat(64), 'audit.head.missing'],
    ['abc', 'audit.head.bad'],
  ])('%s → %s', (head, code) => {
    expect(checkPublishedHead(c, head)?.code).toBe(code);
  });
});

describe('firstStateDifference', () => {
  const fresh = (): StoredState => {
    const s = draw(syntheticInput(120, 12));
    return {
      selection: s.selection.map((r) => ({ ...r })),
      teams: new Map([...s.teams].map(([k, v]) => [k, v.map((x) => ({ ...x }))])),
      checkItems: new Map([...s.checkItems].map(([k, v]) => [k, v.map((x) => ({ ...x }))])),
    };
  };
  it('finds nothing in an identical state', () => {
    expect(firstStateDifference(fresh(), fresh())).toBeUndefined();
  });
  it('names the enterprise and field of a changed selection row', () => {
    const stored = fresh();
    const reserve = stored.selection.find((r) => r.role === 'reserve')!;
    reserve.role = 'selected';
    expect(firstStateDifference(fresh(), stored)).toEqual({
      part: 'selection',
      key: reserve.uscc,
      field: 'role',
      stored: 'selected',
      derived: 'reserve',
    });
  });
  it('names a removed and an added selection row', () => {
    const removed = fresh();
    const gone = removed.selection.pop()!;
    expect(firstStateDifference(fresh(), removed)).toMatchObject({ part: 'selection', key: gone.uscc, stored: '-' });
    const added = fresh();
    added.selection.push({ ...gone, uscc: '91000000000000000X' });
    expect(firstStateDifference(fresh(), added)).toMatchObject({
      part: 'selection',
      key: '91000000000000000X',
      derived: '-',
    });
  });
  it('names the seat of a changed team member', () => {
    const stored = fresh();
    const [uscc, seats] = [...stored.teams][0]!;
    seats[1]!.certNo = 'X';
    expect(firstStateDifference(fresh(), stored)).toMatchObject({
      part: 'teams',
      key: `${uscc} #2`,
      field: 'certNo',
      stored: 'X',
    });
  });
  it('names a changed check item', () => {
    const stored = fresh();
    const [uscc, items] = [...stored.checkItems][0]!;
    items[0]!.code = 'ZZ';
    expect(firstStateDifference(fresh(), stored)).toMatchObject({
      part: 'checkItems',
      key: `${uscc} #1`,
      field: 'code',
      stored: 'ZZ',
    });
  });
});

describe('summarize (audit log text)', () => {
  it.each([
    [{ drawId: 1, seed: 'abc', hashes: { x: 'a'.repeat(64) }, results: [1, 2] }, 'drawId=1 seed=abc results[2]'],
    [
      { drawId: 3, event: { type: 'recusal', seq: 1, seed: '' }, resultHash: 'b'.repeat(64) },
      `drawId=3 event.seq=1 event.type=recusal resultHash=${'b'.repeat(12)}…`,
    ],
    [{ resultHash: 'a'.repeat(64) }, `resultHash=${'a'.repeat(12)}…`],
    [{ note: '很'.repeat(50) }, `note=${'很'.repeat(32)}…`],
  ])('%j', (payload, text) => {
    expect(summarize({ payload: canonicalJson(payload) })).toBe(text);
  });
});
