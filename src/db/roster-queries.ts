import type { WhereField } from '../domain/plan.js';
import type { Db } from './open.js';

/** Small read-only questions to the rosters, asked by plan checks, plan show and the site export. */

/** Whether any enterprise was ever imported (plan checks are skipped on an empty database). */
export function hasEnterprises(db: Db): boolean {
  return (db.prepare('SELECT count(*) AS n FROM enterprises').get() as { n: number }).n > 0;
}

/** The column behind each `where` field of a plan: named one by one, never interpolated from input. */
const WHERE_COLUMNS: Record<WhereField, string> = {
  region: 'region',
  industry: 'industry',
  supervision: 'supervision',
  type: 'type',
  risk: 'risk',
  credit: 'credit',
};

/** The distinct (trimmed) values of a `where` field among active enterprises, sorted. */
export function activeEnterpriseValues(db: Db, field: WhereField): string[] {
  return (
    db
      .prepare(`SELECT DISTINCT trim(${WHERE_COLUMNS[field]}) AS v FROM enterprises WHERE active = 1 ORDER BY v`)
      .all() as { v: string }[]
  ).map((r) => r.v);
}

/** Item code → name, every item (active or not: a past draw may name a retired one). */
export function itemNames(db: Db): Map<string, string> {
  return new Map(
    (db.prepare('SELECT code, name FROM items').all() as { code: string; name: string }[]).map((r) => [r.code, r.name]),
  );
}

/** The check-item list as rule 第七条 publishes it (name, content, basis). */
export interface PublicItem {
  code: string;
  name: string;
  content: string;
  basis: string;
  industries: string;
  method: string;
  category: string;
}

export function publicItems(db: Db): PublicItem[] {
  return db
    .prepare(
      'SELECT code, name, content, basis, industries, method, category FROM items WHERE active = 1 ORDER BY code',
    )
    .all() as PublicItem[];
}

/**
 * The inspector roster for the public: the columns are named one by one so an ID number, phone, gender or
 * address can never reach the site, whatever the table holds.
 */
export function publicInspectors(db: Db): { certNo: string; name: string; unit: string; kind: string }[] {
  return db
    .prepare('SELECT cert_no AS certNo, name, unit, kind FROM inspectors WHERE active = 1 ORDER BY kind DESC, cert_no')
    .all() as { certNo: string; name: string; unit: string; kind: string }[];
}
