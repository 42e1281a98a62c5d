/**
 * The data SSJ-2 works on (DESIGN.md "The draw protocol SSJ-2" and its Precisions). These mirror the ssj-bundle/2
 * files. SSJ-1's types (../types.ts) are unchanged: SSJ-1 draws keep verifying byte for byte, and a draw says which
 * protocol it follows (`algorithm`), never both.
 *
 * Contract with the workflow side (rosters, plan schema, use cases): build a DrawInput2 from the validated plan and the
 * frozen pool, call draw2()/applyEvent2() from ./draw.ts and ./events.ts, write the files with ./canonical.ts.
 */
import type { CountRule } from '../../domain/ratio.js';
import type { CheckItem, Conflict, PoolEnterprise, Role, SelectionRow, StratumCount } from '../types.js';

export type { CheckItem, Conflict, PoolEnterprise, Role, SelectionRow };

export const SSJ2 = 'SSJ-2';
export const BUNDLE_FORMAT_2 = 'ssj-bundle/2';

/** 执法人员 (holds a 执法证) or 专家. A pool inspector with an empty kind in pool-inspectors.csv is an officer. */
export type InspectorKind = 'officer' | 'expert';
export const INSPECTOR_KINDS: readonly InspectorKind[] = ['officer', 'expert'];

/** pool-inspectors.csv of SSJ-2: certNo,name,kind,department,unit,specialties. */
export interface PoolInspector2 {
  certNo: string;
  name: string;
  kind: InspectorKind;
  /** 所属部门; the office's own name when the roster leaves it empty (filled in by ssj when the pool is taken). */
  department: string;
  unit: string;
  specialties: string[];
}

/** items.csv of SSJ-2: code,name,industries,department. */
export interface PoolItem2 {
  code: string;
  name: string;
  /** '*' (exactly) is a general item; otherwise the industries it is specific to. */
  industries: string[] | '*';
  /** 检查部门; '' belongs to the lead department of a joint plan (and to every plan without joint). */
  department: string;
}

/** Group names in teams.csv: `officers` (no joint), the department's name (joint), `experts`. */
export const OFFICERS_GROUP = 'officers';
export const EXPERTS_GROUP = 'experts';
/** Department names a joint plan may not use: they would collide with the group names above. */
export const RESERVED_GROUP_NAMES: readonly string[] = [OFFICERS_GROUP, EXPERTS_GROUP];

/** One seat group of a team, in the order groups are filled. */
export interface SeatGroup {
  /** `officers`, the department's name (joint), or `experts`. */
  name: string;
  kind: InspectorKind;
  /** Only inspectors of this department (joint officer groups); null = any department. */
  department: string | null;
  /** Seats in the group (officers, or team.experts). */
  seats: number;
  /** Specialists the group must hold; the expert group: every seat (experts are always specialists). */
  specialists: number;
}

/** team.* of an SSJ-2 plan, defaults applied (specialists 0, experts 0, maxPerInspector null = no limit). */
export interface TeamRules2 {
  /** In SSJ-2 `team.size` means `team.officers` (`officers` wins when both are given). Ignored with joint. */
  officers: number;
  /** Ignored with joint. */
  specialists: number;
  experts: number;
  /** Counts every seat, experts included. null = no limit. */
  maxPerInspector: number | null;
}

/** A stratum's `team` override: replaces only the keys it gives. Not allowed together with joint. */
export type TeamOverride = Partial<Pick<TeamRules2, 'officers' | 'specialists' | 'experts'>>;

/** joint.departments[j]; the first is the lead department (牵头部门). */
export interface JointDepartment {
  name: string;
  officers: number;
  /** Default 0. */
  specialists: number;
  /** Items drawn from this department's items; default items.perEnterprise. */
  items: number;
}

export interface JointRules {
  departments: JointDepartment[];
}

export interface Stratum2 {
  name: string;
  /** From the manifest (frozen): members before the yearly cap. n comes from it. */
  population: number;
  rule: CountRule;
  reserves: number;
  team?: TeamOverride;
}

/** pool-removed.csv: a frozen pool member that reached cap.perYear through plans frozen before this one. */
export interface RemovedRow {
  stratum: string;
  uscc: string;
  /** The plan whose draw or events caused the removal. */
  byPlan: string;
}

/** How the seed will be written, fixed at freeze. null in the manifest for an unfrozen plan. */
export interface SeedRule {
  kind: 'rfc3797';
  sources: string[];
}

/** Everything an SSJ-2 draw needs, as published in an ssj-bundle/2. */
export interface DrawInput2 {
  algorithm: typeof SSJ2;
  planId: string;
  /** The seed the tickets use: publicSeed, or publicSeed + "#" + secretHex (see ./seed.ts). */
  seed: string;
  strata: Stratum2[];
  team: TeamRules2;
  joint: JointRules | null;
  /** items.perEnterprise (with joint: only each department's default). */
  itemsPerEnterprise: number;
  /** The frozen pool, removed members included (its hash is the pre-announced one). */
  pool: PoolEnterprise[];
  removed: RemovedRow[];
  inspectors: PoolInspector2[];
  items: PoolItem2[];
  conflicts: Conflict[];
}

/** A team seat with its group (teams.csv of SSJ-2: uscc,seat,group,certNo,name,ticket). */
export interface Seat2 {
  seat: number;
  group: string;
  certNo: string;
  name: string;
  /** Its I ticket, or its R ticket after a recusal/reassign with a fresh seed. */
  ticket: string;
}

/** Manifest counts per stratum: pool is the frozen count, removed a count (rows of pool-removed.csv). */
export interface StratumCount2 extends StratumCount {
  removed: number;
}

/** events.csv of SSJ-2 adds `reassign` (人员调整); `reason` holds only the published category. */
export type EventType2 = 'recusal' | 'reassign' | 'swap' | 'replacement';

export const RECUSAL_CATEGORIES = ['利害关系', '近亲属', '曾提供服务', '其他'] as const;
export const REASSIGN_CATEGORIES = ['岗位调整', '工作冲突', '身体原因', '其他'] as const;

export interface DrawEvent2 {
  seq: number;
  type: EventType2;
  uscc: string;
  certNo: string;
  replacementCertNo: string;
  replacementUscc: string;
  /** Fresh public seed for a recusal or reassign ('' = next in the original I order). Used alone, never with the secret. */
  seed: string;
  /** The published category only, never the free text. */
  reason: string;
}

/** The SSJ-2 seed fields of the manifest. */
export interface SeedFields2 {
  seedRule: SeedRule | null;
  /** The SSJ-1 seed (NFC, trimmed; the RFC 3797 key for rfc3797). */
  publicSeed: string;
  /** hex(SHA-256(UTF-8("ssj-secret|" + planId + "|" + secretHex))) or null. */
  secretCommitment: string | null;
  /** 64 lowercase hex digits, revealed with the bundle; null when there is none. */
  seedSecret: string | null;
}
