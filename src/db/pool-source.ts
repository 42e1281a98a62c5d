import type { Db } from './open.js';
import type { RosterEnterprise } from '../core/pool.js';
import type { Conflict, PoolInspector, PoolItem } from '../core/types.js';

const splitList = (s: string): string[] => s.split(';').map((x) => x.trim()).filter((x) => x !== '');

/** Stream the enterprise roster for buildPool (1,000,000 rows without holding the raw rows twice). */
export function* rosterEnterprises(db: Db): Generator<RosterEnterprise> {
  const stmt = db.prepare('SELECT uscc, name, industry, region, supervision, type, risk, credit, status, flags, active FROM enterprises').raw(true);
  for (const r of stmt.iterate() as Iterable<[string, string, string, string, string, string, string, string, string, string, number]>) {
    yield {
      uscc: r[0],
      name: r[1],
      industry: r[2],
      region: r[3],
      supervision: r[4],
      type: r[5],
      risk: r[6],
      credit: r[7],
      status: r[8],
      flags: r[9] === '' ? [] : splitList(r[9]),
      active: r[10] === 1,
    };
  }
}

/** Active inspectors and experts: the inspector pool of a draw. */
export function inspectorPool(db: Db): PoolInspector[] {
  const rows = db.prepare('SELECT cert_no, name, unit, specialties FROM inspectors WHERE active = 1').all() as { cert_no: string; name: string; unit: string; specialties: string }[];
  return rows.map((r) => ({ certNo: r.cert_no, name: r.name, unit: r.unit, specialties: splitList(r.specialties) }));
}

export function activeItems(db: Db): PoolItem[] {
  const rows = db.prepare('SELECT code, name, industries FROM items WHERE active = 1').all() as { code: string; name: string; industries: string }[];
  return rows.map((r) => ({ code: r.code, name: r.name, industries: r.industries.trim() === '*' || r.industries.trim() === '' ? '*' : splitList(r.industries) }));
}

/** Conflicts in force between pool inspectors and pool enterprises (declared in advance or gained by earlier recusals). */
export function conflictsInForce(db: Db, inspectors: Set<string>, enterprises: Set<string>): Conflict[] {
  const rows = db.prepare('SELECT cert_no, uscc FROM conflicts WHERE active = 1').all() as { cert_no: string; uscc: string }[];
  return rows.filter((r) => inspectors.has(r.cert_no) && enterprises.has(r.uscc)).map((r) => ({ certNo: r.cert_no, uscc: r.uscc }));
}
