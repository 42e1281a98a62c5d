import { ProtocolError } from './errors.js';
import { ticketer } from './ticket.js';
import type {
  CheckItem,
  Conflict,
  PoolEnterprise,
  PoolInspector,
  PoolItem,
  Seat,
  SelectionRow,
  StratumCount,
} from './types.js';
import type { CountRule } from '../domain/ratio.js';

/** Tickets are lowercase hex (ASCII), where JavaScript's string order is code-point order; this is the fast path. */
export const byTicket = (a: { ticket: string }, b: { ticket: string }): number =>
  a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0;

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

/** A problem SSJ-1 itself reports (core/errors.ts); mapped to SsjError by src/app/errors.ts. */

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
  /** uscc -> certNos in conflict with it: declared before the draw, plus those gained by recusal. */
  private readonly conflictsByUscc = new Map<string, Set<string>>();
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
    for (const c of input.conflicts) this.addConflict(c.certNo, c.uscc);
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
    return this.selection.filter((r) => r.role === 'selected').sort(byTicket);
  }

  hasConflict(certNo: string, uscc: string): boolean {
    return this.conflictsByUscc.get(uscc)?.has(certNo) ?? false;
  }

  addConflict(certNo: string, uscc: string): void {
    let set = this.conflictsByUscc.get(uscc);
    if (!set) this.conflictsByUscc.set(uscc, (set = new Set()));
    set.add(certNo);
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
    return this.input.inspectors.map((inspector) => ({ inspector, ticket: t(inspector.certNo) })).sort(byTicket);
  }

  /** An enterprise's I ticket for one inspector (used by swaps). */
  iTicket(uscc: string, certNo: string): string {
    this.hashes++;
    return ticketer(this.input.seed, 'I', `${this.input.planId}/${uscc}`)(certNo);
  }

  /** Check items for an enterprise: applicable items in ascending C ticket, the first perEnterprise. */
  drawItems(e: { uscc: string; industry: string }): CheckItem[] {
    const t = ticketer(this.input.seed, 'C', `${this.input.planId}/${e.uscc}`);
    const applicable = this.input.items.filter(
      (i) => i.industries === '*' || (e.industry !== '' && i.industries.includes(e.industry)),
    );
    this.hashes += applicable.length;
    return applicable
      .map((i) => ({ code: i.code, ticket: t(i.code) }))
      .sort(byTicket)
      .slice(0, this.input.itemsPerEnterprise);
  }

  /**
   * A team for enterprise `e` (SSJ-1 "Teams"): candidates without a conflict and under the seat limit, in ascending
   * I ticket; the first `specialists` specialists take the first seats, then the first remaining candidates.
   * Implemented as repeated minimum searches rather than a full sort: a draw of 10,000 teams from 500 inspectors
   * spends its time hashing, and this keeps the rest linear.
   */
  drawTeam(e: { uscc: string; name: string; industry: string }, order?: Uint32Array): Seat[] {
    const { size, specialists } = this.input.team;
    const inspectors = this.input.inspectors;
    const t = ticketer(this.input.seed, 'I', `${this.input.planId}/${e.uscc}`);
    // With a precomputed order (inspector indices by ascending I ticket, see inspectorOrder) only the chosen are hashed here.
    const tickets = new Array<string>(inspectors.length);
    if (!order) for (let i = 0; i < inspectors.length; i++) tickets[i] = t(inspectors[i]!.certNo);
    this.hashes += inspectors.length;
    const conflicted = this.conflictsByUscc.get(e.uscc);
    const max = this.maxPerInspector;
    const eligible = inspectors.map((i) => !conflicted?.has(i.certNo) && this.loadOf(i.certNo) < max);
    const specialist = this.specialistMask(e.industry);
    const chosen: number[] = [];
    const pickFirst = (mustBeSpecialist: boolean): number => {
      let best = -1;
      if (order) {
        for (const i of order)
          if (eligible[i] && (!mustBeSpecialist || specialist[i])) {
            best = i;
            break;
          }
      } else {
        for (let i = 0; i < tickets.length; i++) {
          if (!eligible[i] || (mustBeSpecialist && !specialist[i])) continue;
          if (best < 0 || tickets[i]! < tickets[best]!) best = i;
        }
      }
      if (best >= 0) eligible[best] = false;
      return best;
    };
    for (let k = 0; k < specialists; k++) {
      const i = pickFirst(true);
      if (i < 0)
        throw new ProtocolError('draw.infeasibleSpecialists', {
          uscc: e.uscc,
          name: e.name,
          industry: e.industry,
          need: specialists,
          have: chosen.length,
        });
      chosen.push(i);
    }
    while (chosen.length < size) {
      const i = pickFirst(false);
      if (i < 0)
        throw new ProtocolError('draw.infeasibleInspectors', {
          uscc: e.uscc,
          name: e.name,
          need: size,
          have: chosen.length,
        });
      chosen.push(i);
    }
    const seats = chosen.map((i, k) => ({
      seat: k + 1,
      certNo: inspectors[i]!.certNo,
      name: inspectors[i]!.name,
      ticket: tickets[i] ?? t(inspectors[i]!.certNo),
    }));
    for (const s of seats) this.addLoad(s.certNo, 1);
    return seats;
  }

  private readonly masks = new Map<string, boolean[]>();
  /** For each pool inspector, whether it is a specialist for this industry (cached per industry). */
  private specialistMask(industry: string): boolean[] {
    let m = this.masks.get(industry);
    if (!m)
      this.masks.set(
        industry,
        (m = this.input.inspectors.map((i) => industry !== '' && i.specialties.includes(industry))),
      );
    return m;
  }
}
