import { normaliseDate } from './dates.js';
import type { RowProblem } from './problem.js';
import { idCheckChar, idNumberProblem } from './idnumber.js';
import { flagsInNote, NOTE_HEADERS } from './note-flags.js';
import { usccCheckChar, usccProblem, USCC_CHARSET } from './uscc.js';
import { CELL_LIMITS, cellProblem, looksPlain, type CellKind } from './text-hygiene.js';

/**
 * The one list and two rosters (一单两库) plus conflicts and history, as CSV files describe them
 * (DESIGN.md "Rosters (CSV)"; fields from rules 001 3.3, 3.4, 5.1.1, 5.2): each field's headers in Chinese as
 * the rules name them and in English, its database column, and how a cell is checked and normalised.
 */
export const ROSTERS = ['enterprises', 'inspectors', 'items', 'conflicts', 'history'] as const;
export type RosterName = (typeof ROSTERS)[number];

export const isRosterName = (s: string): s is RosterName => (ROSTERS as readonly string[]).includes(s);

/** Why a cell is invalid: a message code (src/i18n/messages/rosters.ts) and its parameters. */
export interface Problem {
  code: string;
  params?: Record<string, unknown>;
}

/** Checks a trimmed cell; returns the value to store, or a Problem. Empty cells never reach a check. */
export type Check = (value: string, env: RowEnv) => string | Problem;

export interface RowEnv {
  /** Today as YYYY-MM-DD (from --now or the clock): ID numbers cannot be born later. */
  today: string;
  /** --allow-formula-start: cells starting with = + - @ were confirmed by the officer (text-hygiene.ts). */
  allowFormulaStart?: boolean;
}

export interface FieldDef {
  field: string;
  column: string;
  /** Accepted headers: the rules' Chinese name first (used in messages and templates), then alternatives. */
  headers: readonly string[];
  required?: boolean;
  key?: boolean;
  /** Personal data (身份证号, phone): masked in listings unless --show-personal, never published. */
  personal?: boolean;
  /** Stored joined by ';' (specialties, flags, industries). */
  list?: boolean;
  /**
   * How a spreadsheet cell of this field is read (src/io/xlsx-read.ts): 'code' cells must be text (a long number
   * stored as a number has lost its last digits), 'date' cells may be Excel date serials.
   */
  cell?: 'code' | 'date';
  /**
   * Which hygiene rules the raw cell passes first (domain/text-hygiene.ts): 'code' for keys, codes and dates,
   * 'text' for free text that may hold line breaks (address, scope, content), else 'name'.
   */
  text?: CellKind;
  /** A leading + is normal here (a phone number: +86 …), and the field is never published: no formula check. */
  formulaOk?: boolean;
  check: Check;
}

/** The hygiene kind of a field (see FieldDef.text). */
export const cellKindOf = (fd: FieldDef): CellKind => fd.text ?? (fd.cell ? 'code' : fd.list ? 'text' : 'name');

export interface RosterDef {
  name: RosterName;
  /** Chinese name of the roster, for messages. */
  zh: string;
  fields: readonly FieldDef[];
  /** Fields shown by `ssj list` as a table (all fields are in --json). */
  listFields: readonly string[];
  /** Stored columns that no CSV sets (besides active and import_id, which every roster has). */
  storedOnly?: readonly { field: string; column: string }[];
}

// ------------------------------------------------------------------ cell checks

const NON_ASCII = /[^\x00-\x7f]/;
const SPACES = /\s+/g;
const HAS_SPACE = /\s/;

/**
 * Codes (USCC, 执法证号, item code, ID number) are compared exactly, so they are normalised: NFKC turns
 * full-width digits and letters into ASCII, spaces are removed, letters upper-cased. Names are never touched:
 * official names use full-width brackets.
 */
export function normaliseCode(raw: string): string {
  let s = NON_ASCII.test(raw) ? raw.normalize('NFKC') : raw;
  if (HAS_SPACE.test(s)) s = s.replace(SPACES, '');
  return s.toUpperCase();
}

/** Excel shows long numbers as 9.13713E+17 and writes that to CSV: the digits are gone. */
const EXCEL_NUMBER = /^\d(\.\d+)?E\+\d+$/;

const text: Check = (v) => v;

const code: Check = (v) => {
  const s = normaliseCode(v);
  return EXCEL_NUMBER.test(s) ? { code: 'roster.row.excelNumber', params: { value: v } } : s;
};

const uscc: Check = (v, env) => {
  const s = code(v, env);
  if (typeof s !== 'string') return s;
  switch (usccProblem(s)) {
    case undefined:
      return s;
    case 'length':
      return { code: 'roster.row.usccLength', params: { value: s, length: [...s].length } };
    case 'charset':
      return {
        code: 'roster.row.usccCharset',
        params: { value: s, char: [...s].find((c) => !USCC_CHARSET.includes(c)) },
      };
    case 'check':
      return { code: 'roster.row.usccCheck', params: { value: s, expected: usccCheckChar(s.slice(0, 17)) } };
  }
};

const idNumber: Check = (v, env) => {
  const s = code(v, env);
  if (typeof s !== 'string') return s;
  switch (idNumberProblem(s, env.today)) {
    case undefined:
      return s;
    // Messages show the number masked (terminals get screenshotted and logged); the line number finds the row.
    case 'format':
      return { code: 'roster.row.idFormat', params: { value: maskIdNumber(s) } };
    case 'birthDate':
      return {
        code: 'roster.row.idBirthDate',
        params: { value: maskIdNumber(s), date: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}` },
      };
    case 'check':
      return { code: 'roster.row.idCheck', params: { value: maskIdNumber(s), expected: idCheckChar(s.slice(0, 17)) } };
  }
};

/** A closed set of values; `aliases` maps other spellings (lower-case for ASCII) to the stored value. */
function oneOf(values: readonly string[], aliases: Record<string, string> = {}, allowed = values.join(' / ')): Check {
  const lookup = new Map<string, string>(values.map((v) => [v.toLowerCase(), v]));
  for (const [k, v] of Object.entries(aliases)) lookup.set(k.toLowerCase(), v);
  // The exact spelling first: it is what almost every row has, and it costs no normalisation.
  return (v) =>
    lookup.get(v) ??
    lookup.get(v.normalize('NFKC').toLowerCase()) ?? {
      code: 'roster.row.badValue',
      params: { value: v, allowed },
    };
}

/** Lists in one cell (业务专长 "危险化学品、冶金") are split on 、，,;；/ and stored joined by ';'. */
export const LIST_SEPARATORS = /[、，,;；/]/;

export function splitList(v: string): string[] {
  const out: string[] = [];
  for (const part of v.split(LIST_SEPARATORS)) {
    const s = part.trim();
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

const list: Check = (v) => splitList(v).join(';');

/** Words that mean "every industry" in an item's 适用行业 column. */
const ALL_INDUSTRIES = new Set(['*', '＊', '全部', '所有', '所有行业', '全部行业', 'all']);

const industries: Check = (v) => {
  const parts = splitList(v);
  const all = parts.filter((p) => ALL_INDUSTRIES.has(p.toLowerCase()));
  if (all.length === 0) return parts.join(';');
  if (parts.length === 1) return '*';
  return { code: 'roster.row.starMixed', params: { value: v } };
};

const date: Check = (v) => normaliseDate(v) ?? { code: 'roster.row.badDate', params: { value: v } };

// ------------------------------------------------------------------ the rosters

const f = (
  field: string,
  column: string,
  headers: readonly string[],
  check: Check,
  extra: Partial<FieldDef> = {},
): FieldDef => ({
  field,
  column,
  headers,
  check,
  ...extra,
});

export const SUPERVISION = ['重点', '一般'] as const;
/**
 * 类别 of an inspector (DESIGN.md SSJ-2 "Inspectors"): an officer holds a 执法证 and may lead a team; an expert (专家)
 * sits beside the team only (行政处罚法 第四十二条, 高青 7.3). Databases made before SSJ-2 stored 'inspector' for officers
 * (migration 2 rewrites them); an empty cell means officer.
 */
export const INSPECTOR_KINDS = ['officer', 'expert'] as const;
export type InspectorKind = (typeof INSPECTOR_KINDS)[number];
/** The Chinese words of each kind, as messages list them. */
export const INSPECTOR_KIND_ZH: Record<InspectorKind, string> = { officer: '执法人员', expert: '专家' };

/** A stored or published kind as the protocol reads it: '' and the pre-SSJ-2 'inspector' are officers. */
export const inspectorKind = (stored: string): InspectorKind => (stored === 'expert' ? 'expert' : 'officer');

/** Spellings of 类别 found in office rosters and expert-pool lists. */
/** A kind as a person writes it (专家, 安全生产专家, officer …), or undefined. For plan files' inspectors.where.kind. */
export function parseInspectorKind(v: string): InspectorKind | undefined {
  const k = v.normalize('NFKC').trim().toLowerCase();
  return (INSPECTOR_KINDS as readonly string[]).includes(k) ? (k as InspectorKind) : KIND_ALIASES[k];
}

const KIND_ALIASES: Record<string, InspectorKind> = {
  inspector: 'officer',
  执法人员: 'officer',
  行政执法人员: 'officer',
  执法检查人员: 'officer',
  检查人员: 'officer',
  检查员: 'officer',
  执法员: 'officer',
  专家: 'expert',
  技术专家: 'expert',
  安全专家: 'expert',
  安全生产专家: 'expert',
  行业专家: 'expert',
  外聘专家: 'expert',
  专家库: 'expert',
  库内专家: 'expert',
};

const enterprises: RosterDef = {
  name: 'enterprises',
  zh: '检查对象名录库',
  fields: [
    f(
      'uscc',
      'uscc',
      ['统一社会信用代码', '社会信用代码', '信用代码', 'uscc', 'credit code', 'unified social credit code'],
      uscc,
      { required: true, key: true, cell: 'code' },
    ),
    f('name', 'name', ['生产经营单位名称', '单位名称', '企业名称', '名称', 'name', 'enterprise name'], text, {
      required: true,
    }),
    f('type', 'type', ['单位类型', '企业类型', '类型', 'type'], text),
    f(
      'legalRep',
      'legal_rep',
      ['法定代表人', '法定代表人（负责人）', '法人代表', '负责人', 'legalRep', 'legal representative'],
      text,
    ),
    f('address', 'address', ['住所', '地址', '注册地址', '经营地址', 'address'], text, { text: 'text' }),
    f('scope', 'scope', ['经营范围', 'scope', 'business scope'], text, { text: 'text' }),
    f('region', 'region', ['行政区划', '所属区域', '所在区域', '区域', 'region'], text),
    f('industry', 'industry', ['行业类别', '行业', '所属行业', '行业分类', 'industry'], text, { required: true }),
    f(
      'supervision',
      'supervision',
      ['监管类型', '监管类别', 'supervision'],
      oneOf(SUPERVISION, { key: '重点', general: '一般' }),
    ),
    f('risk', 'risk', ['风险等级', '风险', 'risk'], text),
    f('credit', 'credit', ['信用等级', '信用', 'credit'], text),
    f('status', 'status', ['经营状态', '登记状态', '状态', 'status'], text),
    f('flags', 'flags', ['标记', '标签', '标识', 'flags'], list, { list: true }),
  ],
  listFields: ['uscc', 'name', 'industry', 'supervision', 'region', 'credit', 'status', 'flags'],
};

const inspectors: RosterDef = {
  name: 'inspectors',
  zh: '执法检查人员名录库',
  fields: [
    f(
      'certNo',
      'cert_no',
      ['执法证号', '执法证件号', '执法证编号', '专家编号', '专家证号', '证号', 'certNo', 'certificate number'],
      code,
      {
        required: true,
        key: true,
        cell: 'code',
      },
    ),
    f('name', 'name', ['姓名', 'name'], text, { required: true }),
    f('idNumber', 'id_number', ['身份证号', '身份证号码', '公民身份号码', 'idNumber', 'id number'], idNumber, {
      personal: true,
      cell: 'code',
    }),
    f(
      'gender',
      'gender',
      ['性别', 'gender', 'sex'],
      oneOf(['男', '女'], { male: '男', female: '女', m: '男', f: '女' }),
    ),
    f('phone', 'phone', ['联系方式', '联系电话', '手机号码', '手机', '电话', 'phone', 'mobile'], text, {
      personal: true,
      text: 'code',
      formulaOk: true,
    }),
    f('unit', 'unit', ['所在单位', '工作单位', '单位', 'unit'], text),
    f('title', 'title', ['职务或职称', '职务职称', '职务', '职称', 'title'], text),
    f('specialties', 'specialties', ['业务专长', '专长', '专业', 'specialties', 'specialty'], list, { list: true }),
    f('region', 'region', ['执法区域', '区域', 'region'], text),
    f(
      'kind',
      'kind',
      ['类别', '人员类别', '人员类型', '人员类型（执法人员/专家）', 'kind'],
      oneOf(INSPECTOR_KINDS, KIND_ALIASES, '执法人员 / 专家（officer / expert；也可写 安全生产专家、技术专家 等）'),
    ),
    // 所属部门: the department whose officers a joint draw seats in its group (高青 6.2, 8.2); empty = the office.
    f('department', 'department', ['所属部门', '部门', '所在部门', '执法部门', 'department'], text),
  ],
  listFields: ['certNo', 'name', 'idNumber', 'phone', 'unit', 'department', 'specialties', 'kind'],
};

const items: RosterDef = {
  name: 'items',
  zh: '随机抽查事项清单',
  fields: [
    f('code', 'code', ['事项编码', '事项代码', '编码', '编号', 'code'], code, {
      required: true,
      key: true,
      cell: 'code',
    }),
    f('name', 'name', ['事项名称', '抽查事项', '名称', 'name'], text, { required: true }),
    f('content', 'content', ['检查内容', '内容', 'content'], text, { text: 'text' }),
    f('basis', 'basis', ['检查依据', '依据', 'basis'], text, { text: 'text' }),
    f('industries', 'industries', ['适用行业', '行业', '检查对象', 'industries'], industries, {
      required: true,
      list: true,
    }),
    f('method', 'method', ['检查方式', '方式', 'method'], text),
    f('category', 'category', ['事项类别', '类别', 'category'], oneOf(SUPERVISION, { key: '重点', general: '一般' })),
    // 检查部门 (高青 5.1.1): which department's list the item is on; empty = every plan may draw it.
    f('department', 'department', ['检查部门', '实施部门', '责任部门', '部门', 'department'], text),
  ],
  listFields: ['code', 'name', 'industries', 'category', 'department', 'method'],
};

const conflicts: RosterDef = {
  name: 'conflicts',
  zh: '利害关系回避',
  fields: [
    f('certNo', 'cert_no', ['执法证号', '证号', 'certNo'], code, { required: true, key: true, cell: 'code' }),
    f('uscc', 'uscc', ['统一社会信用代码', '社会信用代码', '信用代码', 'uscc'], uscc, {
      required: true,
      key: true,
      cell: 'code',
    }),
    f('reason', 'reason', ['回避原因', '原因', '利害关系', 'reason'], text, { text: 'text' }),
  ],
  listFields: ['certNo', 'uscc', 'reason', 'source', 'declaredAt'],
  // source: 'import' (declared in advance) or 'recusal' (gained after a draw); declaredAt: when.
  storedOnly: [
    { field: 'source', column: 'source' },
    { field: 'declaredAt', column: 'declared_at' },
  ],
};

const history: RosterDef = {
  name: 'history',
  zh: '检查记录',
  fields: [
    f('uscc', 'uscc', ['统一社会信用代码', '社会信用代码', '信用代码', 'uscc'], uscc, {
      required: true,
      key: true,
      cell: 'code',
    }),
    f('date', 'date', ['检查日期', '日期', '检查时间', 'date'], date, { required: true, key: true, cell: 'date' }),
    f('source', 'source', ['检查机关', '检查单位', '实施机关', 'source'], text, { required: true, key: true }),
    f('task', 'task', ['任务', '任务名称', '检查任务', 'task'], text),
  ],
  listFields: ['uscc', 'date', 'source', 'task'],
};

export const ROSTER_DEFS: Record<RosterName, RosterDef> = { enterprises, inspectors, items, conflicts, history };

export const keyFields = (def: RosterDef): FieldDef[] => def.fields.filter((x) => x.key);

// ------------------------------------------------------------------ headers

/** How headers are compared: NFKC, case, blanks, brackets, slashes, dashes, underscores and a leading * (required marker) do not matter. */
export function headerKey(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\ufeff/, '')
    .replace(/[\s()（）[\]【】/\\_\-*：:]/g, '')
    .replace(/必填$/, '');
}

export interface HeaderMap {
  /** For each field of the roster (in RosterDef order), the CSV column index, or -1 when the file has none. */
  columns: number[];
  /** Headers (as written in the file) that match no field: warned about and ignored. */
  unknown: string[];
  /** Required fields with no column. */
  missing: FieldDef[];
  /** Fields that two or more columns claim: [field, the headers]. */
  duplicates: { field: FieldDef; headers: string[] }[];
  /** --map headers that are not in the file. */
  unmatchedMap: string[];
}

/** Columns every office list has and no roster stores: read past without a warning (the row number of the sheet). */
const IGNORED_HEADERS = new Set(['序号', '序', 'no', 'no.']);

export const isIgnoredHeader = (h: string): boolean => IGNORED_HEADERS.has(headerKey(h));

let noteKeys: Set<string> | undefined;

/** A free-text column (备注) whose flag words are read into flags (note-flags.ts). */
export const isNoteHeader = (h: string): boolean =>
  (noteKeys ??= new Set(NOTE_HEADERS.map(headerKey))).has(headerKey(h));

/**
 * Match a header row to a roster's fields. `map` (from --map) takes precedence: header → field name.
 * Matching is by headerKey, so "统一社会信用代码 ", "*统一社会信用代码" and "USCC" all match.
 */
export function mapHeaders(
  def: RosterDef,
  headers: readonly string[],
  map: ReadonlyMap<string, string> = new Map(),
): HeaderMap {
  const byKey = new Map<string, number>();
  def.fields.forEach((fd, i) => {
    for (const h of [fd.field, ...fd.headers]) if (!byKey.has(headerKey(h))) byKey.set(headerKey(h), i);
  });
  const mapped = new Map([...map].map(([h, field]) => [headerKey(h), def.fields.findIndex((x) => x.field === field)]));
  const claims: number[][] = def.fields.map(() => []);
  const unknown: string[] = [];
  headers.forEach((h, col) => {
    const k = headerKey(h);
    if (k === '') return; // Excel's trailing empty columns
    const i = mapped.get(k) ?? byKey.get(k);
    if (i === undefined && IGNORED_HEADERS.has(k)) return;
    if (i === undefined || i < 0) unknown.push(h.trim());
    else claims[i]!.push(col);
  });
  const headerKeys = new Set(headers.map(headerKey));
  return {
    columns: claims.map((c) => c[0] ?? -1),
    unknown,
    missing: def.fields.filter((fd, i) => fd.required && claims[i]!.length === 0),
    duplicates: def.fields.flatMap((field, i) =>
      claims[i]!.length > 1 ? [{ field, headers: claims[i]!.map((c) => headers[c]!.trim()) }] : [],
    ),
    unmatchedMap: [...map.keys()].filter((h) => !headerKeys.has(headerKey(h))),
  };
}

/** Each field's name as the file writes it (its rules name when the file has no such column), for messages. */
export function headerNames(def: RosterDef, headers: readonly string[], map: HeaderMap): string[] {
  return def.fields.map((fd, i) => (map.columns[i]! >= 0 ? headers[map.columns[i]!]!.trim() : fd.headers[0]!));
}

/** The roster a header row belongs to when it lacks `expected`'s required columns (a file given to the wrong command). */
export function guessRoster(headers: readonly string[], expected: RosterName): RosterName | undefined {
  let best: RosterName | undefined;
  let bestScore = 0;
  for (const name of ROSTERS) {
    if (name === expected) continue;
    const m = mapHeaders(ROSTER_DEFS[name], headers);
    const score = m.columns.filter((c) => c >= 0).length;
    if (m.missing.length === 0 && score > bestScore) [best, bestScore] = [name, score];
  }
  return best;
}

/**
 * Parse --map 'CSV header=field,…'. The field may be a code name (uscc) or one of the roster's headers (统一社会信用代码).
 * Returns header → field name, or the part that could not be read / the unknown field.
 */
export function parseMapOption(
  def: RosterDef,
  option: string | undefined,
): { map: Map<string, string> } | { badPart: string } | { unknownField: string } {
  const map = new Map<string, string>();
  if (option === undefined) return { map };
  for (const part of option.split(/[,，]/)) {
    if (part.trim() === '') continue;
    const eq = part.lastIndexOf('=');
    if (eq <= 0 || eq === part.length - 1) return { badPart: part };
    const header = part.slice(0, eq).trim();
    const target = headerKey(part.slice(eq + 1));
    const fd = def.fields.find((x) => headerKey(x.field) === target || x.headers.some((h) => headerKey(h) === target));
    if (!fd) return { unknownField: part.slice(eq + 1).trim() };
    map.set(header, fd.field);
  }
  return { map };
}

// ------------------------------------------------------------------ rows

/** One invalid cell or row (domain/problem.ts: the one shape for every file's row problems). */
export type { RowProblem };

export type RowOutcome = 'ok' | 'bad' | 'blank';

/** Below this length a plain cell cannot be too long for any kind (the shortest limit is the codes'). */
const CODE_LIMIT = CELL_LIMITS.code;

/** Separates the cells of checked rows packed into one string: io/roster-rows.ts packs them, db/rosters.ts unpacks. */
export const SEP = '\u0000';

/**
 * Checks rows of one file against a roster. `validate` fills `values` (one per field, in RosterDef order,
 * ready to store) and appends problems; it allocates nothing for a valid row beyond the normalised strings.
 */
export class RowValidator {
  private readonly columns: number[];
  private readonly headerCount: number;
  private readonly names: string[];
  /** Ignored free-text columns (备注) whose flag words are read into flags (note-flags.ts), and the flags field. */
  readonly noteColumns: number[];
  private readonly flagsIndex: number;
  private readonly kinds: CellKind[];
  private readonly hygiene: { allowFormulaStart: boolean }[];
  /** Rows given flags from a note since the last takeNoteFlags(), the first such line, and the words found. */
  private notes = { rows: 0, line: 0, words: new Set<string>() };

  constructor(
    readonly def: RosterDef,
    readonly headers: readonly string[],
    map: HeaderMap,
    private readonly env: RowEnv,
  ) {
    this.columns = map.columns;
    this.headerCount = headers.length;
    this.names = headerNames(def, headers, map);
    this.flagsIndex = def.fields.findIndex((x) => x.field === 'flags');
    this.kinds = def.fields.map(cellKindOf);
    this.hygiene = def.fields.map((fd) => ({
      allowFormulaStart: fd.formulaOk === true || env.allowFormulaStart === true,
    }));
    this.noteColumns =
      this.flagsIndex < 0
        ? []
        : headers.flatMap((h, col) => (map.columns.includes(col) || !isNoteHeader(h) ? [] : [col]));
  }

  /** What the note columns contributed since the last call (a chunk's share, for the import's warning). */
  takeNoteFlags(): { rows: number; line: number; words: string[] } | undefined {
    const n = this.notes;
    if (n.rows === 0) return undefined;
    this.notes = { rows: 0, line: 0, words: new Set() };
    return { rows: n.rows, line: n.line, words: [...n.words] };
  }

  private addNoteFlags(fields: readonly string[], line: number, values: string[]): void {
    const words: string[] = [];
    for (const col of this.noteColumns)
      for (const w of flagsInNote(fields[col]!)) if (!words.includes(w)) words.push(w);
    if (words.length === 0) return;
    const current = values[this.flagsIndex]!;
    const flags = current === '' ? [] : current.split(';');
    const added = words.filter((w) => !flags.includes(w));
    if (added.length === 0) return;
    values[this.flagsIndex] = [...flags, ...added].join(';');
    if (this.notes.rows++ === 0) this.notes.line = line;
    for (const w of added) this.notes.words.add(w);
  }

  validate(fields: readonly string[], line: number, values: string[], problems: RowProblem[]): RowOutcome {
    // A row of empty cells (Excel writes ",,,,," for blank rows) is a blank line, not a row of errors.
    if (fields[0]!.trim() === '' && this.allEmpty(fields)) return 'blank';
    // A row with more or fewer cells than the header is misaligned (usually a comma or line break in an unquoted
    // value): its cells cannot be trusted to be in their columns. (Excel pads the header and rows alike.)
    if (fields.length !== this.headerCount) {
      problems.push({
        line,
        field: '',
        value: '',
        code: fields.length < this.headerCount ? 'roster.row.fewerFields' : 'roster.row.moreFields',
        params: { found: fields.length, expected: this.headerCount },
      });
      return 'bad';
    }
    let ok = true;
    const defs = this.def.fields;
    for (let i = 0; i < defs.length; i++) {
      const col = this.columns[i]!;
      const raw = col >= 0 ? fields[col]!.trim() : '';
      const fd = defs[i]!;
      values[i] = '';
      // Hygiene first (text-hygiene.ts): the usual cell costs one regex test and a length compare.
      if ((raw.length > CODE_LIMIT || !looksPlain(raw)) && raw !== '') {
        const p = cellProblem(raw, this.kinds[i]!, this.hygiene[i]!);
        if (p) {
          ok = false;
          problems.push({
            line,
            field: this.names[i]!,
            value: String(p.params.shown),
            code: p.code,
            params: { field: this.names[i], ...p.params },
          });
          continue;
        }
      }
      if (raw === '') {
        if (fd.required) {
          ok = false;
          problems.push({
            line,
            field: this.names[i]!,
            value: '',
            code: 'roster.row.required',
            params: { field: this.names[i] },
          });
        }
        continue;
      }
      const r = fd.check(raw, this.env);
      if (typeof r !== 'string') {
        ok = false;
        problems.push({
          line,
          field: this.names[i]!,
          value: raw,
          code: r.code,
          params: { field: this.names[i], ...r.params },
        });
      } else if (fd.key && r.includes('|')) {
        ok = false;
        problems.push({
          line,
          field: this.names[i]!,
          value: raw,
          code: 'roster.row.pipe',
          params: { field: this.names[i], value: raw },
        });
      } else values[i] = r;
    }
    if (ok && this.noteColumns.length) this.addNoteFlags(fields, line, values);
    return ok ? 'ok' : 'bad';
  }

  private allEmpty(fields: readonly string[]): boolean {
    for (const x of fields) if (x.trim() !== '') return false;
    return true;
  }
}

// ------------------------------------------------------------------ display

/** 1101**********002X: enough to tell two people apart, not enough to use the number. */
export function maskIdNumber(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** 138****5678 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(phone.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

export function maskPersonal(field: string, value: string): string {
  if (value === '') return value;
  return field === 'idNumber' ? maskIdNumber(value) : field === 'phone' ? maskPhone(value) : value;
}
