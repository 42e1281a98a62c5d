import type { Db } from './open.js';

/** Active inspectors counted by the fields a plan's team rules look at (SSJ-2 seat groups, inspectors.where). */
export interface InspectorGroupRow {
  kind: string;
  department: string;
  unit: string;
  region: string;
  title: string;
  n: number;
}

export function activeInspectorGroups(db: Db): InspectorGroupRow[] {
  return db
    .prepare(
      `SELECT kind, department, unit, region, title, count(*) AS n FROM inspectors WHERE active = 1
       GROUP BY kind, department, unit, region, title ORDER BY department, kind`,
    )
    .all() as InspectorGroupRow[];
}
