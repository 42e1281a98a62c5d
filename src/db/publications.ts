import type { Db } from './open.js';

/** The first publication of a draw's announcement: when, and the audit chain head it printed (migration 12). */
export interface Publication {
  drawId: number;
  planId: string;
  firstAt: string;
  head: { seq: number; hash: string };
}

export function findPublication(db: Db, drawId: number): Publication | undefined {
  const r = db
    .prepare(
      'SELECT draw_id AS drawId, plan_id AS planId, first_at AS firstAt, head_seq AS seq, head_hash AS hash FROM publications WHERE draw_id = ?',
    )
    .get(drawId) as { drawId: number; planId: string; firstAt: string; seq: number; hash: string } | undefined;
  return r && { drawId: r.drawId, planId: r.planId, firstAt: r.firstAt, head: { seq: r.seq, hash: r.hash } };
}

export function insertPublication(db: Db, p: Publication): void {
  db.prepare('INSERT INTO publications (draw_id, plan_id, first_at, head_seq, head_hash) VALUES (?, ?, ?, ?, ?)').run(
    p.drawId,
    p.planId,
    p.firstAt,
    p.head.seq,
    p.head.hash,
  );
}
