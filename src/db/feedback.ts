import type { Db } from './open.js';

/** The enterprise's side of one check (table feedback, migration 4); see src/domain/feedback.ts. */
export interface FeedbackRow {
  id: number;
  result_id: number;
  opinion_kind: 'given' | 'none' | null;
  opinion_on: string | null;
  opinion: string;
  opinion_public: string;
  satisfaction: string | null;
  card_on: string | null;
  /** 结果运用 codes joined with ','; '' when not recorded yet. */
  uses: string;
  /** The latest correction of values recorded before the result was published (migration 9; 高青 9.1). */
  correction_reason: string | null;
  corrected_by: string | null;
  corrected_on: string | null;
  recorded_at: string;
  operator: string;
}

export const FEEDBACK_COLUMNS = [
  'id',
  'result_id',
  'opinion_kind',
  'opinion_on',
  'opinion',
  'opinion_public',
  'satisfaction',
  'card_on',
  'uses',
  'recorded_at',
  'operator',
  'correction_reason',
  'corrected_by',
  'corrected_on',
] as const;

export type FeedbackFields = Omit<FeedbackRow, 'id' | 'result_id' | 'recorded_at' | 'operator'>;

/** The fields a result's feedback records (what a correction after publication may change). */
export const FEEDBACK_VALUES = [
  'opinion_kind',
  'opinion_on',
  'opinion',
  'opinion_public',
  'satisfaction',
  'card_on',
  'uses',
] as const satisfies readonly (keyof FeedbackFields)[];

export function getFeedback(db: Db, resultId: number): FeedbackRow | null {
  return (db.prepare('SELECT * FROM feedback WHERE result_id = ?').get(resultId) as FeedbackRow | undefined) ?? null;
}

/** Insert or replace the one feedback row of a result (call inside the transaction with its audit entry). */
export function putFeedback(db: Db, resultId: number, f: FeedbackFields, at: string, operator: string): FeedbackRow {
  db.prepare(
    `INSERT INTO feedback (result_id, opinion_kind, opinion_on, opinion, opinion_public, satisfaction, card_on, uses, recorded_at, operator,
                           correction_reason, corrected_by, corrected_on)
     VALUES (@result_id, @opinion_kind, @opinion_on, @opinion, @opinion_public, @satisfaction, @card_on, @uses, @at, @operator,
             @correction_reason, @corrected_by, @corrected_on)
     ON CONFLICT(result_id) DO UPDATE SET opinion_kind = excluded.opinion_kind, opinion_on = excluded.opinion_on,
       opinion = excluded.opinion, opinion_public = excluded.opinion_public, satisfaction = excluded.satisfaction,
       card_on = excluded.card_on, uses = excluded.uses, recorded_at = excluded.recorded_at, operator = excluded.operator,
       correction_reason = excluded.correction_reason, corrected_by = excluded.corrected_by, corrected_on = excluded.corrected_on`,
  ).run({ ...f, result_id: resultId, at, operator });
  return getFeedback(db, resultId)!;
}

/** The canonical audit form (payload key `feedback`), as resultAuditRow is for results. */
export function feedbackAuditRow(row: FeedbackRow): Record<string, unknown> {
  return Object.fromEntries(FEEDBACK_COLUMNS.map((c) => [c, (row as unknown as Record<string, unknown>)[c] ?? null]));
}

/** Feedback rows of the given results, by result id. */
export function feedbackByResult(db: Db): Map<number, FeedbackRow> {
  const rows = db.prepare('SELECT * FROM feedback').all() as FeedbackRow[];
  return new Map(rows.map((r) => [r.result_id, r]));
}

/** Feedback rows with the result's feedback date, keyed "plan\tuscc" (for the publication). */
export function feedbackByCheck(db: Db): Map<string, FeedbackRow> {
  const rows = db
    .prepare('SELECT f.*, r.plan_id, r.uscc FROM feedback f JOIN results r ON r.id = f.result_id')
    .all() as (FeedbackRow & { plan_id: string; uscc: string })[];
  return new Map(rows.map((r) => [`${r.plan_id}\t${r.uscc}`, r]));
}
