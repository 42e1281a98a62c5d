import type { OfficeDay } from '../core/workdays.js';
import type { Db } from './open.js';

export type { OfficeDay };

export function officeDays(db: Db, year?: number): OfficeDay[] {
  const rows =
    year === undefined
      ? db.prepare('SELECT date, kind, name FROM calendar_days ORDER BY date').all()
      : db
          .prepare('SELECT date, kind, name FROM calendar_days WHERE substr(date, 1, 4) = ? ORDER BY date')
          .all(String(year));
  return rows as OfficeDay[];
}

export interface StoreCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Insert or update the office's days (call inside a transaction, with the audit entry). */
export function storeOfficeDays(db: Db, days: readonly OfficeDay[]): StoreCounts {
  const get = db.prepare('SELECT kind, name FROM calendar_days WHERE date = ?');
  const put = db.prepare(
    'INSERT INTO calendar_days (date, kind, name) VALUES (?, ?, ?) ON CONFLICT(date) DO UPDATE SET kind = excluded.kind, name = excluded.name',
  );
  const counts: StoreCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const d of days) {
    const old = get.get(d.date) as { kind: string; name: string } | undefined;
    if (old && old.kind === d.kind && old.name === d.name) {
      counts.unchanged++;
      continue;
    }
    put.run(d.date, d.kind, d.name);
    counts[old ? 'updated' : 'inserted']++;
  }
  return counts;
}
