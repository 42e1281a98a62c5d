import { ProtocolError } from '../errors.js';
import { byTicket } from '../state.js';
import { ticketer } from '../ticket.js';
import type { CheckItem, SelectionRow } from '../types.js';
import { seatGroups } from './rules.js';
import type { DrawInput2, PoolInspector2, SeatGroup, Seat2, StratumCount2 } from './types.js';

/**
 * The state of an SSJ-2 draw: selection, teams (seats with their group) and check items, plus what events need: seat
 * loads, conflicts (declared, or gained by a recusal or swap), who is barred from which enterprise (recused,
 * reassigned or swapped away: never returns to it in this plan) and k per enterprise. Built by draw2(), changed only
 * by the event functions of ./events.ts.
 */
export class DrawState2 {
  readonly teams = new Map<string, Seat2[]>();
  readonly checkItems = new Map<string, CheckItem[]>();
  readonly load = new Map<string, number>();
  private readonly conflictsByUscc = new Map<string, Set<string>>();
  /** uscc -> inspectors barred from it (recusal, reassign, swap). A reassign adds no conflict. */
  readonly barred = new Map<string, Set<string>>();
  /** uscc -> accepted recusals, reassigns and swaps on it (k). */
  readonly eventCount = new Map<string, number>();
  readonly inspectorsByCert: Map<string, PoolInspector2>;
  private readonly strataByName: Map<string, DrawInput2['strata'][number]>;
  private readonly groupCache = new Map<string, SeatGroup[]>();
  private readonly groupMasks = new Map<string, boolean[]>();
  private readonly specialistMasks = new Map<string, boolean[]>();
  hashes = 0;

  constructor(
    readonly input: DrawInput2,
    readonly strata: StratumCount2[],
    readonly selection: SelectionRow[],
  ) {
    for (const c of input.conflicts) this.addConflict(c.certNo, c.uscc);
    this.inspectorsByCert = new Map(input.inspectors.map((i) => [i.certNo, i]));
    this.strataByName = new Map(input.strata.map((s) => [s.name, s]));
  }

  get maxPerInspector(): number {
    return this.input.team.maxPerInspector ?? Number.POSITIVE_INFINITY;
  }

  row(uscc: string): SelectionRow | undefined {
    return this.selection.find((r) => r.uscc === uscc);
  }

  processingOrder(): SelectionRow[] {
    return this.selection.filter((r) => r.role === 'selected').sort(byTicket);
  }

  /** The seat groups of an enterprise's team: the plan's, with its stratum's override (never with joint). */
  groupsFor(stratum: string): SeatGroup[] {
    let g = this.groupCache.get(stratum);
    if (!g) {
      g = seatGroups(this.input.team, this.input.joint, this.strataByName.get(stratum)?.team);
      this.groupCache.set(stratum, g);
    }
    return g;
  }

  group(stratum: string, name: string): SeatGroup {
    const g = this.groupsFor(stratum).find((x) => x.name === name);
    if (!g) throw new ProtocolError('event.unknownGroup', { stratum, group: name });
    return g;
  }

  /** Whether an inspector may sit in a group: its kind, and its department for a joint department group. */
  inGroup(i: PoolInspector2, g: SeatGroup): boolean {
    return i.kind === g.kind && (g.department === null || i.department === g.department);
  }

  hasConflict(certNo: string, uscc: string): boolean {
    return this.conflictsByUscc.get(uscc)?.has(certNo) ?? false;
  }

  addConflict(certNo: string, uscc: string): void {
    let set = this.conflictsByUscc.get(uscc);
    if (!set) this.conflictsByUscc.set(uscc, (set = new Set()));
    set.add(certNo);
  }

  isBarred(certNo: string, uscc: string): boolean {
    return this.barred.get(uscc)?.has(certNo) ?? false;
  }

  bar(certNo: string, uscc: string): void {
    let set = this.barred.get(uscc);
    if (!set) this.barred.set(uscc, (set = new Set()));
    set.add(certNo);
  }

  isSpecialistFor(certNo: string, industry: string): boolean {
    return industry !== '' && (this.inspectorsByCert.get(certNo)?.specialties.includes(industry) ?? false);
  }

  addLoad(certNo: string, delta: number): void {
    this.load.set(certNo, (this.load.get(certNo) ?? 0) + delta);
  }

  loadOf(certNo: string): number {
    return this.load.get(certNo) ?? 0;
  }

  /** The single place tickets for inspectors are made (the hashing fast path can change here only). */
  rank(stage: 'I' | 'R', seed: string, scope: string): { inspector: PoolInspector2; ticket: string }[] {
    const t = ticketer(seed, stage, scope);
    this.hashes += this.input.inspectors.length;
    return this.input.inspectors.map((inspector) => ({ inspector, ticket: t(inspector.certNo) })).sort(byTicket);
  }

  iTicket(uscc: string, certNo: string): string {
    this.hashes++;
    return ticketer(this.input.seed, 'I', `${this.input.planId}/${uscc}`)(certNo);
  }

  /**
   * Check items (SSJ-2 "Check items"): the applicable items, specific ones (listing the industry) first, then general
   * ones (exactly '*'), each part by C ticket; the first items.perEnterprise, or with joint each department's quota of
   * its own items (an empty department is the lead's). Returned in ticket order, as check-items.csv lists them.
   */
  drawItems(e: { uscc: string; industry: string }): CheckItem[] {
    const t = ticketer(this.input.seed, 'C', `${this.input.planId}/${e.uscc}`);
    const specific: CheckItem[] = [];
    const general: CheckItem[] = [];
    const deptOf = new Map<string, string>();
    for (const i of this.input.items) {
      const isGeneral = i.industries === '*';
      if (!isGeneral && (e.industry === '' || !i.industries.includes(e.industry))) continue;
      (isGeneral ? general : specific).push({ code: i.code, ticket: t(i.code) });
      deptOf.set(i.code, i.department);
    }
    this.hashes += specific.length + general.length;
    const order = [...specific.sort(byTicket), ...general.sort(byTicket)];
    const joint = this.input.joint;
    let chosen: CheckItem[];
    if (!joint) chosen = order.slice(0, this.input.itemsPerEnterprise);
    else
      chosen = joint.departments.flatMap((d, j) =>
        order
          .filter((c) => {
            const dept = deptOf.get(c.code)!;
            return dept === d.name || (j === 0 && dept === '');
          })
          .slice(0, d.items),
      );
    return chosen.sort(byTicket);
  }

  private groupMask(g: SeatGroup): boolean[] {
    const key = `${g.kind}|${g.department ?? ''}`;
    let m = this.groupMasks.get(key);
    if (!m) this.groupMasks.set(key, (m = this.input.inspectors.map((i) => this.inGroup(i, g))));
    return m;
  }

  private specialistMask(industry: string): boolean[] {
    let m = this.specialistMasks.get(industry);
    if (!m)
      this.specialistMasks.set(
        industry,
        (m = this.input.inspectors.map((i) => industry !== '' && i.specialties.includes(industry))),
      );
    return m;
  }

  /**
   * A team for enterprise `e` (SSJ-2 "Teams"): group by group, candidates of the group's kind (and department), not
   * yet seated on e, without a conflict and under the seat limit, in ascending I ticket; an officer group takes its
   * specialists first, then the first remaining candidates; the expert group only specialists. Seats are numbered
   * across groups. With a precomputed order (inspector indices by ascending I ticket, ../draw.ts inspectorOrder) only
   * the chosen are hashed; otherwise repeated minimum searches keep it linear in the pool.
   */
  drawTeam(e: { uscc: string; name: string; industry: string; stratum: string }, order?: Uint32Array): Seat2[] {
    const inspectors = this.input.inspectors;
    const t = ticketer(this.input.seed, 'I', `${this.input.planId}/${e.uscc}`);
    const tickets = new Array<string>(inspectors.length);
    if (!order) for (let i = 0; i < inspectors.length; i++) tickets[i] = t(inspectors[i]!.certNo);
    this.hashes += inspectors.length;
    const conflicted = this.conflictsByUscc.get(e.uscc);
    const max = this.maxPerInspector;
    const free = inspectors.map((i) => !conflicted?.has(i.certNo) && this.loadOf(i.certNo) < max);
    const specialist = this.specialistMask(e.industry);
    const seats: Seat2[] = [];
    for (const g of this.groupsFor(e.stratum)) {
      const member = this.groupMask(g);
      const pickFirst = (mustBeSpecialist: boolean): number => {
        let best = -1;
        if (order) {
          for (const i of order)
            if (free[i] && member[i] && (!mustBeSpecialist || specialist[i])) {
              best = i;
              break;
            }
        } else
          for (let i = 0; i < tickets.length; i++) {
            if (!free[i] || !member[i] || (mustBeSpecialist && !specialist[i])) continue;
            if (best < 0 || tickets[i]! < tickets[best]!) best = i;
          }
        if (best >= 0) free[best] = false; // seated on e: not a candidate of a later group
        return best;
      };
      const taken: number[] = [];
      for (let k = 0; k < g.specialists; k++) {
        const i = pickFirst(true);
        if (i < 0)
          throw new ProtocolError('draw2.infeasibleSpecialists', {
            uscc: e.uscc,
            name: e.name,
            industry: e.industry,
            group: g.name,
            need: g.specialists,
            have: taken.length,
          });
        taken.push(i);
      }
      while (taken.length < g.seats) {
        const i = pickFirst(false);
        if (i < 0)
          throw new ProtocolError('draw2.infeasibleInspectors', {
            uscc: e.uscc,
            name: e.name,
            group: g.name,
            need: g.seats,
            have: taken.length,
          });
        taken.push(i);
      }
      for (const i of taken)
        seats.push({
          seat: seats.length + 1,
          group: g.name,
          certNo: inspectors[i]!.certNo,
          name: inspectors[i]!.name,
          ticket: tickets[i] ?? t(inspectors[i]!.certNo),
        });
    }
    for (const s of seats) this.addLoad(s.certNo, 1);
    return seats;
  }
}
