import { addWorkdays, workdaysBetween, type WorkCalendar } from './workdays.js';
import { tryCalendar } from './deadlines.js';

/**
 * The year in numbers (`ssj report --year Y`, issue 18 part 6; DESIGN.md "The year in numbers"). Pure: every row
 * comes in as an argument (src/db/year-report.ts reads them), the calendar and today's date too.
 *
 * What counts as a check, as for the yearly cap (DESIGN.md "Caps and exclusions"): an enterprise selected (not a
 * reserve, not replaced) by a non-void draw of a plan of the year, and each row of the imported history dated in the
 * year (the office's own earlier checks and the higher level's). 国办发〔2024〕54号 asks for warnings of repeated and
 * too frequent checks: every enterprise with two or more checks is listed with the rows behind them, and "over the
 * cap" when its checks exceed the yearly cap of every plan that selected it and did not exempt it. Over the cap
 * happens although each draw applies the cap: the higher level's checks arrive in the history after the draw, and
 * an enterprise can be drawn in two plans frozen before either was drawn.
 */

export interface YearEnterprise {
  uscc: string;
  name: string;
  industry: string;
  region: string;
  credit: string;
  flags: string[];
  active: boolean;
}

export interface YearInspector {
  certNo: string;
  name: string;
  unit: string;
  kind: string;
  active: boolean;
}

export interface YearHistory {
  uscc: string;
  date: string;
  source: string;
  task: string;
}

export interface YearStratum {
  name: string;
  population: number;
  pool: number;
  /** n_s: how many the draw selected. */
  selected: number;
  reserves: number;
}

export interface YearSelection {
  uscc: string;
  name: string;
  stratum: string;
  role: 'selected' | 'reserve' | 'replaced' | string;
}

export interface YearDraw {
  drawId: number;
  planId: string;
  planTitle: string;
  planYear: number;
  status: 'active' | 'void';
  /** Beijing date of the draw. */
  drawnOn: string;
  cap: { perYear: number; exempt: { credit: string[]; flags: string[] } };
  strata: YearStratum[];
  /** The enterprises of each stratum's frozen pool (pool-enterprises.csv of the draw), for coverage by stratum. */
  pool: { stratum: string; uscc: string }[];
  selections: YearSelection[];
  /** Team seats of the draw's current state (after recusals), one per seat. */
  seats: { uscc: string; certNo: string }[];
}

export interface YearResult {
  planId: string;
  uscc: string;
  name: string;
  checkDate: string;
  /** Beijing date the result was marked published; null while not. */
  publishedOn: string | null;
  /** The plan's publication.resultDays, else the office setting. */
  resultDays: number;
}

export interface YearCorrection {
  planId: string;
  uscc: string;
  reason: string;
  approvedBy: string | null;
  approvedOn: string | null;
  recordedOn: string;
  published: boolean;
}

export interface YearObjection {
  id: number;
  planId: string;
  uscc: string;
  received: string;
  decision: string | null;
  reviewedOn: string | null;
  answeredOn: string | null;
}

export interface YearInput {
  year: number;
  /** Beijing date the report is made (what is overdue is counted to it). */
  today: string;
  enterprises: YearEnterprise[];
  inspectors: YearInspector[];
  /** Active history rows of the years year-2 .. year. */
  history: YearHistory[];
  /** Draws (active and void) of plans of the years year-2 .. year. */
  draws: YearDraw[];
  /** Results of the year's plans. */
  results: YearResult[];
  corrections: YearCorrection[];
  objections: YearObjection[];
  /** The year's annual plan (issue 18 part 5), to compare planned and done; null when none is recorded. */
  annual?: YearAnnual | null;
}

/** What the report needs of the annual plan (src/domain/annual-plan.ts AnnualPlan, read structurally). */
export interface YearAnnual {
  strata: { name: string; ratio: string; frequency: number; estimated: number | null }[];
  schedule: { name: string; start: string; end: string }[];
  estimated: { enterprises: number | null; checks: number | null };
}

/** Planned (the annual plan) beside done (the year's active draws), per stratum, per period and in total. */
export interface PlannedDone {
  strata: {
    name: string;
    ratio: string;
    frequency: number;
    estimated: number | null;
    /** Active draws of the year that drew this stratum. */
    draws: number;
    /** Distinct enterprises of the stratum checked by them. */
    checked: number;
  }[];
  /** Each period with the plans drawn in it (by draw date). */
  schedule: { name: string; start: string; end: string; plans: string[] }[];
  /** Active draws of the year whose draw date falls in no period. */
  outside: string[];
  estimated: { enterprises: number | null; checks: number | null };
  done: { enterprises: number; checks: number };
}

export interface CoverageRow {
  key: string;
  /** Enterprises in the group (active roster; for strata: in the stratum's pool of at least one of the year's draws). */
  members: number;
  /** Of them, checked at least once by the office's own draws of the year. */
  checked: number;
  share: number;
}

export interface CheckRow {
  kind: 'draw' | 'history';
  date: string;
  planId: string | null;
  drawId: number | null;
  stratum: string | null;
  source: string | null;
  task: string | null;
}

export interface RepeatRow {
  uscc: string;
  name: string;
  count: number;
  /**
   * The largest yearly cap of the year's plans that selected it and under which it is not exempt (the loosest rule
   * that let the office check it); null when no such plan selected it (only exempt selections, or only others' checks).
   */
  cap: number | null;
  overCap: boolean;
  /** Plans that selected it although it was exempt from their cap (失信 …): repeats there are intended. */
  exemptIn: string[];
  checks: CheckRow[];
}

export interface InspectorLoad {
  certNo: string;
  name: string;
  unit: string;
  kind: string;
  seats: number;
}

export interface Spread {
  mean: number;
  min: number;
  max: number;
  /** Population standard deviation. */
  sd: number;
}

export type PublishStatus = 'on-time' | 'late' | 'overdue' | 'pending' | 'uncounted';

export interface PublishRow {
  planId: string;
  uscc: string;
  name: string;
  checkDate: string;
  resultDays: number;
  /** checkDate + resultDays working days; null when the calendar does not cover the year. */
  deadline: string | null;
  publishedOn: string | null;
  /** Working days from the check to publication; null when not published or not countable. */
  workdays: number | null;
  status: PublishStatus;
}

export interface ProbabilityRow extends YearStratum {
  /** n/pool, the chance of each enterprise in the pool (SSJ-1/2: n of pool by SHA-256 tickets); null for an empty pool. */
  p: number | null;
  /** What the stored selection holds now: selected (after replacements), reserves, replaced. */
  observed: { selected: number; reserve: number; replaced: number };
}

export interface DrawProbabilities {
  drawId: number;
  planId: string;
  planTitle: string;
  drawnOn: string;
  status: 'active' | 'void';
  strata: ProbabilityRow[];
}

export interface YearReport {
  year: number;
  today: string;
  totals: {
    enterprises: number;
    /** Distinct enterprises selected by the office's own draws of the year. */
    checkedOwn: number;
    /** Also counting the imported history of the year (higher level included). */
    checkedAny: number;
    plans: number;
    draws: number;
    voidDraws: number;
    checks: number;
    historyChecks: number;
    seats: number;
    results: number;
    published: number;
  };
  coverage: { byStratum: CoverageRow[]; byIndustry: CoverageRow[]; byRegion: CoverageRow[] };
  neverChecked: {
    from: number;
    to: number;
    enterprises: { uscc: string; name: string; industry: string; region: string }[];
  };
  repeats: RepeatRow[];
  workload: { inspectors: InspectorLoad[]; spread: Spread | null; idle: InspectorLoad[]; seats: number };
  publishing: {
    rows: PublishRow[];
    counts: Record<PublishStatus, number>;
    /** Median and longest working days from check to publication, over the published results counted. */
    median: number | null;
    longest: number | null;
  };
  objections: { count: number; reviewed: number; answered: number; decisions: Record<string, number> };
  objectionRows: YearObjection[];
  corrections: { count: number; approved: number; published: number; rows: YearCorrection[] };
  probabilities: DrawProbabilities[];
  /** Planned and done; null without an annual plan. */
  annual: PlannedDone | null;
}

const NOT_CHECKED = '（未填写）';

/** Round to 4 decimals so the JSON and the goldens do not carry binary noise. */
const r4 = (x: number): number => Math.round(x * 10_000) / 10_000;

function coverageBy(
  groups: Map<string, Set<string>>,
  checked: ReadonlySet<string>,
  order: (a: CoverageRow, b: CoverageRow) => number,
): CoverageRow[] {
  return [...groups]
    .map(([key, members]) => {
      let n = 0;
      for (const u of members) if (checked.has(u)) n++;
      return { key, members: members.size, checked: n, share: members.size ? r4(n / members.size) : 0 };
    })
    .sort(order);
}

const byMembers = (a: CoverageRow, b: CoverageRow) => b.members - a.members || (a.key < b.key ? -1 : 1);

function groupBy<T>(rows: Iterable<T>, key: (t: T) => string, value: (t: T) => string): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const r of rows) {
    const k = key(r).trim() || NOT_CHECKED;
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(value(r));
  }
  return m;
}

export function spread(values: readonly number[]): Spread | null {
  if (!values.length) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  return { mean: r4(mean), min: Math.min(...values), max: Math.max(...values), sd: r4(sd) };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function isExempt(cap: YearDraw['cap'], e: YearEnterprise | undefined): boolean {
  if (!e) return false;
  return cap.exempt.credit.includes(e.credit.trim()) || e.flags.some((f) => cap.exempt.flags.includes(f));
}

/** Publication timing of one result against its deadline (高青 9.1: resultDays working days after the check). */
export function publishRow(cal: WorkCalendar, today: string, r: YearResult): PublishRow {
  const base = { planId: r.planId, uscc: r.uscc, name: r.name, checkDate: r.checkDate, resultDays: r.resultDays };
  const due = tryCalendar(() => addWorkdays(cal, r.checkDate, r.resultDays));
  if (due.value === undefined)
    return { ...base, deadline: null, publishedOn: r.publishedOn, workdays: null, status: 'uncounted' };
  const deadline = due.value;
  if (r.publishedOn === null)
    return { ...base, deadline, publishedOn: null, workdays: null, status: today > deadline ? 'overdue' : 'pending' };
  const took = tryCalendar(() => workdaysBetween(cal, r.checkDate, r.publishedOn!));
  return {
    ...base,
    deadline,
    publishedOn: r.publishedOn,
    workdays: took.value ?? null,
    status: r.publishedOn <= deadline ? 'on-time' : 'late',
  };
}

export function yearReport(input: YearInput, cal: WorkCalendar): YearReport {
  const { year } = input;
  const enterprises = new Map(input.enterprises.map((e) => [e.uscc, e]));
  const nameOf = (uscc: string, fallback = '') => enterprises.get(uscc)?.name ?? fallback;
  const yearDraws = input.draws.filter((d) => d.planYear === year);
  const activeDraws = yearDraws.filter((d) => d.status === 'active');
  const inYear = (date: string) => date.startsWith(`${year}-`);

  // Every check of the year, per enterprise, in date order.
  const checks = new Map<string, CheckRow[]>();
  const add = (uscc: string, c: CheckRow) => {
    let list = checks.get(uscc);
    if (!list) checks.set(uscc, (list = []));
    list.push(c);
  };
  const selectedNames = new Map<string, string>();
  for (const d of activeDraws)
    for (const s of d.selections)
      if (s.role === 'selected') {
        selectedNames.set(s.uscc, s.name);
        add(s.uscc, {
          kind: 'draw',
          date: d.drawnOn,
          planId: d.planId,
          drawId: d.drawId,
          stratum: s.stratum,
          source: null,
          task: null,
        });
      }
  const historyOfYear = input.history.filter((h) => inYear(h.date));
  for (const h of historyOfYear)
    add(h.uscc, {
      kind: 'history',
      date: h.date,
      planId: null,
      drawId: null,
      stratum: null,
      source: h.source,
      task: h.task,
    });
  for (const list of checks.values())
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind < b.kind ? -1 : 1));

  const checkedOwn = new Set(selectedNames.keys());
  const checkedAny = new Set(checks.keys());

  // Coverage: the active roster by industry and region; strata by the union of the year's pools.
  const active = input.enterprises.filter((e) => e.active);
  const strataMembers = new Map<string, Set<string>>();
  for (const d of activeDraws) {
    const addTo = (stratum: string, uscc: string) => {
      let s = strataMembers.get(stratum);
      if (!s) strataMembers.set(stratum, (s = new Set()));
      s.add(uscc);
    };
    for (const p of d.pool) addTo(p.stratum, p.uscc);
    for (const s of d.selections) if (s.role === 'selected') addTo(s.stratum, s.uscc);
  }
  const strataOrder = [...new Set(activeDraws.flatMap((d) => d.strata.map((s) => s.name)))];
  const coverage = {
    byStratum: coverageBy(strataMembers, checkedOwn, (a, b) => strataOrder.indexOf(a.key) - strataOrder.indexOf(b.key)),
    byIndustry: coverageBy(
      groupBy(
        active,
        (e) => e.industry,
        (e) => e.uscc,
      ),
      checkedOwn,
      byMembers,
    ),
    byRegion: coverageBy(
      groupBy(
        active,
        (e) => e.region,
        (e) => e.uscc,
      ),
      checkedOwn,
      byMembers,
    ),
  };

  // Never checked in three years: no own selection in plans of year-2..year and no history row in those years.
  const from = year - 2;
  const touched = new Set<string>();
  for (const d of input.draws)
    if (d.status === 'active' && d.planYear >= from && d.planYear <= year)
      for (const s of d.selections) if (s.role === 'selected') touched.add(s.uscc);
  for (const h of input.history) {
    const y = Number(h.date.slice(0, 4));
    if (y >= from && y <= year) touched.add(h.uscc);
  }
  const neverChecked = {
    from,
    to: year,
    enterprises: active
      .filter((e) => !touched.has(e.uscc))
      .map((e) => ({ uscc: e.uscc, name: e.name, industry: e.industry, region: e.region }))
      .sort((a, b) => (a.uscc < b.uscc ? -1 : 1)),
  };

  // Repeats (two or more checks) and over-cap checks.
  const repeats: RepeatRow[] = [];
  for (const [uscc, list] of checks) {
    const e = enterprises.get(uscc);
    let cap: number | null = null;
    const exemptIn: string[] = [];
    for (const d of activeDraws) {
      if (!d.selections.some((s) => s.uscc === uscc && s.role === 'selected')) continue;
      if (isExempt(d.cap, e)) exemptIn.push(d.planId);
      else cap = cap === null ? d.cap.perYear : Math.max(cap, d.cap.perYear);
    }
    const overCap = cap !== null && list.length > cap;
    if (list.length < 2 && !overCap) continue;
    repeats.push({
      uscc,
      name: nameOf(uscc, selectedNames.get(uscc) ?? ''),
      count: list.length,
      cap,
      overCap,
      exemptIn,
      checks: list,
    });
  }
  repeats.sort((a, b) => Number(b.overCap) - Number(a.overCap) || b.count - a.count || (a.uscc < b.uscc ? -1 : 1));

  // Inspector workload: seats of selected enterprises in the year's active draws.
  const seatCount = new Map<string, number>();
  let seats = 0;
  for (const d of activeDraws) {
    const selected = new Set(d.selections.filter((s) => s.role === 'selected').map((s) => s.uscc));
    for (const s of d.seats)
      if (selected.has(s.uscc)) {
        seatCount.set(s.certNo, (seatCount.get(s.certNo) ?? 0) + 1);
        seats++;
      }
  }
  const known = new Map(input.inspectors.map((i) => [i.certNo, i]));
  const loads: InspectorLoad[] = input.inspectors
    .filter((i) => i.active || seatCount.has(i.certNo))
    .map((i) => ({ certNo: i.certNo, name: i.name, unit: i.unit, kind: i.kind, seats: seatCount.get(i.certNo) ?? 0 }));
  for (const [certNo, n] of seatCount)
    if (!known.has(certNo)) loads.push({ certNo, name: '', unit: '', kind: '', seats: n });
  loads.sort((a, b) => b.seats - a.seats || (a.certNo < b.certNo ? -1 : 1));
  const officers = loads.filter((l) => l.kind !== 'expert');

  // Publication against the deadline.
  const rows = input.results.map((r) => publishRow(cal, input.today, r));
  const counts: Record<PublishStatus, number> = { 'on-time': 0, late: 0, overdue: 0, pending: 0, uncounted: 0 };
  for (const r of rows) counts[r.status]++;
  const took = rows.filter((r) => r.workdays !== null).map((r) => r.workdays!);

  const decisions: Record<string, number> = {};
  for (const o of input.objections) if (o.decision) decisions[o.decision] = (decisions[o.decision] ?? 0) + 1;

  const probabilities: DrawProbabilities[] = yearDraws.map((d) => ({
    drawId: d.drawId,
    planId: d.planId,
    planTitle: d.planTitle,
    drawnOn: d.drawnOn,
    status: d.status,
    strata: d.strata.map((s) => {
      const observed = { selected: 0, reserve: 0, replaced: 0 };
      for (const x of d.selections)
        if (x.stratum === s.name && (x.role === 'selected' || x.role === 'reserve' || x.role === 'replaced'))
          observed[x.role]++;
      return { ...s, p: s.pool ? r4(s.selected / s.pool) : null, observed };
    }),
  }));

  const a = input.annual ?? null;
  const checksOwn = [...checks.values()].reduce((n, l) => n + l.filter((c) => c.kind === 'draw').length, 0);
  const annual: PlannedDone | null = a && {
    strata: a.strata.map((s) => {
      const drawsOf = activeDraws.filter((d) => d.strata.some((x) => x.name === s.name));
      const checked = new Set(
        drawsOf.flatMap((d) =>
          d.selections.filter((x) => x.stratum === s.name && x.role === 'selected').map((x) => x.uscc),
        ),
      );
      return { ...s, draws: drawsOf.length, checked: checked.size };
    }),
    schedule: a.schedule.map((e) => ({
      ...e,
      plans: activeDraws.filter((d) => e.start <= d.drawnOn && d.drawnOn <= e.end).map((d) => d.planId),
    })),
    outside: activeDraws
      .filter((d) => !a.schedule.some((e) => e.start <= d.drawnOn && d.drawnOn <= e.end))
      .map((d) => d.planId),
    estimated: a.estimated,
    done: { enterprises: checkedOwn.size, checks: checksOwn },
  };

  return {
    year,
    today: input.today,
    totals: {
      enterprises: active.length,
      checkedOwn: checkedOwn.size,
      checkedAny: checkedAny.size,
      plans: new Set(yearDraws.map((d) => d.planId)).size,
      draws: activeDraws.length,
      voidDraws: yearDraws.length - activeDraws.length,
      checks: checksOwn,
      historyChecks: historyOfYear.length,
      seats,
      results: input.results.length,
      published: input.results.filter((r) => r.publishedOn !== null).length,
    },
    coverage,
    neverChecked,
    repeats,
    workload: {
      inspectors: loads,
      // The spread is over officers: experts are seated only where a plan asks for them.
      spread: spread(officers.map((l) => l.seats)),
      idle: loads.filter((l) => l.seats === 0),
      seats,
    },
    publishing: { rows, counts, median: median(took), longest: took.length ? Math.max(...took) : null },
    objections: {
      count: input.objections.length,
      reviewed: input.objections.filter((o) => o.reviewedOn !== null).length,
      answered: input.objections.filter((o) => o.answeredOn !== null).length,
      decisions,
    },
    objectionRows: input.objections,
    corrections: {
      count: input.corrections.length,
      approved: input.corrections.filter((c) => c.approvedBy !== null).length,
      published: input.corrections.filter((c) => c.published).length,
      rows: input.corrections,
    },
    probabilities,
    annual,
  };
}
