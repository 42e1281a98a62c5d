/** The data SSJ-1 works on. These mirror the bundle files (DESIGN.md "Verification bundle"). */

export interface PoolEnterprise {
  stratum: string;
  uscc: string;
  name: string;
  industry: string;
}

export interface PoolInspector {
  certNo: string;
  name: string;
  unit: string;
  specialties: string[];
}

export interface PoolItem {
  code: string;
  name: string;
  /** '*' applies to every industry. */
  industries: string[] | '*';
}

export interface Conflict {
  certNo: string;
  uscc: string;
}

export type Role = 'selected' | 'reserve' | 'replaced';

export interface SelectionRow {
  stratum: string;
  /** Position in the stratum's ascending ticket order, from 1. */
  rank: number;
  uscc: string;
  name: string;
  industry: string;
  ticket: string;
  role: Role;
}

export interface Seat {
  seat: number;
  certNo: string;
  name: string;
  /** The ticket that ranked this member: its I ticket, or its R ticket after a recusal with a fresh seed. */
  ticket: string;
}

export interface CheckItem {
  code: string;
  ticket: string;
}

export interface StratumCount {
  name: string;
  population: number;
  pool: number;
  /** Number drawn (n_s). */
  selected: number;
  reserves: number;
}

export type EventType = 'recusal' | 'swap' | 'replacement';

/** A post-draw event as recorded (events.csv). Replacement fields are outputs, checked on replay. */
export interface DrawEvent {
  seq: number;
  type: EventType;
  uscc: string;
  certNo: string;
  replacementCertNo: string;
  replacementUscc: string;
  /** Fresh public seed for a recusal ('' = next in the original order). Stored NFC-trimmed. */
  seed: string;
  reason: string;
}
