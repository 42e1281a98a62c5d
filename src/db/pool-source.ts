import type { Db } from './open.js';
import type { RosterEnterprise } from '../core/pool.js';
import { WHERE_FIELDS } from '../domain/plan.js';
import type { Conflict, PoolInspector, PoolItem } from '../core/types.js';
import type { RosterInspector2 } from '../core/ssj2/draw-input.js';
import type { PoolItem2 } from '../core/ssj2/types.js';

const splitList = (s: string): string[] =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/**
 * Stream the enterprise roster for buildPool, in uscc order (the table's key, so the pool file needs no sort).
 * Only the where fields the plan uses are read: decoding strings dominates reading 1,000,000 rows.
 */
export function* rosterEnterprises(db: Db, whereFields: readonly string[] = WHERE_FIELDS): Generator<RosterEnterprise> {
  const wanted = WHERE_FIELDS.filter((f) => whereFields.includes(f) && f !== 'industry' && f !== 'credit');
  const columns = ['uscc', 'name', 'industry', 'credit', 'status', 'flags', 'active', ...wanted];
  const stmt = db.prepare(`SELECT ${columns.join(', ')} FROM enterprises ORDER BY uscc`).raw(true);
  for (const r of stmt.iterate() as Iterable<unknown[]>) {
    const e: RosterEnterprise = {
      uscc: r[0] as string,
      name: r[1] as string,
      industry: r[2] as string,
      credit: r[3] as string,
      status: r[4] as string,
      flags: r[5] === '' ? [] : splitList(r[5] as string),
      active: r[6] === 1,
      region: '',
      supervision: '',
      type: '',
      risk: '',
    };
    for (let i = 0; i < wanted.length; i++) e[wanted[i]!] = r[7 + i] as string;
    yield e;
  }
}

/** Active inspectors and experts: the inspector pool of a draw. */
export function inspectorPool(db: Db): PoolInspector[] {
  const rows = db.prepare('SELECT cert_no, name, unit, specialties FROM inspectors WHERE active = 1').all() as {
    cert_no: string;
    name: string;
    unit: string;
    specialties: string;
  }[];
  return rows.map((r) => ({ certNo: r.cert_no, name: r.name, unit: r.unit, specialties: splitList(r.specialties) }));
}

export function activeItems(db: Db): PoolItem[] {
  const rows = db.prepare('SELECT code, name, industries FROM items WHERE active = 1').all() as {
    code: string;
    name: string;
    industries: string;
  }[];
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    industries: r.industries.trim() === '*' || r.industries.trim() === '' ? '*' : splitList(r.industries),
  }));
}

/** Conflicts in force between pool inspectors and pool enterprises (declared in advance or gained by earlier recusals). */
export function conflictsInForce(db: Db, inspectors: Set<string>, enterprises: Iterable<{ uscc: string }>): Conflict[] {
  const rows = (
    db.prepare('SELECT cert_no, uscc FROM conflicts WHERE active = 1').all() as { cert_no: string; uscc: string }[]
  ).filter((r) => inspectors.has(r.cert_no));
  // Few conflicts, many enterprises: look the pool up against the conflicts, not the other way round.
  const wanted = new Set(rows.map((r) => r.uscc));
  const inPool = new Set<string>();
  if (wanted.size) for (const e of enterprises) if (wanted.has(e.uscc)) inPool.add(e.uscc);
  return rows.filter((r) => inPool.has(r.uscc)).map((r) => ({ certNo: r.cert_no, uscc: r.uscc }));
}

/** Every inspector with the fields SSJ-2's inspectors.where and pools read (core/ssj2/draw-input.ts inspectorPool2). */
export function rosterInspectors2(db: Db): RosterInspector2[] {
  const rows = db
    .prepare('SELECT cert_no, name, kind, department, unit, region, title, specialties, active FROM inspectors')
    .all() as Record<string, string | number>[];
  return rows.map((r) => ({
    certNo: r.cert_no as string,
    name: r.name as string,
    kind: r.kind === 'expert' ? 'expert' : r.kind === 'officer' ? 'officer' : '',
    department: r.department as string,
    unit: r.unit as string,
    region: r.region as string,
    title: r.title as string,
    specialties: splitList(r.specialties as string),
    active: r.active === 1,
  }));
}

/** Every item with its 检查部门 (core/ssj2/draw-input.ts itemPool2 picks the plan's). */
export function rosterItems2(db: Db): (PoolItem2 & { active: boolean })[] {
  const rows = db.prepare('SELECT code, name, industries, department, active FROM items').all() as {
    code: string;
    name: string;
    industries: string;
    department: string;
    active: number;
  }[];
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    industries: r.industries.trim() === '*' || r.industries.trim() === '' ? '*' : splitList(r.industries),
    department: r.department.trim(),
    active: r.active === 1,
  }));
}
