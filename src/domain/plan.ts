import { parseRatio, RatioFormatError } from './ratio.js';
import { jsonStringProblems, type CellKind } from './text-hygiene.js';
import { ENTERPRISE_WHERE_FIELDS, INSPECTOR_WHERE_FIELDS, unknownKeys } from './plan-keys.js';
import { parseInspectorKind } from './rosters.js';

/**
 * Team rules as the plan file states them (DESIGN.md SSJ-2 "Seat groups"). The same shapes as core/ssj2's TeamRules2,
 * JointRules and TeamOverride (domain imports nothing; core reads these structurally).
 */
export interface TeamRules {
  officers: number;
  specialists: number;
  experts: number;
  /** Counts every seat, experts included. null = no limit. */
  maxPerInspector: number | null;
}
export type TeamOverride = Partial<Pick<TeamRules, 'officers' | 'specialists' | 'experts'>>;
export interface JointDepartment {
  name: string;
  officers: number;
  specialists: number;
  items: number;
}
export interface JointRules {
  departments: JointDepartment[];
}

/** The plan file (DESIGN.md "Plan file"), with every default made explicit once validated. */
export interface Stratum {
  name: string;
  where: Partial<Record<WhereField, string[]>>;
  ratio?: string;
  count?: number;
  min: number;
  reserves: number;
  /** SSJ-2: this stratum's team shape (顺城 第十三条: 3 with a 非煤矿山 specialist for 非煤矿山); only the keys it gives. */
  team?: TeamOverride;
}

export interface Plan {
  id: string;
  title: string;
  year: number;
  window: { start: string; end: string };
  cap: { perYear: number; exempt: { credit: string[]; flags: string[] } };
  exclude: { status: string[] };
  /** Which inspectors may be drawn (顺城 第十六条 资质资格条件, 第十四条 本级 or 乡镇安监站): AND across keys, OR within. */
  inspectors: { where: Partial<Record<InspectorWhereField, string[]>> };
  strata: Stratum[];
  /** SSJ-2 team rules. An SSJ-1 file's `team.size` is read as `officers`. */
  team: TeamRules;
  /** 部门联合抽查 (高青 6.2, 8.2): one officer group per department, the first leading. null = a single-office plan. */
  joint: JointRules | null;
  /** `department`: only items of that 检查部门 (and items with none); null = every item. */
  items: { perEnterprise: number; department: string | null };
  publication: { unannounced: boolean; resultDays: number | null };
  /**
   * The protocol the plan draws under (see planProtocol). A new plan file always gets one, so the stored plan says
   * it; absent only in plans stored before SSJ-2 became the default, which are SSJ-1 and are never rewritten (their
   * table digests and the goldens' chain heads do not move).
   */
  protocol?: 'SSJ-1' | 'SSJ-2';
}

/**
 * Which protocol a plan draws under (README "Which protocol a plan draws under"): a new plan file draws under SSJ-2
 * unless it says `"protocol": "SSJ-1"`; a plan stored before that default (no `protocol`) stays SSJ-1 unless it used
 * what only SSJ-2 can draw, so plans added, frozen or drawn in an older database keep their protocol.
 */
export function planProtocol(plan: Plan): 'SSJ-1' | 'SSJ-2' {
  return plan.protocol === 'SSJ-2' ? 'SSJ-2' : 'SSJ-1';
}

function needsSsj2(raw: Record<string, unknown>, plan: Plan): boolean {
  if (raw.protocol === 'SSJ-2') return true;
  return (
    plan.joint !== null ||
    plan.team.experts > 0 ||
    plan.strata.some((s) => s.team !== undefined) ||
    Object.keys(plan.inspectors.where).length > 0 ||
    plan.items.department !== null
  );
}

export const WHERE_FIELDS = ENTERPRISE_WHERE_FIELDS;
export type WhereField = (typeof WHERE_FIELDS)[number];
export type InspectorWhereField = (typeof INSPECTOR_WHERE_FIELDS)[number];
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

/** Where a plan comes from: a new file (absent `protocol` = SSJ-2) or the database (absent = stored before: SSJ-1). */
export type PlanSource = 'file' | 'stored';

/** The title and every name of a plan file are names (200 characters, one line); other strings free text. */
const planStringKind = (path: string): CellKind => (/(^title$|name$|^id$)/.test(path) ? 'name' : 'text');

/**
 * Validate a parsed plan. Collects every problem (so the officer fixes the file once) and returns the plan
 * with defaults filled in. This is the file's structure only, which stored plans are read with too (the default
 * source); a new plan file also has to meet the protocol's team rules (src/app/plan-check.ts) and the roster
 * (plan-roster.ts).
 */
export function validatePlan(raw: unknown, source: PlanSource = 'stored'): Plan {
  const { plan, problems } = readPlan(raw, source);
  if (problems.length) throw new PlanInvalid(problems);
  return plan;
}

/**
 * Read a plan file, collecting every problem. The plan is built even when there are problems (with defaults where a
 * value was bad), so that later checks (the protocol's team rules, src/app/plan-check.ts) can add theirs to the list.
 */
export function readPlan(raw: unknown, source: PlanSource = 'stored'): { plan: Plan; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  const bad = (path: string, code: string, params?: Record<string, unknown>) => problems.push({ path, code, params });
  if (!isObj(raw)) throw new PlanInvalid([{ path: '', code: 'plan.notObject' }]);

  for (const u of unknownKeys(raw))
    bad(u.path, u.nearest ? 'plan.unknownKeyNear' : 'plan.unknownKey', {
      key: u.key,
      nearest: u.nearest,
      known: u.known.join(', '),
    });

  // A new plan's strings follow the cell rules of rosters (text-hygiene.ts): no control, bidi or invisible
  // characters, bounded length; the title and names as names, anything longer (notes) as text.
  if (source === 'file') for (const h of jsonStringProblems(raw, planStringKind)) bad(h.path, h.code, h.params);

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
  const exemptCredit = exempt.credit === undefined ? [] : strList(exempt.credit);
  const exemptFlags = exempt.flags === undefined ? [] : strList(exempt.flags);
  if (!exemptCredit) bad('cap.exempt.credit', 'plan.badList');
  if (!exemptFlags) bad('cap.exempt.flags', 'plan.badList');

  const ex = isObj(raw.exclude) ? raw.exclude : {};
  const excludeStatus = ex.status === undefined ? DEFAULT_EXCLUDED_STATUS : strList(ex.status);
  if (!excludeStatus) bad('exclude.status', 'plan.badList');

  const inspectorWhere = readInspectorWhere(raw.inspectors, bad);

  const strata: Stratum[] = [];
  if (!Array.isArray(raw.strata) || raw.strata.length === 0) bad('strata', 'plan.noStrata');
  else {
    const names = new Set<string>();
    raw.strata.forEach((s: unknown, i: number) => {
      const p = `strata[${i}]`;
      if (!isObj(s)) return bad(p, 'plan.notObject');
      const name = typeof s.name === 'string' ? s.name.trim() : '';
      if (!name || name.includes('|')) bad(`${p}.name`, 'plan.badStratumName', { value: s.name });
      else if (names.has(name)) bad(`${p}.name`, 'plan.duplicateStratum', { name });
      names.add(name);
      const where: Partial<Record<WhereField, string[]>> = {};
      if (s.where !== undefined) {
        if (!isObj(s.where)) bad(`${p}.where`, 'plan.notObject');
        else
          for (const [k, v] of Object.entries(s.where)) {
            const list = strList(v);
            if (!list || list.length === 0) bad(`${p}.where.${k}`, 'plan.badList');
            else if ((WHERE_FIELDS as readonly string[]).includes(k)) where[k as WhereField] = list;
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
      const team = readOverride(s.team, `${p}.team`, bad);
      strata.push({
        name,
        where,
        ...(typeof s.ratio === 'string' ? { ratio: s.ratio.trim() } : {}),
        ...(isInt(s.count) ? { count: s.count } : {}),
        min: isInt(s.min) ? s.min : 0,
        reserves: isInt(s.reserves) ? s.reserves : DEFAULT_RESERVES,
        ...(team ? { team } : {}),
      });
    });
  }

  const items = isObj(raw.items) ? raw.items : {};
  if (items.perEnterprise !== undefined && !isInt(items.perEnterprise))
    bad('items.perEnterprise', 'plan.badInt', { value: items.perEnterprise });
  const perEnterprise = isInt(items.perEnterprise) ? items.perEnterprise : 0;
  const itemsDepartment = items.department == null ? null : nonEmpty(items.department);
  if (items.department != null && itemsDepartment === null) bad('items.department', 'plan.badText');

  const joint = readJoint(raw.joint, perEnterprise, bad);
  const team = readTeam(raw.team, joint !== null, bad);

  const pub = isObj(raw.publication) ? raw.publication : {};
  if (pub.unannounced !== undefined && typeof pub.unannounced !== 'boolean')
    bad('publication.unannounced', 'plan.badBool');
  if (pub.resultDays != null && !isInt(pub.resultDays, 1))
    bad('publication.resultDays', 'plan.badPositiveInt', { value: pub.resultDays });

  const plan: Plan = {
    id: id as string,
    title,
    year: year as number,
    window: { start: w.start as string, end: w.end as string },
    cap: { perYear: cap!.perYear as number, exempt: { credit: exemptCredit!, flags: exemptFlags! } },
    exclude: { status: excludeStatus! },
    inspectors: { where: inspectorWhere },
    strata,
    team,
    joint,
    items: { perEnterprise, department: itemsDepartment },
    publication: {
      unannounced: pub.unannounced === true,
      resultDays: isInt(pub.resultDays, 1) ? pub.resultDays : null,
    },
  };
  if (raw.protocol !== undefined && raw.protocol !== 'SSJ-1' && raw.protocol !== 'SSJ-2')
    bad('protocol', 'plan.badProtocol', { value: raw.protocol });
  if (raw.protocol === 'SSJ-1' && needsSsj2(raw, plan)) bad('protocol', 'plan.ssj1CannotDraw');
  else if (raw.protocol === 'SSJ-1') plan.protocol = 'SSJ-1';
  else if (needsSsj2(raw, plan) || source === 'file') plan.protocol = 'SSJ-2';
  return { plan, problems };
}

type Bad = (path: string, code: string, params?: Record<string, unknown>) => void;

const nonEmpty = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** team: SSJ-2 keys, with an SSJ-1 file's `size` read as `officers` (`officers` wins when both are given). */
function readTeam(raw: unknown, joint: boolean, bad: Bad): TeamRules {
  const team = isObj(raw) ? raw : {};
  if (raw !== undefined && !isObj(raw)) bad('team', 'plan.notObject');
  for (const k of ['size', 'officers', 'specialists', 'experts'] as const)
    if (team[k] !== undefined && !isInt(team[k])) bad(`team.${k}`, 'plan.badInt', { value: team[k] });
  if (team.maxPerInspector != null && !isInt(team.maxPerInspector, 1))
    bad('team.maxPerInspector', 'plan.badPositiveInt', { value: team.maxPerInspector });
  const officers = isInt(team.officers) ? team.officers : isInt(team.size) ? team.size : undefined;
  if (officers === undefined && team.officers === undefined && team.size === undefined && !joint)
    bad('team.officers', 'plan.required', { field: 'team.officers' });
  return {
    officers: officers ?? 0,
    specialists: isInt(team.specialists) ? team.specialists : 0,
    experts: isInt(team.experts) ? team.experts : 0,
    maxPerInspector: isInt(team.maxPerInspector, 1) ? team.maxPerInspector : null,
  };
}

function readOverride(raw: unknown, path: string, bad: Bad): TeamOverride | undefined {
  if (raw === undefined) return undefined;
  if (!isObj(raw)) {
    bad(path, 'plan.notObject');
    return undefined;
  }
  const out: TeamOverride = {};
  for (const k of ['officers', 'specialists', 'experts'] as const) {
    if (raw[k] === undefined) continue;
    if (isInt(raw[k])) out[k] = raw[k];
    else bad(`${path}.${k}`, 'plan.badInt', { value: raw[k] });
  }
  return out;
}

function readJoint(raw: unknown, perEnterprise: number, bad: Bad): JointRules | null {
  if (raw == null) return null;
  if (!isObj(raw)) {
    bad('joint', 'plan.notObject');
    return null;
  }
  if (!Array.isArray(raw.departments) || raw.departments.length === 0) {
    bad('joint.departments', 'plan.noDepartments');
    return { departments: [] };
  }
  const departments: JointDepartment[] = [];
  raw.departments.forEach((d: unknown, j: number) => {
    const p = `joint.departments[${j}]`;
    if (!isObj(d)) return bad(p, 'plan.notObject');
    const name = nonEmpty(d.name);
    // A department name becomes a group name in teams.csv and a key in the draw: no separators of the protocol.
    if (name === null || name.includes('|')) bad(`${p}.name`, 'plan.badDepartmentName', { value: d.name });
    if (d.officers === undefined) bad(`${p}.officers`, 'plan.required', { field: `${p}.officers` });
    else if (!isInt(d.officers)) bad(`${p}.officers`, 'plan.badInt', { value: d.officers });
    for (const k of ['specialists', 'items'] as const)
      if (d[k] !== undefined && !isInt(d[k])) bad(`${p}.${k}`, 'plan.badInt', { value: d[k] });
    departments.push({
      name: name ?? '',
      officers: isInt(d.officers) ? d.officers : 0,
      specialists: isInt(d.specialists) ? d.specialists : 0,
      items: isInt(d.items) ? d.items : perEnterprise,
    });
  });
  return { departments };
}

function readInspectorWhere(raw: unknown, bad: Bad): Partial<Record<InspectorWhereField, string[]>> {
  const where: Partial<Record<InspectorWhereField, string[]>> = {};
  if (raw === undefined) return where;
  if (!isObj(raw)) {
    bad('inspectors', 'plan.notObject');
    return where;
  }
  if (raw.where === undefined) return where;
  if (!isObj(raw.where)) {
    bad('inspectors.where', 'plan.notObject');
    return where;
  }
  for (const [k, v] of Object.entries(raw.where)) {
    if (!(INSPECTOR_WHERE_FIELDS as readonly string[]).includes(k)) continue; // reported by unknownKeys
    const list = strList(v);
    if (!list || list.length === 0) {
      bad(`inspectors.where.${k}`, 'plan.badList');
      continue;
    }
    if (k === 'kind') {
      const kinds = list.map((x) => parseInspectorKind(x));
      const i = kinds.indexOf(undefined);
      if (i >= 0) bad(`inspectors.where.kind`, 'plan.badKind', { value: list[i] });
      else where.kind = [...new Set(kinds as string[])];
    } else where[k as InspectorWhereField] = list;
  }
  return where;
}

/**
 * plan.json of a draw as its protocol reads it. An SSJ-1 draw keeps the SSJ-1 shape exactly (team.size, no SSJ-2
 * keys), so its bundle is what SSJ-1 verifiers (ours, docs/verify.py, any written from ALGORITHM.md) have always read.
 */
export function drawnPlanJson(plan: Plan, algorithm: string): string {
  if (algorithm !== 'SSJ-1') return JSON.stringify(plan);
  const { id, title, year, window, cap, exclude, strata, team, items, publication } = plan;
  return JSON.stringify({
    id,
    title,
    year,
    window,
    cap,
    exclude,
    strata: strata.map(({ team: _override, ...s }) => s),
    team: { size: team.officers, specialists: team.specialists, maxPerInspector: team.maxPerInspector },
    items: { perEnterprise: items.perEnterprise },
    publication,
  });
}
