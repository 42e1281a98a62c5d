import type { Db } from './open.js';

/**
 * The recused inspector's conflict with the enterprise, kept for later plans (pool-source reads active conflicts).
 * Source 'recusal' also for a pair already declared by import (after the draw): a later `import --replace` leaves
 * recusal rows alone, so the conflict outlives a roster that forgets it. A declaration in force keeps its date.
 */
export function recordRecusalConflict(db: Db, certNo: string, uscc: string, reason: string, at: string): void {
  db.prepare(
    `INSERT INTO conflicts (cert_no, uscc, reason, source, declared_at, active) VALUES (?, ?, ?, 'recusal', ?, 1)
     ON CONFLICT (cert_no, uscc) DO UPDATE SET
       reason = excluded.reason,
       source = 'recusal',
       declared_at = CASE WHEN active = 1 THEN declared_at ELSE excluded.declared_at END,
       active = 1`,
  ).run(certNo, uscc, reason, at);
}

/** The pairs that have an active conflict of interest (declared or from a recusal). */
export function activeConflicts(db: Db, pairs: { certNo: string; uscc: string }[]): { certNo: string; uscc: string }[] {
  const q = db.prepare('SELECT 1 FROM conflicts WHERE cert_no = ? AND uscc = ? AND active = 1');
  return pairs.filter((p) => q.get(p.certNo, p.uscc) !== undefined);
}
