import { ProtocolError } from './errors.js';
import type { DrawState } from './state.js';
import type { DrawEvent, Seat } from './types.js';

/** What an event did, for the output ("who left, who came in and why that one"). */
export interface EventOutcome {
  type: DrawEvent['type'];
  uscc: string;
  certNo: string;
  replacementCertNo: string;
  replacementUscc: string;
  seat?: number;
  /** Ticket that ranked the newcomer. */
  ticket?: string;
  /** 1-based position of the newcomer in the order used (how many were passed over, plus one). */
  position?: number;
  /** k: this event's number among recusals and swaps on the enterprise. */
  k?: number;
  /** Whether the newcomer had to be a specialist. */
  neededSpecialist?: boolean;
}

function selectedRow(state: DrawState, uscc: string) {
  const row = state.row(uscc);
  if (row?.role !== 'selected') throw new ProtocolError('event.notSelected', { uscc });
  return row;
}

function seatOf(state: DrawState, uscc: string, certNo: string): Seat {
  const seat = state.teams.get(uscc)?.find((s) => s.certNo === certNo);
  if (!seat) throw new ProtocolError('event.notOnTeam', { uscc, certNo });
  return seat;
}

function markRecused(state: DrawState, uscc: string, certNo: string): number {
  const k = (state.eventCount.get(uscc) ?? 0) + 1;
  state.eventCount.set(uscc, k);
  if (!state.recused.has(uscc)) state.recused.set(uscc, new Set());
  state.recused.get(uscc)!.add(certNo);
  state.addConflict(certNo, uscc);
  return k;
}

/**
 * SSJ-1 "Recusal after the draw": the inspector leaves enterprise `uscc`; the replacement is the first eligible
 * inspector in the enterprise's original I order, or in R order under a fresh public seed when one is given.
 */
export function recuse(state: DrawState, uscc: string, certNo: string, freshSeed = ''): EventOutcome {
  const e = selectedRow(state, uscc);
  const vacated = seatOf(state, uscc, certNo);
  const team = state.teams.get(uscc)!;
  const remaining = team.filter((s) => s.certNo !== certNo);
  // The state changes only once a newcomer is found: a refused recusal leaves it as it was (SSJ-1 8.1 step 6).
  const k = (state.eventCount.get(uscc) ?? 0) + 1;
  const needSpecialist = state.specialistsOn(remaining, e.industry) < state.input.team.specialists;
  const order = freshSeed
    ? state.rank('R', freshSeed, `${state.input.planId}/${uscc}/${k}`)
    : state.rank('I', state.input.seed, `${state.input.planId}/${uscc}`);
  const onTeam = new Set(remaining.map((s) => s.certNo));
  const position = order.findIndex(
    ({ inspector: i }) =>
      i.certNo !== certNo &&
      !onTeam.has(i.certNo) &&
      !state.wasRecused(i.certNo, uscc) &&
      !state.hasConflict(i.certNo, uscc) &&
      state.loadOf(i.certNo) < state.maxPerInspector &&
      (!needSpecialist || state.isSpecialistFor(i.certNo, e.industry)),
  );
  if (position < 0)
    throw new ProtocolError('event.noReplacement', {
      uscc,
      name: e.name,
      certNo,
      needSpecialist,
      industry: e.industry,
    });
  markRecused(state, uscc, certNo);
  state.addLoad(certNo, -1);
  const chosen = order[position]!;
  const seat: Seat = {
    seat: vacated.seat,
    certNo: chosen.inspector.certNo,
    name: chosen.inspector.name,
    ticket: chosen.ticket,
  };
  state.teams.set(
    uscc,
    team.map((s) => (s.seat === vacated.seat ? seat : s)),
  );
  state.addLoad(seat.certNo, 1);
  return {
    type: 'recusal',
    uscc,
    certNo,
    replacementCertNo: seat.certNo,
    replacementUscc: '',
    seat: seat.seat,
    ticket: seat.ticket,
    position: position + 1,
    k,
    neededSpecialist: needSpecialist,
  };
}

/**
 * SSJ-1 "Swap instead of re-draw": X on `uscc` trades seats with the first member Y of the first other selected
 * enterprise f (processing order, then seat order) for which the trade breaks no conflict and no specialist seat.
 */
export function swap(state: DrawState, uscc: string, certNo: string): EventOutcome {
  const e = selectedRow(state, uscc);
  const xSeat = seatOf(state, uscc, certNo);
  const eTeam = state.teams.get(uscc)!;
  const S = state.input.team.specialists;
  for (const f of state.processingOrder()) {
    if (f.uscc === uscc) continue;
    const fTeam = state.teams.get(f.uscc)!;
    if (fTeam.some((s) => s.certNo === certNo) || state.hasConflict(certNo, f.uscc)) continue;
    for (const ySeat of fTeam) {
      const y = ySeat.certNo;
      if (eTeam.some((s) => s.certNo === y) || state.hasConflict(y, uscc) || state.wasRecused(y, uscc)) continue;
      const eAfter = eTeam.map((s) => (s.certNo === certNo ? { ...s, certNo: y } : s));
      const fAfter = fTeam.map((s) => (s.certNo === y ? { ...s, certNo } : s));
      if (state.specialistsOn(eAfter, e.industry) < S || state.specialistsOn(fAfter, f.industry) < S) continue;
      const k = markRecused(state, uscc, certNo);
      const yName = state.inspectorsByCert.get(y)?.name ?? ySeat.name;
      state.teams.set(
        uscc,
        eTeam.map((s) =>
          s.seat === xSeat.seat ? { seat: s.seat, certNo: y, name: yName, ticket: state.iTicket(uscc, y) } : s,
        ),
      );
      state.teams.set(
        f.uscc,
        fTeam.map((s) =>
          s.seat === ySeat.seat ? { seat: s.seat, certNo, name: xSeat.name, ticket: state.iTicket(f.uscc, certNo) } : s,
        ),
      );
      return { type: 'swap', uscc, certNo, replacementCertNo: y, replacementUscc: f.uscc, seat: xSeat.seat, k };
    }
  }
  throw new ProtocolError('event.noSwap', { uscc, name: e.name, certNo });
}

/**
 * SSJ-1 "Replacing an enterprise": it leaves, its seats are released, and the first unused reserve of its stratum
 * takes its place with items and a team drawn by the same rules, seat counts as they stand.
 */
export function replaceEnterprise(state: DrawState, uscc: string): EventOutcome {
  const e = selectedRow(state, uscc);
  const reserve = state.selection
    .filter((r) => r.stratum === e.stratum && r.role === 'reserve')
    .sort((a, b) => a.rank - b.rank)[0];
  if (!reserve) throw new ProtocolError('event.noReserve', { uscc, name: e.name, stratum: e.stratum });
  const released = state.teams.get(uscc) ?? [];
  for (const s of released) state.addLoad(s.certNo, -1);
  let team: Seat[];
  try {
    team = state.drawTeam(reserve);
  } catch (err) {
    for (const s of released) state.addLoad(s.certNo, 1); // leave the state as it was
    throw err;
  }
  e.role = 'replaced';
  state.teams.delete(uscc);
  state.checkItems.delete(uscc);
  reserve.role = 'selected';
  state.checkItems.set(reserve.uscc, state.drawItems(reserve));
  state.teams.set(reserve.uscc, team);
  return {
    type: 'replacement',
    uscc,
    certNo: '',
    replacementCertNo: '',
    replacementUscc: reserve.uscc,
    position: reserve.rank,
  };
}

/** Apply one recorded (or new) event. */
export function applyEvent(state: DrawState, ev: Pick<DrawEvent, 'type' | 'uscc' | 'certNo' | 'seed'>): EventOutcome {
  switch (ev.type) {
    case 'recusal':
      return recuse(state, ev.uscc, ev.certNo, ev.seed);
    case 'swap':
      return swap(state, ev.uscc, ev.certNo);
    case 'replacement':
      return replaceEnterprise(state, ev.uscc);
    default:
      throw new ProtocolError('event.unknownType', { type: (ev as { type: string }).type });
  }
}
