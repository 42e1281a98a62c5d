import { ProtocolError } from '../errors.js';
import type { SelectionRow } from '../types.js';
import type { DrawState2 } from './state.js';
import type { DrawEvent2, SeatGroup, Seat2 } from './types.js';

/** What an event did: who left, who came in, in which seat and group, and why that one. */
export interface EventOutcome2 {
  type: DrawEvent2['type'];
  uscc: string;
  certNo: string;
  replacementCertNo: string;
  replacementUscc: string;
  seat?: number;
  group?: string;
  ticket?: string;
  /** 1-based position of the newcomer in the order used. */
  position?: number;
  /** k: this event's number among recusals, reassigns and swaps on the enterprise. */
  k?: number;
  neededSpecialist?: boolean;
}

function selectedRow(state: DrawState2, uscc: string): SelectionRow {
  const row = state.row(uscc);
  if (row?.role !== 'selected') throw new ProtocolError('event.notSelected', { uscc });
  return row;
}

function seatOf(state: DrawState2, uscc: string, certNo: string): Seat2 {
  const seat = state.teams.get(uscc)?.find((s) => s.certNo === certNo);
  if (!seat) throw new ProtocolError('event.notOnTeam', { uscc, certNo });
  return seat;
}

/** Specialists for `industry` among certNos. */
const specialists = (state: DrawState2, certNos: string[], industry: string): number =>
  certNos.filter((c) => state.isSpecialistFor(c, industry)).length;

/**
 * Recusal (回避) or reassign (人员调整), SSJ-2 "Events": X leaves e; the newcomer comes from the vacated seat's group
 * and must be a specialist when the group's remaining members hold fewer specialists than it requires (experts:
 * always). Order: e's I order, or R order under a fresh public seed used alone (never with the secret). A recusal gives
 * X a conflict with e; a reassign only bars X from e for the rest of this plan. Refused: nothing changes.
 */
export function recuseOrReassign(
  state: DrawState2,
  type: 'recusal' | 'reassign',
  uscc: string,
  certNo: string,
  freshSeed = '',
): EventOutcome2 {
  const e = selectedRow(state, uscc);
  const vacated = seatOf(state, uscc, certNo);
  const g: SeatGroup = state.group(e.stratum, vacated.group);
  const team = state.teams.get(uscc)!;
  const remaining = team.filter((s) => s.certNo !== certNo);
  const k = (state.eventCount.get(uscc) ?? 0) + 1;
  const inGroup = remaining.filter((s) => s.group === g.name).map((s) => s.certNo);
  const needSpecialist = g.kind === 'expert' || specialists(state, inGroup, e.industry) < g.specialists;
  const order = freshSeed
    ? state.rank('R', freshSeed, `${state.input.planId}/${uscc}/${k}`)
    : state.rank('I', state.input.seed, `${state.input.planId}/${uscc}`);
  const onTeam = new Set(remaining.map((s) => s.certNo));
  const position = order.findIndex(
    ({ inspector: i }) =>
      i.certNo !== certNo &&
      state.inGroup(i, g) &&
      !onTeam.has(i.certNo) &&
      !state.isBarred(i.certNo, uscc) &&
      !state.hasConflict(i.certNo, uscc) &&
      state.loadOf(i.certNo) < state.maxPerInspector &&
      (!needSpecialist || state.isSpecialistFor(i.certNo, e.industry)),
  );
  if (position < 0)
    throw new ProtocolError('event2.noReplacement', {
      uscc,
      name: e.name,
      certNo,
      group: g.name,
      needSpecialist,
      industry: e.industry,
    });
  state.eventCount.set(uscc, k);
  state.bar(certNo, uscc);
  if (type === 'recusal') state.addConflict(certNo, uscc);
  state.addLoad(certNo, -1);
  const chosen = order[position]!;
  const seat: Seat2 = {
    seat: vacated.seat,
    group: g.name,
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
    type,
    uscc,
    certNo,
    replacementCertNo: seat.certNo,
    replacementUscc: '',
    seat: seat.seat,
    group: g.name,
    ticket: seat.ticket,
    position: position + 1,
    k,
    neededSpecialist: needSpecialist,
  };
}

/**
 * Swap (SSJ-2 "Events"): X on e trades seats with the first member Y, in seat order, of the first other selected
 * enterprise f in processing order such that Y sits in X's group (kind, and department with joint), Y is not on e's
 * team, has no conflict with e and is not barred from e, X is not on f's team, has no conflict with f and is not barred
 * from f, and each team's group still holds the specialists it requires. X gains a conflict with e and is barred from
 * it; Y is not barred from f. Seat counts do not change.
 */
export function swap2(state: DrawState2, uscc: string, certNo: string): EventOutcome2 {
  const e = selectedRow(state, uscc);
  const xSeat = seatOf(state, uscc, certNo);
  const eTeam = state.teams.get(uscc)!;
  const groupName = xSeat.group;
  const enough = (row: SelectionRow, members: string[]) =>
    specialists(state, members, row.industry) >= state.group(row.stratum, groupName).specialists;
  for (const f of state.processingOrder()) {
    if (f.uscc === uscc) continue;
    const fTeam = state.teams.get(f.uscc)!;
    if (fTeam.some((s) => s.certNo === certNo) || state.hasConflict(certNo, f.uscc) || state.isBarred(certNo, f.uscc))
      continue;
    for (const ySeat of [...fTeam].sort((a, b) => a.seat - b.seat)) {
      const y = ySeat.certNo;
      if (ySeat.group !== groupName) continue;
      if (eTeam.some((s) => s.certNo === y) || state.hasConflict(y, uscc) || state.isBarred(y, uscc)) continue;
      const eAfter = eTeam.filter((s) => s.group === groupName).map((s) => (s.certNo === certNo ? y : s.certNo));
      const fAfter = fTeam.filter((s) => s.group === groupName).map((s) => (s.certNo === y ? certNo : s.certNo));
      if (!enough(e, eAfter) || !enough(f, fAfter)) continue;
      const k = (state.eventCount.get(uscc) ?? 0) + 1;
      state.eventCount.set(uscc, k);
      state.bar(certNo, uscc);
      state.addConflict(certNo, uscc);
      const yName = state.inspectorsByCert.get(y)?.name ?? ySeat.name;
      const ticket = state.iTicket(uscc, y);
      state.teams.set(
        uscc,
        eTeam.map((s) => (s.seat === xSeat.seat ? { ...s, certNo: y, name: yName, ticket } : s)),
      );
      state.teams.set(
        f.uscc,
        fTeam.map((s) =>
          s.seat === ySeat.seat ? { ...s, certNo, name: xSeat.name, ticket: state.iTicket(f.uscc, certNo) } : s,
        ),
      );
      return {
        type: 'swap',
        uscc,
        certNo,
        replacementCertNo: y,
        replacementUscc: f.uscc,
        seat: xSeat.seat,
        group: groupName,
        ticket,
        k,
      };
    }
  }
  throw new ProtocolError('event2.noSwap', { uscc, name: e.name, certNo, group: groupName });
}

/**
 * Replacement (SSJ-1 rules, SSJ-2 teams and items): e leaves, its seats are released, then the first unused reserve of
 * its stratum gets items and a team with seat counts as they stand. No team possible: refused, nothing changes.
 */
export function replaceEnterprise2(state: DrawState2, uscc: string): EventOutcome2 {
  const e = selectedRow(state, uscc);
  const reserve = state.selection
    .filter((r) => r.stratum === e.stratum && r.role === 'reserve')
    .sort((a, b) => a.rank - b.rank)[0];
  if (!reserve) throw new ProtocolError('event.noReserve', { uscc, name: e.name, stratum: e.stratum });
  const released = state.teams.get(uscc) ?? [];
  for (const s of released) state.addLoad(s.certNo, -1);
  let team: Seat2[];
  try {
    team = state.drawTeam(reserve);
  } catch (err) {
    for (const s of released) state.addLoad(s.certNo, 1);
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

/** Apply one recorded (or new) SSJ-2 event. */
export function applyEvent2(
  state: DrawState2,
  ev: Pick<DrawEvent2, 'type' | 'uscc' | 'certNo' | 'seed'>,
): EventOutcome2 {
  switch (ev.type) {
    case 'recusal':
    case 'reassign':
      return recuseOrReassign(state, ev.type, ev.uscc, ev.certNo, ev.seed);
    case 'swap':
      return swap2(state, ev.uscc, ev.certNo);
    case 'replacement':
      return replaceEnterprise2(state, ev.uscc);
    default:
      throw new ProtocolError('event.unknownType', { type: (ev as { type: string }).type });
  }
}

export interface ReplayMismatch2 {
  seq: number;
  field: 'replacementCertNo' | 'replacementUscc';
  recorded: string;
  computed: string;
}
