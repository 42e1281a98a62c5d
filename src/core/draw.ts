import { drawCount } from '../domain/ratio.js';
import { ProtocolError } from './errors.js';
import { DrawState, type DrawInput } from './state.js';
import { ticketer } from './ticket.js';
import type { PoolEnterprise, SelectionRow, StratumCount } from './types.js';

export { DrawState, type DrawInput } from './state.js';
export { ProtocolError } from './errors.js';

/**
 * The k smallest items by key, ascending, without sorting the whole pool (1,000,000 enterprises, k around 10,000).
 * Keys are tickets: lowercase hex, so JavaScript's string comparison is code-point order.
 */
export function smallestK<T>(items: Iterable<T>, k: number, key: (t: T) => string): T[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  if (k <= 0) return [];
  // Max-heap on key holding the k smallest seen so far.
  const heap: { key: string; item: T }[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmp(heap[p]!.key, heap[i]!.key) >= 0) break;
      [heap[p], heap[i]] = [heap[i]!, heap[p]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && cmp(heap[l]!.key, heap[m]!.key) > 0) m = l;
      if (r < heap.length && cmp(heap[r]!.key, heap[m]!.key) > 0) m = r;
      if (m === i) return;
      [heap[m], heap[i]] = [heap[i]!, heap[m]!];
      i = m;
    }
  };
  for (const item of items) {
    const kk = key(item);
    if (heap.length < k) {
      heap.push({ key: kk, item });
      up(heap.length - 1);
    } else if (cmp(kk, heap[0]!.key) < 0) {
      heap[0] = { key: kk, item };
      down(0);
    }
  }
  return heap.sort((a, b) => cmp(a.key, b.key)).map((h) => h.item);
}

/** Enterprises drawn per stratum (SSJ-1 sections 4 and 5), before items and teams. */
export interface EnterpriseDraw {
  counts: StratumCount[];
  selection: SelectionRow[];
  hashes: number;
}

export function drawEnterprises(input: DrawInput, hints: Pick<DrawHints, 'eKeySource'> = {}): EnterpriseDraw {
  const byStratum = new Map<string, PoolEnterprise[]>(input.strata.map((s) => [s.name, []]));
  for (const e of input.pool) {
    const list = byStratum.get(e.stratum);
    if (!list) throw new ProtocolError('draw.unknownStratum', { uscc: e.uscc, stratum: e.stratum });
    list.push(e);
  }
  const keys = hints.eKeySource?.(
    input.seed,
    input.planId,
    input.pool.map((e) => e.uscc),
  );
  const keysOf = new Map<string, number[]>(input.strata.map((s) => [s.name, []]));
  if (keys) input.pool.forEach((e, i) => keysOf.get(e.stratum)!.push(keys[i]!));
  const eTicket = ticketer(input.seed, 'E', input.planId);
  const selection: SelectionRow[] = [];
  const counts: StratumCount[] = [];
  let hashes = 0;
  for (const s of input.strata) {
    const members = byStratum.get(s.name)!;
    const n = drawCount(s.rule, s.population, members.length);
    const reserves = Math.min(s.reserves, members.length - n);
    const ticketed = candidates(members, keys ? keysOf.get(s.name)! : undefined, n + reserves).map((e) => ({
      e,
      ticket: eTicket(e.uscc),
    }));
    hashes += members.length;
    smallestK(ticketed, n + reserves, (x) => x.ticket).forEach((x, i) => {
      selection.push({
        stratum: s.name,
        rank: i + 1,
        uscc: x.e.uscc,
        name: x.e.name,
        industry: x.e.industry,
        ticket: x.ticket,
        role: i < n ? 'selected' : 'reserve',
      });
    });
    counts.push({ name: s.name, population: s.population, pool: members.length, selected: n, reserves });
  }
  return { counts, selection, hashes };
}

/**
 * The members that can be among the k smallest tickets, given the first 32 bits of every member's ticket: those whose
 * key is at most the k-th smallest key. A member with a larger key has a larger ticket than each of at least k others
 * (hex tickets compare as their bytes do), so it cannot be drawn; the rest are ranked by their full tickets as before.
 */
function candidates(members: PoolEnterprise[], keys: number[] | undefined, k: number): PoolEnterprise[] {
  if (!keys || k >= members.length) return members;
  if (k <= 0) return [];
  const limit = Uint32Array.from(keys).sort()[k - 1]!;
  return members.filter((_, j) => keys[j]! <= limit);
}

/** Pool inspector indices in ascending ticket("I", planId/uscc, certNo) order. */
export function inspectorOrder(seed: string, planId: string, uscc: string, certNos: readonly string[]): Uint32Array {
  const t = ticketer(seed, 'I', `${planId}/${uscc}`);
  const tickets = certNos.map(t);
  const order = Uint32Array.from(certNos.keys());
  return order.sort((a, b) => (tickets[a]! < tickets[b]! ? -1 : tickets[a]! > tickets[b]! ? 1 : 0));
}

/**
 * Inspector orders (inspectorOrder) for the given enterprises, computed elsewhere: src/parallel/orders-sync.ts spreads
 * them over the cores. Called by draw() and draw2() with the selected enterprises once they are known.
 */
export type OrderSource = (
  seed: string,
  planId: string,
  usccs: readonly string[],
  certNos: readonly string[],
) => ReadonlyMap<string, Uint32Array>;

/**
 * Work done elsewhere that draw() may reuse: the enterprise draw, and inspector orders computed in parallel (given,
 * or asked of orderSource once the selection is known).
 */
export interface DrawHints {
  enterprises?: EnterpriseDraw;
  orders?: ReadonlyMap<string, Uint32Array>;
  orderSource?: OrderSource;
  eKeySource?: EKeySource;
}

/**
 * The first 32 bits of ticket("E", planId, uscc) for each uscc (the number its first 8 hex digits spell), computed
 * elsewhere (src/parallel/ekeys-sync.ts, on every core); undefined when the source declines (a small pool).
 */
export type EKeySource = (seed: string, planId: string, usccs: readonly string[]) => Uint32Array | undefined;

/** The orders the hints give for a selection: hints.orders, or what hints.orderSource computes, or none. */
export function hintedOrders(
  hints: DrawHints,
  seed: string,
  planId: string,
  selection: readonly SelectionRow[],
  certNos: () => string[],
): ReadonlyMap<string, Uint32Array> | undefined {
  if (hints.orders || !hints.orderSource) return hints.orders;
  const selected = selection.filter((r) => r.role === 'selected').map((r) => r.uscc);
  return hints.orderSource(seed, planId, selected, certNos());
}

/**
 * SSJ-1: draw enterprises per stratum, then check items and a team for each selected enterprise.
 * Pure and deterministic: the result depends only on the input's content, never on the order of its rows.
 * Throws ProtocolError when a team cannot be formed (nothing is returned, so nothing can be stored).
 * Hints only save work: draw(input, hints) equals draw(input) (tested).
 */
export function draw(input: DrawInput, hints: DrawHints = {}): DrawState {
  const { counts, selection, hashes } = hints.enterprises ?? drawEnterprises(input, hints);
  const state = new DrawState(
    input,
    counts,
    selection.map((r) => ({ ...r })),
  );
  state.hashes = hashes;
  const orders = hintedOrders(hints, input.seed, input.planId, selection, () => input.inspectors.map((i) => i.certNo));
  for (const e of state.processingOrder()) {
    state.checkItems.set(e.uscc, state.drawItems(e));
    state.teams.set(e.uscc, state.drawTeam(e, orders?.get(e.uscc)));
  }
  return state;
}
