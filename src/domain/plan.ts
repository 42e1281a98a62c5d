import { parseRatio, RatioFormatError } from './ratio.js';

/** The plan file (DESIGN.md "Plan file"), with every default made explicit once validated. */
export interface Stratum {
  name: string;
  where: Partial<Record<WhereField, string[]>>;
  ratio?: string;
  count?: number;
  min: number;
  reserves: number;
}

export interface Plan {
  id: string;
  title: string;
  year: number;
  window: { start: string; end: string };
  cap: { perYear: number; exempt: { credit: string[]; flags: string[] } };
  exclude: { status: string[] };
  strata: Stratum[];
  team: { size: number; specialists: number; maxPerInspector: number | null };
  items: { perEnterprise: number };
  publication: { unannounced: boolean; resultDays: number | null };
}

export const WHERE_FIELDS = ['region', 'industry', 'supervision', 'type', 'risk', 'credit'] as const;
export type WhereField = (typeof WHERE_FIELDS)[number];
export const DEFAULT_EXCLUDED_STATUS = ['注销', '吊销', '撤销', '迁出'];
export const DEFAULT_RESERVES = 3;

export interface PlanProblem {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

export class PlanInvalid extends Error {
  constructor(readonly problems: PlanProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.code}`).join('; '));
  }
}

const ID_RE = /^[\p{L}\p{N}_.-]{1,40}$/u;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: unknown): s is string {
  if (typeof s !== 'string' || !DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min = 0): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;
const strList = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => typeof x === 'string')
    ? v.map((x) => x.trim())
    : typeof v === 'string'
      ? [v.trim()]
      : undefined;

const KNOWN_TOP = [
  'id',
  'title',
  'year',
  'window',
  'cap',
  'exclude',
  'strata',
  'team',
  'items',
  'publication',
  'description',
  'seedSource',
];

/**
 * Validate a parsed plan file. Collects every problem (so the officer fixes the file once) and returns the plan
 * with defaults filled in. Checks that need the roster (unknown where values, empty strata) are in planRosterWarnings.
 */
export function validatePlan(raw: unknown): Plan {
  const problems: PlanProblem[] = [];
  const bad = (path: string, code: string, params?: Record<string, unknown>) => problems.push({ path, code, params });
  if (!isObj(raw)) throw new PlanInvalid([{ path: '', code: 'plan.notObject' }]);
  for (const k of Object.keys(raw))
    if (!KNOWN_TOP.includes(k)) bad(k, 'plan.unknownKey', { key: k, known: KNOWN_TOP.join(', ') });

  const id = raw.id;
  if (typeof id !== 'string' || !ID_RE.test(id)) bad('id', 'plan.badId', { value: id });
  const title = typeof raw.title === 'string' && raw.title.trim() ? raw.title.trim() : '';
  if (!title) bad('title', 'plan.required', { field: 'title' });
  const year = raw.year;
  if (!isInt(year, 2000) || year > 2200) bad('year', 'plan.badYear', { value: year });

  const w = isObj(raw.window) ? raw.window : {};
  if (!isRealDate(w.start)) bad('window.start', 'plan.badDate', { value: w.start });
  if (!isRealDate(w.end)) bad('window.end', 'plan.badDate', { value: w.end });
  if (isRealDate(w.start) && isRealDate(w.end)) {
    if (w.start > w.end) bad('window', 'plan.windowOrder', { start: w.start, end: w.end });
    if (isInt(year) && (w.start.slice(0, 4) !== String(year) || w.end.slice(0, 4) !== String(year)))
      bad('year', 'plan.yearWindow', { year, start: w.start, end: w.end });
  }

  const cap = isObj(raw.cap) ? raw.cap : undefined;
  if (!cap || !isInt(cap.perYear, 1)) bad('cap.perYear', 'plan.badCap', { value: cap?.perYear });
  const exempt = cap && isObj(cap.exempt) ? cap.exempt : {};
  for (const k of Object.keys(exempt))
    if (k !== 'credit' && k !== 'flags') bad(`cap.exempt.${k}`, 'plan.unknownKey', { key: k, known: 'credit, flags' });
  const exemptCredit = exempt.credit === undefined ? [] : strList(exempt.credit);
  const exemptFlags = exempt.flags === undefined ? [] : strList(exempt.flags);
  if (!exemptCredit) bad('cap.exempt.credit', 'plan.badList');
  if (!exemptFlags) bad('cap.exempt.flags', 'plan.badList');

  const ex = isObj(raw.exclude) ? raw.exclude : {};
  const excludeStatus = ex.status === undefined ? DEFAULT_EXCLUDED_STATUS : strList(ex.status);
  if (!excludeStatus) bad('exclude.status', 'plan.badList');

  const strata: Stratum[] = [];
  if (!Array.isArray(raw.strata) || raw.strata.length === 0) bad('strata', 'plan.noStrata');
  else {
    const names = new Set<string>();
    raw.strata.forEach((s: unknown, i: number) => {
      const p = `strata[${i}]`;
      if (!isObj(s)) return bad(p, 'plan.notObject');
      for (const k of Object.keys(s))
        if (!['name', 'where', 'ratio', 'count', 'min', 'reserves'].includes(k))
          bad(`${p}.${k}`, 'plan.unknownKey', { key: k, known: 'name, where, ratio, count, min, reserves' });
      const name = typeof s.name === 'string' ? s.name.trim() : '';
      if (!name || name.includes('|')) bad(`${p}.name`, 'plan.badStratumName', { value: s.name });
      else if (names.has(name)) bad(`${p}.name`, 'plan.duplicateStratum', { name });
      names.add(name);
      const where: Partial<Record<WhereField, string[]>> = {};
      if (s.where !== undefined) {
        if (!isObj(s.where)) bad(`${p}.where`, 'plan.notObject');
        else
          for (const [k, v] of Object.entries(s.where)) {
            if (!(WHERE_FIELDS as readonly string[]).includes(k))
              bad(`${p}.where.${k}`, 'plan.unknownWhereField', { field: k, known: WHERE_FIELDS.join(', ') });
            const list = strList(v);
            if (!list || list.length === 0) bad(`${p}.where.${k}`, 'plan.badList');
            else where[k as WhereField] = list;
          }
      }
      if (s.ratio === undefined && s.count === undefined) bad(p, 'plan.needRatioOrCount');
      if (s.ratio !== undefined && s.count !== undefined) bad(p, 'plan.ratioAndCount');
      if (s.ratio !== undefined) {
        try {
          if (typeof s.ratio !== 'string') throw new RatioFormatError(String(s.ratio));
          parseRatio(s.ratio);
        } catch {
          bad(`${p}.ratio`, 'plan.badRatio', { value: s.ratio });
        }
      }
      if (s.count !== undefined && !isInt(s.count)) bad(`${p}.count`, 'plan.badInt', { value: s.count });
      if (s.min !== undefined && !isInt(s.min)) bad(`${p}.min`, 'plan.badInt', { value: s.min });
      if (s.reserves !== undefined && !isInt(s.reserves)) bad(`${p}.reserves`, 'plan.badInt', { value: s.reserves });
      strata.push({
        name,
        where,
        ...(typeof s.ratio === 'string' ? { ratio: s.ratio.trim() } : {}),
        ...(isInt(s.count) ? { count: s.count } : {}),
        min: isInt(s.min) ? s.min : 0,
        reserves: isInt(s.reserves) ? s.reserves : DEFAULT_RESERVES,
      });
    });
  }

  const team = isObj(raw.team) ? raw.team : {};
  if (!isInt(team.size, 1)) bad('team.size', 'plan.badPositiveInt', { value: team.size });
  if (team.specialists !== undefined && !isInt(team.specialists))
    bad('team.specialists', 'plan.badInt', { value: team.specialists });
  if (isInt(team.size) && isInt(team.specialists) && team.specialists > team.size)
    bad('team.specialists', 'plan.specialistsOverSize', { specialists: team.specialists, size: team.size });
  if (team.maxPerInspector != null && !isInt(team.maxPerInspector, 1))
    bad('team.maxPerInspector', 'plan.badPositiveInt', { value: team.maxPerInspector });

  const items = isObj(raw.items) ? raw.items : {};
  if (items.perEnterprise !== undefined && !isInt(items.perEnterprise))
    bad('items.perEnterprise', 'plan.badInt', { value: items.perEnterprise });

  const pub = isObj(raw.publication) ? raw.publication : {};
  if (pub.unannounced !== undefined && typeof pub.unannounced !== 'boolean')
    bad('publication.unannounced', 'plan.badBool');
  if (pub.resultDays != null && !isInt(pub.resultDays, 1))
    bad('publication.resultDays', 'plan.badPositiveInt', { value: pub.resultDays });

  if (problems.length) throw new PlanInvalid(problems);
  return {
    id: id as string,
    title,
    year: year as number,
    window: { start: w.start as string, end: w.end as string },
    cap: { perYear: cap!.perYear as number, exempt: { credit: exemptCredit!, flags: exemptFlags! } },
    exclude: { status: excludeStatus! },
    strata,
    team: {
      size: team.size as number,
      specialists: isInt(team.specialists) ? team.specialists : 0,
      maxPerInspector: isInt(team.maxPerInspector, 1) ? team.maxPerInspector : null,
    },
    items: { perEnterprise: isInt(items.perEnterprise) ? items.perEnterprise : 0 },
    publication: {
      unannounced: pub.unannounced === true,
      resultDays: isInt(pub.resultDays, 1) ? pub.resultDays : null,
    },
  };
}
