import { RESULT_TABLES } from '../db/table-digest.js';
import { appendAudit } from '../audit/log.js';
import {
  FEEDBACK_VALUES,
  feedbackAuditRow,
  getFeedback,
  putFeedback,
  type FeedbackFields,
  type FeedbackRow,
} from '../db/feedback.js';
import type { Db } from '../db/open.js';
import { drawnPlan, requireResult, resultAuditRow, setProcessDate, type ResultRow } from '../db/results.js';
import type { ResultUse, Satisfaction } from '../domain/feedback.js';
import { inputError, refused, usageError } from '../errors.js';
import { checkResultDates } from './result-dates.js';

/**
 * `ssj result feedback`: the written feedback to the enterprise and what comes back (顺城 第十八、二十条; 冷水滩
 * 第十七条), and how the result was used. Every option is optional; what is given replaces what was stored, in one
 * transaction with its audit entry (payload `feedback`, and `results` when the feedback date is set).
 */
export interface FeedbackInput {
  planId: string;
  uscc: string;
  /** The day the written result was given to the enterprise (results.feedback_date). */
  feedbackDate?: string;
  /** The enterprise's opinion, or 'none' when nothing came by the deadline; `on` is the day received/noted. */
  opinion?: { kind: 'given' | 'none'; text: string; on: string };
  /** The 意见建议 the officer approves for publication (already checked by domain/feedback checkPublicOpinion). */
  opinionPublic?: string;
  satisfaction?: { answer: Satisfaction; on: string };
  uses?: ResultUse[];
  /**
   * 高青 9.1: once the result is published, a value already recorded changes only as a correction, signed by the head
   * of the executing unit. Without it such a change is refused (exit 5); adding a value not recorded yet (the opinion
   * usually comes after publication) needs none.
   */
  correction?: { reason: string; approvedBy: string; approvedOn: string };
}

export interface FeedbackOutcome {
  result: ResultRow;
  feedback: FeedbackRow;
}

export function recordFeedback(db: Db, input: FeedbackInput, at: string, operator: string): FeedbackOutcome {
  const { feedbackDate, opinion, opinionPublic, satisfaction, uses } = input;
  if ([feedbackDate, opinion, opinionPublic, satisfaction, uses].every((v) => v === undefined))
    throw usageError('feedback.nothing');
  return db
    .transaction(() => {
      drawnPlan(db, input.planId);
      checkResultDates(db, input.planId, at, {
        feedback: feedbackDate,
        opinion: opinion?.on,
        card: satisfaction?.on,
        approved: input.correction?.approvedOn,
      });
      let result = requireResult(db, input.planId, input.uscc);
      const oldFeedbackDate = result.feedback_date;
      if (feedbackDate !== undefined) result = setProcessDate(db, result, 'feedback_date', feedbackDate);
      const old = getFeedback(db, result.id);
      const values = {
        opinion_kind: opinion?.kind ?? old?.opinion_kind ?? null,
        opinion_on: opinion?.on ?? old?.opinion_on ?? null,
        opinion: opinion?.text ?? old?.opinion ?? '',
        // "No opinion" publishes as 无意见 unless the officer approved another text.
        opinion_public: opinionPublic ?? (opinion?.kind === 'none' ? '无意见' : (old?.opinion_public ?? '')),
        satisfaction: satisfaction?.answer ?? old?.satisfaction ?? null,
        card_on: satisfaction?.on ?? old?.card_on ?? null,
        uses: uses?.join(',') ?? old?.uses ?? '',
      };
      const changed = result.published_at === null ? [] : changedAfterPublication(old, values);
      if (changed.length && !input.correction)
        throw refused('feedback.publishedChange', {
          plan: input.planId,
          uscc: input.uscc,
          fields: changed.join(', '),
          published: result.published_at,
        });
      if (input.correction && !changed.length)
        throw usageError('feedback.correctionNotNeeded', { plan: input.planId, uscc: input.uscc });
      const c = changed.length ? input.correction! : undefined;
      const next: FeedbackFields = {
        ...values,
        correction_reason: c?.reason ?? old?.correction_reason ?? null,
        corrected_by: c?.approvedBy ?? old?.corrected_by ?? null,
        corrected_on: c?.approvedOn ?? old?.corrected_on ?? null,
      };
      // The opinion answers the written feedback (顺城 第二十条), so it cannot come before it.
      if (next.opinion_on !== null) {
        if (result.feedback_date === null)
          throw inputError('feedback.opinionBeforeFeedback', { plan: input.planId, uscc: input.uscc });
        if (next.opinion_on < result.feedback_date)
          throw inputError('feedback.opinionTooEarly', { opinion: next.opinion_on, feedback: result.feedback_date });
      }
      if (next.card_on !== null && next.card_on < result.check_date)
        throw inputError('feedback.cardTooEarly', { card: next.card_on, check: result.check_date });
      const row = putFeedback(db, result.id, next, at, operator);
      appendAudit(db, {
        at,
        operator,
        action: changed.length ? 'result.feedback.correct' : 'result.feedback',
        tables: RESULT_TABLES,
        planId: input.planId,
        payload: {
          ...(result.feedback_date !== oldFeedbackDate ? { results: [resultAuditRow(result)] } : {}),
          feedback: [feedbackAuditRow(row)],
        },
      });
      return { result, feedback: row };
    })
    .immediate();
}

/** The recorded values a change would overwrite (a value not recorded yet, null or '', may be added freely). */
export function changedAfterPublication(
  old: FeedbackRow | null,
  next: Pick<FeedbackFields, (typeof FEEDBACK_VALUES)[number]>,
): string[] {
  if (!old) return [];
  return FEEDBACK_VALUES.filter((f) => old[f] !== null && old[f] !== '' && old[f] !== next[f]);
}
