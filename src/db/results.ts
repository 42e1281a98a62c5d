import type { RowProblem } from '../domain/problem.js';
import type { ResultInputRow } from '../domain/results.js';
import type { PlanState } from '../core/deadlines.js';
import { inputError, notFound, refused, SsjError } from '../errors.js';
import { usccProblem } from '../domain/uscc.js';
import { choiceList, findFollowUp, findOutcome, FOLLOW_UPS, OUTCOMES } from '../domain/outcomes.js';
import { normaliseDate } from '../domain/dates.js';
import { normaliseCode } from '../domain/rosters.js';
import type { Db } from './open.js';

/**
 * Check results, their corrections and objections (高青 8.3, 9.1, 9.2). A published result is never edited:
 * a correction is stored beside it, and both stay. Rows are read and written with their column names as stored.
 */
export interface ResultRow extends ResultFields {
  id: number;
  plan_id: string;
  uscc: string;
  published_at: string | null;
  recorded_at: string;
  operator: string;
}

/** What a user records about a check (the rest of a results row is bookkeeping). */
export interface ResultFields {
  outcome: string;
  check_date: string;
  follow_up: string;
  note: string;
  report_date: string | null;
  feedback_date: string | null;
}

export interface CorrectionRow {
  id: number;
  result_id: number;
  outcome: string;
  follow_up: string;
  note: string;
  reason: string;
  published_at: string | null;
  recorded_at: string;
  operator: string;
  /** 高青 9.1: the head of the executing unit who signed the correction, and the day (NULL before migration 3). */
  approved_by: string | null;
  approved_on: string | null;
}

export interface ObjectionRow {
  id: number;
  result_id: number;
  received: string;
  text: string;
  resolution: string | null;
  decision: string | null;
  reviewed_at: string | null;
  answered_at: string | null;
  recorded_at: string;
  operator: string;
}

const RESULT_COLUMNS = [
  'id',
  'plan_id',
  'uscc',
  'outcome',
  'check_date',
  'follow_up',
  'note',
  'report_date',
  'feedback_date',
  'published_at',
  'recorded_at',
  'operator',
] as const;
const CORRECTION_COLUMNS = [
  'id',
  'result_id',
  'outcome',
  'follow_up',
  'note',
  'reason',
  'published_at',
  'recorded_at',
  'operator',
  'approved_by',
  'approved_on',
] as const;
const OBJECTION_COLUMNS = [
  'id',
  'result_id',
  'received',
  'text',
  'resolution',
  'decision',
  'reviewed_at',
  'answered_at',
  'recorded_at',
  'operator',
] as const;

/**
 * The columns each row of these tables carries in the audit log, the one list both the writers here
 * (resultAuditRow and friends) and `ssj audit verify` (src/audit/verify.ts) read: a column added to a table and
 * to this list is logged and checked at once; test/unit/audited-columns.test.ts fails when a table column is missing.
 */
export const AUDITED_COLUMNS = {
  results: RESULT_COLUMNS,
  corrections: CORRECTION_COLUMNS,
  objections: OBJECTION_COLUMNS,
} as const;

function pick(row: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));
}

/**
 * The canonical audit form of a results row: every column, keyed by its column name, value exactly as stored
 * (NULL as null). Every command that writes a results row puts this object in its audit payload under
 * `results` (an array), so `audit verify` can compare `SELECT * FROM results` with the newest entry naming each id.
 */
export function resultAuditRow(row: ResultRow): Record<string, unknown> {
  return pick(row as unknown as Record<string, unknown>, RESULT_COLUMNS);
}

/** The same for corrections (payload key `corrections`). */
export function correctionAuditRow(row: CorrectionRow): Record<string, unknown> {
  return pick(row as unknown as Record<string, unknown>, CORRECTION_COLUMNS);
}

/** The same for objections (payload key `objections`). */
export function objectionAuditRow(row: ObjectionRow): Record<string, unknown> {
  return pick(row as unknown as Record<string, unknown>, OBJECTION_COLUMNS);
}

// ---------------------------------------------------------------- plans and draws

export interface PlanInfo {
  id: string;
  json: string;
  status: string;
}

export interface DrawnEnterprise {
  uscc: string;
  name: string;
  role: string;
}

/** What a result needs from the plan: its active (non-void) draw and who was selected in it. */
export interface DrawnPlan {
  plan: PlanInfo;
  drawId: number;
  /** Selection rows of the active draw by USCC (selected, reserve and replaced). */
  selection: Map<string, DrawnEnterprise>;
}

/** Look a plan up with its active draw: not found exits 4, not drawn (or only void draws) exits 5. */
export function drawnPlan(db: Db, planId: string): DrawnPlan {
  const plan = db.prepare('SELECT id, json, status FROM plans WHERE id = ?').get(planId) as PlanInfo | undefined;
  if (!plan) throw notFound('result.planNotFound', { plan: planId });
  const draw = db.prepare("SELECT id FROM draws WHERE plan_id = ? AND status = 'active'").get(planId) as
    | { id: number }
    | undefined;
  if (!draw) throw refused('result.planNotDrawn', { plan: planId });
  const rows = db
    .prepare('SELECT uscc, name, role FROM selections WHERE draw_id = ?')
    .all(draw.id) as DrawnEnterprise[];
  return { plan, drawId: draw.id, selection: new Map(rows.map((r) => [r.uscc, r])) };
}

/** Why this enterprise cannot have a result in this draw, as [message code, params], or undefined when it can. */
export function selectionProblem(d: DrawnPlan, uscc: string): [string, Record<string, unknown>] | undefined {
  const problem = usccProblem(uscc);
  if (problem) return ['result.badUscc', { uscc, problem }];
  const s = d.selection.get(uscc);
  if (!s) return ['result.notInDraw', { uscc, plan: d.plan.id }];
  if (s.role !== 'selected') return ['result.notSelected', { uscc, plan: d.plan.id, role: s.role, name: s.name }];
  return undefined;
}

/** The selected enterprise, or the matching error (bad code exits 3, not in the draw 4, reserve/replaced 5). */
export function requireSelected(d: DrawnPlan, uscc: string): DrawnEnterprise {
  const p = selectionProblem(d, uscc);
  if (p) {
    const [code, params] = p;
    if (code === 'result.badUscc') throw inputError(code, params);
    if (code === 'result.notInDraw') throw notFound(code, params);
    throw refused(code, params);
  }
  return d.selection.get(uscc)!;
}

// ---------------------------------------------------------------- results

export function getResult(db: Db, planId: string, uscc: string): ResultRow | undefined {
  return db.prepare('SELECT * FROM results WHERE plan_id = ? AND uscc = ?').get(planId, uscc) as ResultRow | undefined;
}

export function getResultById(db: Db, id: number): ResultRow {
  return db.prepare('SELECT * FROM results WHERE id = ?').get(id) as ResultRow;
}

export function requireResult(db: Db, planId: string, uscc: string): ResultRow {
  const r = getResult(db, planId, uscc);
  if (!r) throw notFound('result.notRecorded', { plan: planId, uscc });
  return r;
}

/** The report comes after the check and the feedback after the report (顺城 第十七、十八条). */
export function checkDateOrder(
  f: Pick<ResultFields, 'check_date' | 'report_date' | 'feedback_date'>,
): [string, Record<string, unknown>] | undefined {
  if (f.report_date !== null && f.report_date < f.check_date)
    return ['result.reportBeforeCheck', { report: f.report_date, check: f.check_date }];
  if (f.feedback_date !== null && f.feedback_date < (f.report_date ?? f.check_date))
    return ['result.feedbackTooEarly', { feedback: f.feedback_date, after: f.report_date ?? f.check_date }];
  return undefined;
}

export function insertResult(
  db: Db,
  planId: string,
  uscc: string,
  f: ResultFields,
  at: string,
  operator: string,
): ResultRow {
  const info = db
    .prepare(
      `INSERT INTO results (plan_id, uscc, outcome, check_date, follow_up, note, report_date, feedback_date, recorded_at, operator)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(planId, uscc, f.outcome, f.check_date, f.follow_up, f.note, f.report_date, f.feedback_date, at, operator);
  return getResultById(db, Number(info.lastInsertRowid));
}

/** Rewrite an unpublished result; a published one is refused (it takes a correction). */
export function updateResult(db: Db, old: ResultRow, f: ResultFields, at: string, operator: string): ResultRow {
  if (old.published_at !== null)
    throw refused('result.published', { plan: old.plan_id, uscc: old.uscc, at: old.published_at });
  db.prepare(
    `UPDATE results SET outcome = ?, check_date = ?, follow_up = ?, note = ?, report_date = ?, feedback_date = ?, recorded_at = ?, operator = ?
     WHERE id = ?`,
  ).run(f.outcome, f.check_date, f.follow_up, f.note, f.report_date, f.feedback_date, at, operator, old.id);
  return getResultById(db, old.id);
}

/**
 * Record when the report was completed or the feedback given. These are facts about the procedure, not the
 * published finding, so a published result may still have them filled in once; changing one already set is
 * allowed only before publication.
 */
export function setProcessDate(
  db: Db,
  old: ResultRow,
  field: 'report_date' | 'feedback_date',
  date: string,
): ResultRow {
  const current = old[field];
  if (old.published_at !== null && current !== null && current !== date)
    throw refused('result.processDatePublished', { plan: old.plan_id, uscc: old.uscc, field, current });
  const next = { ...old, [field]: date };
  const order = checkDateOrder(next);
  if (order) throw inputError(order[0], order[1]);
  db.prepare(`UPDATE results SET ${field} = ? WHERE id = ?`).run(date, old.id);
  return getResultById(db, old.id);
}

/** Publish every unpublished result and correction of a plan. */
export function publishPlan(
  db: Db,
  planId: string,
  at: string,
): { results: ResultRow[]; corrections: CorrectionRow[] } {
  const results = db
    .prepare('SELECT * FROM results WHERE plan_id = ? AND published_at IS NULL ORDER BY id')
    .all(planId) as ResultRow[];
  const corrections = db
    .prepare(
      'SELECT c.* FROM corrections c JOIN results r ON r.id = c.result_id WHERE r.plan_id = ? AND c.published_at IS NULL ORDER BY c.id',
    )
    .all(planId) as CorrectionRow[];
  db.prepare('UPDATE results SET published_at = ? WHERE plan_id = ? AND published_at IS NULL').run(at, planId);
  db.prepare(
    'UPDATE corrections SET published_at = ? WHERE published_at IS NULL AND result_id IN (SELECT id FROM results WHERE plan_id = ?)',
  ).run(at, planId);
  return {
    results: results.map((r) => ({ ...r, published_at: at })),
    corrections: corrections.map((c) => ({ ...c, published_at: at })),
  };
}

// ---------------------------------------------------------------- corrections

export interface CorrectionFields {
  outcome: string;
  follow_up: string;
  note: string;
  reason: string;
  approved_by: string;
  approved_on: string;
}

/** A correction of a published result (高青 9.1); an unpublished result is simply recorded again instead. */
export function insertCorrection(
  db: Db,
  result: ResultRow,
  f: CorrectionFields,
  at: string,
  operator: string,
): CorrectionRow {
  if (result.published_at === null)
    throw refused('result.correctUnpublished', { plan: result.plan_id, uscc: result.uscc });
  const info = db
    .prepare(
      'INSERT INTO corrections (result_id, outcome, follow_up, note, reason, recorded_at, operator, approved_by, approved_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(result.id, f.outcome, f.follow_up, f.note, f.reason, at, operator, f.approved_by, f.approved_on);
  return db.prepare('SELECT * FROM corrections WHERE id = ?').get(Number(info.lastInsertRowid)) as CorrectionRow;
}

export function correctionsOf(db: Db, resultId: number): CorrectionRow[] {
  return db.prepare('SELECT * FROM corrections WHERE result_id = ? ORDER BY id').all(resultId) as CorrectionRow[];
}

// ---------------------------------------------------------------- the current view

export interface ResultView {
  planId: string;
  uscc: string;
  name: string;
  checkDate: string;
  /** The current finding: the newest correction's, else the original's. */
  outcome: string;
  followUp: string;
  note: string;
  reportDate: string | null;
  feedbackDate: string | null;
  publishedAt: string | null;
  recordedAt: string;
  operator: string;
  /** The finding as first recorded, when a correction replaced it (both are kept). */
  original: { outcome: string; followUp: string; note: string } | null;
  corrections: {
    id: number;
    outcome: string;
    followUp: string;
    note: string;
    reason: string;
    publishedAt: string | null;
    recordedAt: string;
    operator: string;
    approvedBy: string | null;
    approvedOn: string | null;
  }[];
}

/** Results with their corrections, newest correction applied, in plan then check-date order. */
export function resultViews(db: Db, planId?: string): ResultView[] {
  const rows = db
    .prepare(
      `SELECT r.*, COALESCE((SELECT s.name FROM selections s JOIN draws d ON d.id = s.draw_id
                             WHERE d.plan_id = r.plan_id AND s.uscc = r.uscc ORDER BY d.status = 'active' DESC, d.id DESC LIMIT 1), '') AS name
       FROM results r WHERE ? IS NULL OR r.plan_id = ? ORDER BY r.plan_id, r.check_date, r.uscc`,
    )
    .all(planId ?? null, planId ?? null) as (ResultRow & { name: string })[];
  return rows.map((r) => {
    const corrections = correctionsOf(db, r.id).map((c) => ({
      id: c.id,
      outcome: c.outcome,
      followUp: c.follow_up,
      note: c.note,
      reason: c.reason,
      publishedAt: c.published_at,
      recordedAt: c.recorded_at,
      operator: c.operator,
      approvedBy: c.approved_by,
      approvedOn: c.approved_on,
    }));
    const last = corrections[corrections.length - 1];
    return {
      planId: r.plan_id,
      uscc: r.uscc,
      name: r.name,
      checkDate: r.check_date,
      outcome: last?.outcome ?? r.outcome,
      followUp: last?.followUp ?? r.follow_up,
      note: last?.note ?? r.note,
      reportDate: r.report_date,
      feedbackDate: r.feedback_date,
      publishedAt: r.published_at,
      recordedAt: r.recorded_at,
      operator: r.operator,
      original: last ? { outcome: r.outcome, followUp: r.follow_up, note: r.note } : null,
      corrections,
    };
  });
}

// ---------------------------------------------------------------- objections

export function insertObjection(
  db: Db,
  result: ResultRow,
  received: string,
  text: string,
  at: string,
  operator: string,
): ObjectionRow {
  const info = db
    .prepare('INSERT INTO objections (result_id, received, text, recorded_at, operator) VALUES (?, ?, ?, ?, ?)')
    .run(result.id, received, text, at, operator);
  return getObjection(db, Number(info.lastInsertRowid));
}

export function getObjection(db: Db, id: number): ObjectionRow {
  const o = db.prepare('SELECT * FROM objections WHERE id = ?').get(id) as ObjectionRow | undefined;
  if (!o) throw notFound('objection.notFound', { id });
  return o;
}

/** Record the review's decision (高青 9.2); optionally also the day the enterprise was told. A decision is final. */
export function resolveObjection(
  db: Db,
  o: ObjectionRow,
  decision: string,
  text: string,
  reviewed: string,
  answered: string | null,
): ObjectionRow {
  if (o.reviewed_at !== null)
    throw refused('objection.alreadyResolved', { id: o.id, decision: o.decision, date: o.reviewed_at });
  if (reviewed < o.received) throw inputError('objection.reviewBeforeReceipt', { reviewed, received: o.received });
  if (answered !== null && answered < reviewed)
    throw inputError('objection.answerBeforeReview', { answered, reviewed });
  db.prepare('UPDATE objections SET decision = ?, resolution = ?, reviewed_at = ?, answered_at = ? WHERE id = ?').run(
    decision,
    text,
    reviewed,
    answered,
    o.id,
  );
  return getObjection(db, o.id);
}

/** Record the day the review's outcome was sent to the enterprise. */
export function answerObjection(db: Db, o: ObjectionRow, answered: string): ObjectionRow {
  if (o.reviewed_at === null) throw refused('objection.notReviewed', { id: o.id });
  if (o.answered_at !== null) throw refused('objection.alreadyAnswered', { id: o.id, date: o.answered_at });
  if (answered < o.reviewed_at) throw inputError('objection.answerBeforeReview', { answered, reviewed: o.reviewed_at });
  db.prepare('UPDATE objections SET answered_at = ? WHERE id = ?').run(answered, o.id);
  return getObjection(db, o.id);
}

export interface ObjectionView extends ObjectionRow {
  plan_id: string;
  uscc: string;
  name: string;
}

export function objectionViews(db: Db, planId?: string): ObjectionView[] {
  return db
    .prepare(
      `SELECT o.*, r.plan_id, r.uscc, COALESCE((SELECT s.name FROM selections s JOIN draws d ON d.id = s.draw_id
                                               WHERE d.plan_id = r.plan_id AND s.uscc = r.uscc ORDER BY d.status = 'active' DESC, d.id DESC LIMIT 1), '') AS name
       FROM objections o JOIN results r ON r.id = o.result_id WHERE ? IS NULL OR r.plan_id = ? ORDER BY o.id`,
    )
    .all(planId ?? null, planId ?? null) as ObjectionView[];
}

// ---------------------------------------------------------------- deadlines input

/** The state of every plan with an active draw (or just one), as the deadline computation needs it. */
export function planStates(db: Db, planId?: string): PlanState[] {
  const plans = db
    .prepare(
      `SELECT p.id, p.json, d.id AS draw_id FROM plans p JOIN draws d ON d.plan_id = p.id AND d.status = 'active'
       WHERE ? IS NULL OR p.id = ? ORDER BY p.id`,
    )
    .all(planId ?? null, planId ?? null) as { id: string; json: string; draw_id: number }[];
  return plans.map((p) => {
    const plan = parsePlanJson(p.json);
    const enterprises = (
      db
        .prepare(
          `SELECT s.uscc, s.name, r.check_date, r.report_date, r.feedback_date, r.published_at,
                  (SELECT f.opinion_kind IS NOT NULL FROM feedback f WHERE f.result_id = r.id) AS opinion
           FROM selections s LEFT JOIN results r ON r.plan_id = ? AND r.uscc = s.uscc
           WHERE s.draw_id = ? AND s.role = 'selected' ORDER BY s.uscc`,
        )
        .all(p.id, p.draw_id) as {
        uscc: string;
        name: string;
        check_date: string | null;
        report_date: string | null;
        feedback_date: string | null;
        published_at: string | null;
        opinion: number | null;
      }[]
    ).map((e) => ({
      uscc: e.uscc,
      name: e.name,
      result:
        e.check_date === null
          ? null
          : {
              checkDate: e.check_date,
              reportDate: e.report_date,
              feedbackDate: e.feedback_date,
              publishedAt: e.published_at,
              opinionRecorded: e.opinion === 1,
            },
    }));
    const objections = objectionViews(db, p.id).map((o) => ({
      id: o.id,
      uscc: o.uscc,
      name: o.name,
      received: o.received,
      reviewedAt: o.reviewed_at,
      answeredAt: o.answered_at,
    }));
    return { planId: p.id, windowEnd: plan.windowEnd, resultDays: plan.resultDays, enterprises, objections };
  });
}

/** The two plan fields deadlines need, read defensively (plans.json is the validated plan, but older rows may lack them). */
function parsePlanJson(json: string): { windowEnd: string | null; resultDays: number | null } {
  const p = JSON.parse(json) as { window?: { end?: unknown }; publication?: { resultDays?: unknown } };
  const end = p.window?.end;
  const days = p.publication?.resultDays;
  return {
    windowEnd: typeof end === 'string' ? end : null,
    resultDays: typeof days === 'number' && Number.isInteger(days) && days >= 0 ? days : null,
  };
}

// ---------------------------------------------------------------- many results at once (ssj result import)

/** One row of a results file, as read (strings, '' for an empty cell), with its line number in the file. */

export interface ValidResult {
  line: number;
  planId: string;
  uscc: string;
  fields: ResultFields;
}

/**
 * Check every row of a results file against the database: the plan is drawn, the enterprise selected in it,
 * the values known, no pair twice, no change to a published result. Returns all problems, so the officer fixes
 * the file once; rows identical to a published result are accepted (re-importing the same file is harmless).
 */
export function validateResultRows(
  db: Db,
  rows: readonly ResultInputRow[],
): { valid: ValidResult[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const valid: ValidResult[] = [];
  const plans = new Map<string, DrawnPlan | SsjErrorLike>();
  const seen = new Map<string, number>();
  for (const r of rows) {
    const bad = (field: string, code: string, params: Record<string, unknown> = {}) =>
      problems.push({ line: r.line, field, code, params });
    const before = problems.length;
    for (const f of ['plan', 'uscc', 'date', 'outcome'] as const) if (r[f].trim() === '') bad(f, 'result.required');
    const planId = r.plan.trim();
    const uscc = normaliseCode(r.uscc);
    if (planId) {
      if (!plans.has(planId)) plans.set(planId, tryDrawnPlan(db, planId));
      const d = plans.get(planId)!;
      if ('code' in d) bad('plan', d.code, d.details);
      else if (uscc) {
        const p = selectionProblem(d, uscc);
        if (p) bad('uscc', p[0], p[1]);
      }
    }
    const dates: Record<'date' | 'reportDate' | 'feedbackDate', string | null> = {
      date: null,
      reportDate: null,
      feedbackDate: null,
    };
    for (const f of ['date', 'reportDate', 'feedbackDate'] as const) {
      const v = r[f].trim();
      if (v === '') continue;
      const iso = normaliseDate(v);
      if (iso) dates[f] = iso;
      else bad(f, 'error.badDate', { field: f, value: v });
    }
    const outcome = r.outcome.trim() ? findOutcome(r.outcome) : undefined;
    if (r.outcome.trim() && !outcome)
      bad('outcome', 'result.unknownOutcome', { value: r.outcome, valid: choiceList(OUTCOMES) });
    const followUp = r.followUp.trim() ? findFollowUp(r.followUp) : '';
    if (followUp === undefined)
      bad('followUp', 'result.unknownFollowUp', { value: r.followUp, valid: choiceList(FOLLOW_UPS) });
    const key = `${planId}\u0000${uscc}`;
    if (planId && uscc && seen.has(key))
      bad('uscc', 'result.duplicateRow', { plan: planId, uscc, first: seen.get(key) });
    else seen.set(key, r.line);
    if (problems.length > before || !dates.date || !outcome || followUp === undefined) continue;

    const fields: ResultFields = {
      outcome,
      check_date: dates.date,
      follow_up: followUp,
      note: r.note.trim(),
      report_date: dates.reportDate,
      feedback_date: dates.feedbackDate,
    };
    const order = checkDateOrder(fields);
    if (order) {
      bad(order[0] === 'result.reportBeforeCheck' ? 'reportDate' : 'feedbackDate', order[0], order[1]);
      continue;
    }
    const old = getResult(db, planId, uscc);
    if (old?.published_at && !sameFields(old, fields)) {
      bad('outcome', 'result.published', { plan: planId, uscc, at: old.published_at });
      continue;
    }
    valid.push({ line: r.line, planId, uscc, fields });
  }
  return { valid, problems };
}

interface SsjErrorLike {
  code: string;
  details: Record<string, unknown>;
}

function tryDrawnPlan(db: Db, planId: string): DrawnPlan | SsjErrorLike {
  try {
    return drawnPlan(db, planId);
  } catch (e) {
    if (e instanceof SsjError) return { code: e.code, details: e.details };
    throw e;
  }
}

function sameFields(old: ResultRow, f: ResultFields): boolean {
  return (Object.keys(f) as (keyof ResultFields)[]).every((k) => old[k] === f[k]);
}

/** Write validated rows (inside the caller's transaction): new results inserted, unpublished ones updated, identical ones left alone. */
export function writeResults(
  db: Db,
  rows: readonly ValidResult[],
  at: string,
  operator: string,
): { written: ResultRow[]; previous: ResultRow[]; inserted: number; updated: number; unchanged: number } {
  const out = { written: [] as ResultRow[], previous: [] as ResultRow[], inserted: 0, updated: 0, unchanged: 0 };
  for (const r of rows) {
    const old = getResult(db, r.planId, r.uscc);
    if (old && sameFields(old, r.fields)) {
      out.unchanged++;
      continue;
    }
    if (old) {
      out.previous.push(old);
      out.written.push(updateResult(db, old, r.fields, at, operator));
      out.updated++;
    } else {
      out.written.push(insertResult(db, r.planId, r.uscc, r.fields, at, operator));
      out.inserted++;
    }
  }
  return out;
}

/** The plan and enterprise of the result an objection is about. */
export function resultTarget(db: Db, resultId: number): { plan_id: string; uscc: string } {
  return db.prepare('SELECT plan_id, uscc FROM results WHERE id = ?').get(resultId) as {
    plan_id: string;
    uscc: string;
  };
}

/** Whether a result is recorded for the enterprise in the plan. */
export function hasResult(db: Db, planId: string, uscc: string): boolean {
  return db.prepare('SELECT 1 FROM results WHERE plan_id = ? AND uscc = ?').get(planId, uscc) !== undefined;
}
