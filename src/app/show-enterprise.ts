import { checksInYear } from '../db/checks.js';
import type { Db } from '../db/open.js';
import { checksOf, conflictsOf, getEnterprise, importInfo, type RosterRow } from '../db/rosters.js';
import { normaliseCode, ROSTER_DEFS } from '../domain/rosters.js';
import { notFound } from '../errors.js';

/** `ssj show enterprise`: every field, the import it came from, its checks in the year, its declared conflicts. */
export interface EnterpriseRecord {
  enterprise: RosterRow;
  imported: { file: string; at: string; operator: string } | null;
  year: number;
  checks: ReturnType<typeof checksInYear> & { list: ReturnType<typeof checksOf> };
  conflicts: ReturnType<typeof conflictsOf>;
}

export function enterpriseRecord(db: Db, usccArg: string, year: number): EnterpriseRecord {
  const uscc = normaliseCode(usccArg);
  const enterprise = getEnterprise(db, ROSTER_DEFS.enterprises, uscc);
  if (!enterprise) throw notFound('roster.enterpriseNotFound', { uscc: usccArg });
  const counts = checksInYear(db, uscc, year);
  return {
    enterprise,
    imported: typeof enterprise.importId === 'number' ? (importInfo(db, enterprise.importId) ?? null) : null,
    year,
    checks: { ...counts, list: checksOf(db, uscc, year) },
    conflicts: conflictsOf(db, uscc),
  };
}
