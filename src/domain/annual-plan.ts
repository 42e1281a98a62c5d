import { ENTERPRISE_WHERE_FIELDS, unknownKeys, type KeySchema } from './plan-keys.js';
import type { Plan } from './plan.js';
import { parseRatio, RatioFormatError } from './ratio.js';

/**
 * The annual plan (年度抽查计划; issue 18 part 5). 顺城 第十一条: fixed before the end of December for the next year;
 * 第十二条: 被检查对象的范围、对执法检查人员的要求、抽查的比例和频次、实施检查的时间; 高青 6.1: 范围、比例、时间安排和预估数量,
 * filed (备案) with the market regulator of the same level and published. One per year, file format in README
 * "The annual plan":
 *
 *   { "year": 2025, "title": "…", "scope": "…", "inspectors": "…",
 *     "strata": [ { "name": "重点行业", "where": { "supervision": ["重点"] }, "ratio": "20%", "frequency": 2, "estimated": 30 } ],
 *     "schedule": [ { "name": "第一季度", "start": "2025-01-15", "end": "2025-03-31", "strata": ["重点行业"] } ],
 *     "estimated": { "enterprises": 50, "checks": 60 },
 *     "filing": { "date": "2024-12-20", "office": "青禾县市场监督管理局" } }
 *
 * `ratio` is the share of the stratum each draw takes, `frequency` how many draws of the year take it, `estimated`
 * the enterprises expected to be checked in it over the year.
 */
export interface AnnualStratum {
  name: string;
  where: Partial<Record<(typeof ENTERPRISE_WHERE_FIELDS)[number], string[]>>;
  ratio: string;
  frequency: number;
  estimated: number | null;
}

export interface ScheduleEntry {
  name: string;
  start: string;
  end: string;
  /** The strata drawn in this period; empty = every stratum. */
  strata: string[];
}

export interface AnnualPlan {
  year: number;
  title: string;
  scope: string;
  /** 对执法检查人员的要求 (顺城 第十二条), as text. */
  inspectors: string;
  strata: AnnualStratum[];
  schedule: ScheduleEntry[];
  estimated: { enterprises: number | null; checks: number | null };
  filing: { date: string; office: string };
}

export interface AnnualProblem {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

export class AnnualPlanInvalid extends Error {
  constructor(readonly problems: AnnualProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.code}`).join('; '));
  }
}

const fields = (names: readonly string[]): KeySchema => Object.fromEntries(names.map((n) => [n, null]));
export const ANNUAL_KEYS: KeySchema = {
  year: null,
  title: null,
  scope: null,
  inspectors: null,
  strata: [{ name: null, where: fields(ENTERPRISE_WHERE_FIELDS), ratio: null, frequency: null, estimated: null }],
  schedule: [fields(['name', 'start', 'end', 'strata'])],
  estimated: fields(['enterprises', 'checks']),
  filing: fields(['date', 'office']),
};

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min = 0): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;
function isRealDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Validate an annual plan file, collecting every problem with its JSON path (the officer fixes the file once). */
export function validateAnnualPlan(raw: unknown): AnnualPlan {
  const problems: AnnualProblem[] = [];
  const bad = (path: string, code: string, params?: Record<string, unknown>) => problems.push({ path, code, params });
  if (!isObj(raw)) throw new AnnualPlanInvalid([{ path: '', code: 'annual.notObject' }]);
  for (const u of unknownKeys(raw, ANNUAL_KEYS))
    bad(u.path, u.nearest ? 'plan.unknownKeyNear' : 'plan.unknownKey', {
      key: u.key,
      nearest: u.nearest,
      known: u.known.join(', '),
    });

  const year = raw.year;
  if (!isInt(year, 2000) || year > 2100) bad('year', 'annual.badYear', { value: year });
  const y = isInt(year) ? year : 0;
  const title = text(raw.title);
  if (!title) bad('title', 'annual.required', { field: 'title' });
  const scope = text(raw.scope);
  if (!scope) bad('scope', 'annual.required', { field: 'scope' });
  const inspectors = raw.inspectors === undefined ? '' : text(raw.inspectors);
  if (inspectors === undefined) bad('inspectors', 'annual.badText');

  const strata: AnnualStratum[] = [];
  if (!Array.isArray(raw.strata) || !raw.strata.length) bad('strata', 'annual.noStrata');
  else
    raw.strata.forEach((s: unknown, i: number) => {
      const p = `strata[${i}]`;
      if (!isObj(s)) return bad(p, 'annual.notObject');
      const name = text(s.name);
      if (!name) bad(`${p}.name`, 'annual.required', { field: 'name' });
      else if (strata.some((x) => x.name === name)) bad(`${p}.name`, 'annual.duplicateStratum', { name });
      const where: AnnualStratum['where'] = {};
      if (s.where !== undefined && !isObj(s.where)) bad(`${p}.where`, 'annual.notObject');
      else
        for (const [k, v] of Object.entries(s.where ?? {})) {
          const list = Array.isArray(v) ? v : [v];
          if (!list.every((x) => typeof x === 'string' && x.trim())) bad(`${p}.where.${k}`, 'annual.badList');
          else where[k as keyof AnnualStratum['where']] = list.map((x: string) => x.trim());
        }
      let ratio = '';
      try {
        if (typeof s.ratio !== 'string') throw new RatioFormatError(String(s.ratio));
        parseRatio(s.ratio);
        ratio = s.ratio.trim();
      } catch (e) {
        if (!(e instanceof RatioFormatError)) throw e;
        bad(`${p}.ratio`, 'annual.badRatio', { value: s.ratio });
      }
      if (!isInt(s.frequency, 1) || s.frequency > 12)
        bad(`${p}.frequency`, 'annual.badFrequency', { value: s.frequency });
      if (s.estimated !== undefined && !isInt(s.estimated))
        bad(`${p}.estimated`, 'annual.badCount', { value: s.estimated });
      strata.push({
        name: name ?? '',
        where,
        ratio,
        frequency: isInt(s.frequency, 1) ? s.frequency : 1,
        estimated: isInt(s.estimated) ? s.estimated : null,
      });
    });

  const schedule: ScheduleEntry[] = [];
  if (!Array.isArray(raw.schedule) || !raw.schedule.length) bad('schedule', 'annual.noSchedule');
  else
    raw.schedule.forEach((e: unknown, i: number) => {
      const p = `schedule[${i}]`;
      if (!isObj(e)) return bad(p, 'annual.notObject');
      const name = text(e.name) ?? `${i + 1}`;
      for (const k of ['start', 'end'] as const) {
        if (!isRealDate(e[k])) bad(`${p}.${k}`, 'annual.badDate', { value: e[k] });
        else if (y && !(e[k] as string).startsWith(`${y}-`))
          bad(`${p}.${k}`, 'annual.dateOutsideYear', { value: e[k], year: y });
      }
      if (isRealDate(e.start) && isRealDate(e.end) && e.start > e.end)
        bad(p, 'annual.startAfterEnd', { start: e.start, end: e.end });
      const names = e.strata === undefined ? [] : Array.isArray(e.strata) ? e.strata : [e.strata];
      for (const n of names)
        if (typeof n !== 'string' || !strata.some((s) => s.name === n))
          bad(`${p}.strata`, 'annual.unknownStratum', { value: n, known: strata.map((s) => s.name).join('、') });
      schedule.push({
        name,
        start: String(e.start ?? ''),
        end: String(e.end ?? ''),
        strata: names.filter((n): n is string => typeof n === 'string'),
      });
    });

  const est = raw.estimated === undefined ? {} : raw.estimated;
  if (!isObj(est)) bad('estimated', 'annual.notObject');
  const estimated = { enterprises: null as number | null, checks: null as number | null };
  if (isObj(est))
    for (const k of ['enterprises', 'checks'] as const) {
      if (est[k] === undefined) continue;
      if (!isInt(est[k])) bad(`estimated.${k}`, 'annual.badCount', { value: est[k] });
      else estimated[k] = est[k] as number;
    }

  const filing = isObj(raw.filing) ? raw.filing : undefined;
  if (!filing) bad('filing', 'annual.noFiling');
  else {
    if (!isRealDate(filing.date)) bad('filing.date', 'annual.badDate', { value: filing.date });
    if (!text(filing.office)) bad('filing.office', 'annual.required', { field: 'filing.office' });
  }
  if (problems.length) throw new AnnualPlanInvalid(problems);
  return {
    year: y,
    title: title!,
    scope: scope!,
    inspectors: inspectors ?? '',
    strata,
    schedule,
    estimated,
    filing: { date: String(filing!.date), office: text(filing!.office)! },
  };
}

/** What a draw plan does outside the year's annual plan (a warning at plan add and freeze; nothing is refused). */
export interface AnnualDeviation {
  code: string;
  params: Record<string, unknown>;
}

/**
 * Compare one draw plan with the annual plan of its year. `others` are the year's other plans (not withdrawn), to
 * count how many draws take each stratum against its frequency.
 */
export function annualDeviations(annual: AnnualPlan, plan: Plan, others: readonly Plan[]): AnnualDeviation[] {
  const out: AnnualDeviation[] = [];
  const inWindow = annual.schedule.filter((e) => e.start <= plan.window.start && plan.window.end <= e.end);
  if (!inWindow.length)
    out.push({
      code: 'annual.outsideSchedule',
      params: {
        plan: plan.id,
        start: plan.window.start,
        end: plan.window.end,
        schedule: annual.schedule.map((e) => `${e.name} ${e.start}–${e.end}`).join('; '),
      },
    });
  for (const s of plan.strata) {
    const a = annual.strata.find((x) => x.name === s.name);
    if (!a) {
      out.push({
        code: 'annual.planStratumUnknown',
        params: { plan: plan.id, stratum: s.name, known: annual.strata.map((x) => x.name).join('、') },
      });
      continue;
    }
    if (s.ratio !== undefined && !sameRatio(s.ratio, a.ratio))
      out.push({
        code: 'annual.otherRatio',
        params: { plan: plan.id, stratum: s.name, ratio: s.ratio, annual: a.ratio },
      });
    if (inWindow.length && inWindow.every((e) => e.strata.length > 0 && !e.strata.includes(s.name)))
      out.push({ code: 'annual.stratumNotScheduled', params: { plan: plan.id, stratum: s.name } });
    const draws = 1 + others.filter((o) => o.id !== plan.id && o.strata.some((x) => x.name === s.name)).length;
    if (draws > a.frequency)
      out.push({
        code: 'annual.overFrequency',
        params: { plan: plan.id, stratum: s.name, draws, frequency: a.frequency },
      });
  }
  return out;
}

function sameRatio(a: string, b: string): boolean {
  try {
    const x = parseRatio(a);
    const y = parseRatio(b);
    return x.num * y.den === y.num * x.den;
  } catch {
    return a.trim() === b.trim();
  }
}
