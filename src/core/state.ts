import { cmp } from './canonical.js';
import { ticketer } from './ticket.js';
import type { CheckItem, Conflict, PoolEnterprise, PoolInspector, PoolItem, Seat, SelectionRow, StratumCount } from './types.js';
import type { CountRule } from './ratio.js';

/** Everything SSJ-1 needs, as published in the bundle: plan rules, seed and the four input files. */
export interface DrawInput {
  planId: string;
  /** NFC-normalised, trimmed seed. */
  seed: string;
  strata: { name: string; population: number; rule: CountRule; reserves: number }[];
  team: { size: number; specialists: number; maxPerInspector: number | null };
  itemsPerEnterprise: number;
  pool: PoolEnterprise[];
  inspectors: PoolInspector[];
  items: PoolItem[];
  conflicts: Conflict[];
}

/** A problem SSJ-1 itself reports: infeasible teams, events that cannot apply. Mapped to SsjError by callers. */
export class ProtocolError extends Error {
  constructor(
    readonly code: string,
    readonly details: Record<string, unknown>,
  ) {
    super(`${code} ${JSON.stringify(details)}`);
  }
}

/**
 * The state of a draw: selection, teams and check items, plus what events need (seat loads, conflicts gained by
 * recusal, recusal counts). Built by draw(), changed only by the event functions in events.ts.
 */
export class DrawState {
  readonly strata: StratumCount[];
  readonly selection: SelectionRow[];
  readonly teams = new Map<string, Seat[]>();
  readonly checkItems = new Map<string, CheckItem[]>();
  /** Seats held per inspector in this plan. */
  readonly load = new Map<string, number>();
  /** certNo|uscc pairs: declared before the draw, plus those gained by recusal. */
  readonly conflicts: Set<string>;
  /** uscc -> inspectors recused from it. */
  readonly recused = new Map<string, Set<string>>();
  /** uscc -> recusals and swaps so far (k in SSJ-1). */
  readonly eventCount = new Map<string, number>();
  readonly inspectorsByCert: Map<string, PoolInspector>;
  /** Number of SHA-256 computations so far (for the benchmark). */
  hashes = 0;

  constructor(
    readonly input: DrawInput,
    strata: StratumCount[],
    selection: SelectionRow[],
  ) {
    this.strata = strata;
    this.selection = selection;
    this.conflicts = new Set(input.conflicts.map((c) => conflictKey(c.certNo, c.uscc)));
    this.inspectorsByCert = new Map(input.inspectors.map((i) => [i.certNo, i]));
  }

  get maxPerInspector(): number {
    return this.input.team.maxPerInspector ?? Number.POSITIVE_INFINITY;
  }

  row(uscc: string): SelectionRow | undefined {
    return this.selection.find((r) => r.uscc === uscc);
  }

  /** Selected enterprises in processing order: ascending enterprise ticket across all strata. */
  processingOrder(): SelectionRow[] {
    return this.selection.filter((r) => r.role === 'selected').sort((a, b) => cmp(a.ticket, b.ticket));
  }

  hasConflict(certNo: string, uscc: string): boolean {
    return this.conflicts.has(conflictKey(certNo, uscc));
  }

  wasRecused(certNo: string, uscc: string): boolean {
    return this.recused.get(uscc)?.has(certNo) ?? false;
  }

  isSpecialistFor(certNo: string, industry: string): boolean {
    const i = this.inspectorsByCert.get(certNo);
    return industry !== '' && (i?.specialties.includes(industry) ?? false);
  }

  specialistsOn(seats: Seat[], industry: string): number {
    return seats.filter((s) => this.isSpecialistFor(s.certNo, industry)).length;
  }

  addLoad(certNo: string, delta: number): void {
    this.load.set(certNo, (this.load.get(certNo) ?? 0) + delta);
  }

  loadOf(certNo: string): number {
    return this.load.get(certNo) ?? 0;
  }

  /** Pool inspectors ranked for enterprise `uscc` by a ticket function, ascending. */
  rank(stage: 'I' | 'R', seed: string, scope: string): { inspector: PoolInspector; ticket: string }[] {
    const t = ticketer(seed, stage, scope);
    this.hashes += this.input.inspectors.length;
    return this.input.inspectors.map((inspector) => ({ inspector, ticket: t(inspector.certNo) })).sort((a, b) => cmp(a.ticket, b.ticket));
  }

  /** An enterprise's I ticket for one inspector (used by swaps). */
  iTicket(uscc: string, certNo: string): string {
    this.hashes++;
    return ticketer(this.input.seed, 'I', `${this.input.planId}/${uscc}`)(certNo);
  }

  /** Check items for an enterprise: applicable items in ascending C ticket, the first perEnterprise. */
  drawItems(e: { uscc: string; industry: string }): CheckItem[] {
    const t = ticketer(this.input.seed, 'C', `${this.input.planId}/${e.uscc}`);
    const applicable = this.input.items.filter((i) => i.industries === '*' || (e.industry !== '' && i.industries.includes(e.industry)));
    this.hashes += applicable.length;
    return applicable
      .map((i) => ({ code: i.code, ticket: t(i.code) }))
      .sort((a, b) => cmp(a.ticket, b.ticket))
      .slice(0, this.input.itemsPerEnterprise);
  }

  /**
   * A team for enterprise `e` (SSJ-1 "Teams"): candidates without a conflict and under the seat limit, in ascending
   * I ticket; the first `specialists` specialists take the first seats, then the first remaining candidates.
   */
  drawTeam(e: { uscc: string; name: string; industry: string }): Seat[] {
    const { size, specialists } = this.input.team;
    const ranked = this.rank('I', this.input.seed, `${this.input.planId}/${e.uscc}`).filter(
      ({ inspector }) => !this.hasConflict(inspector.certNo, e.uscc) && this.loadOf(inspector.certNo) < this.maxPerInspector,
    );
    const chosen = ranked.filter(({ inspector }) => this.isSpecialistFor(inspector.certNo, e.industry)).slice(0, specialists);
    if (chosen.length < specialists)
      throw new ProtocolError('draw.infeasibleSpecialists', { uscc: e.uscc, name: e.name, industry: e.industry, need: specialists, have: chosen.length });
    const taken = new Set(chosen.map((c) => c.inspector.certNo));
    for (const c of ranked) {
      if (chosen.length >= size) break;
      if (!taken.has(c.inspector.certNo)) chosen.push(c);
    }
    if (chosen.length < size) throw new ProtocolError('draw.infeasibleInspectors', { uscc: e.uscc, name: e.name, need: size, have: chosen.length });
    const seats = chosen.map((c, i) => ({ seat: i + 1, certNo: c.inspector.certNo, name: c.inspector.name, ticket: c.ticket }));
    for (const s of seats) this.addLoad(s.certNo, 1);
    return seats;
  }
}

export const conflictKey = (certNo: string, uscc: string): string => `${certNo}|${uscc}`;
