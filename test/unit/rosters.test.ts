import { describe, expect, it } from 'vitest';
import {
  guessRoster,
  headerKey,
  mapHeaders,
  maskIdNumber,
  maskPhone,
  normaliseCode,
  parseMapOption,
  ROSTER_DEFS,
  RowValidator,
  splitList,
  type RosterName,
  type RowProblem,
} from '../../src/domain/rosters.js';
import { normaliseDate } from '../../src/domain/dates.js';
import { withUsccCheck } from '../../src/domain/uscc.js';
import { withIdCheck } from '../../src/domain/idnumber.js';

const ENTERPRISE_HEADERS = [
  '统一社会信用代码',
  '单位名称',
  '单位类型',
  '法定代表人',
  '住所',
  '经营范围',
  '行政区划',
  '行业类别',
  '监管类型',
  '风险等级',
  '信用等级',
  '经营状态',
  '标记',
];
const INSPECTOR_HEADERS = [
  '执法证号',
  '姓名',
  '身份证号',
  '性别',
  '联系方式',
  '所在单位',
  '职务或职称',
  '业务专长',
  '执法区域',
  '类别',
];

const fieldsOf = (roster: RosterName, headers: string[], map?: Map<string, string>) => {
  const m = mapHeaders(ROSTER_DEFS[roster], headers, map);
  return ROSTER_DEFS[roster].fields.map((f, i) => [f.field, m.columns[i]]).filter(([, c]) => (c as number) >= 0);
};

describe('header mapping', () => {
  it.each([
    ['Chinese headers as the rules name them', ENTERPRISE_HEADERS, 13],
    [
      'English field names',
      [
        'uscc',
        'name',
        'type',
        'legalRep',
        'address',
        'scope',
        'region',
        'industry',
        'supervision',
        'risk',
        'credit',
        'status',
        'flags',
      ],
      13,
    ],
    ['snake_case and spaces', ['USCC', 'Name', 'legal_rep', ' industry '], 4],
    ['required markers and brackets', ['*统一社会信用代码', '企业名称（必填）', '行业类别'], 3],
    ['full-width letters', ['ｕｓｃｃ', 'ｎａｍｅ', 'ｉｎｄｕｓｔｒｙ'], 3],
  ])('%s', (_, headers, matched) => {
    const m = mapHeaders(ROSTER_DEFS.enterprises, headers);
    expect(m.columns.filter((c) => c >= 0)).toHaveLength(matched);
    expect(m.missing).toEqual([]);
    expect(m.unknown).toEqual([]);
  });

  it('maps the aliases to the right fields', () => {
    expect(fieldsOf('enterprises', ['生产经营单位名称', '社会信用代码', '所属行业', '法人代表'])).toEqual([
      ['uscc', 1],
      ['name', 0],
      ['legalRep', 3],
      ['industry', 2],
    ]);
    expect(
      fieldsOf('inspectors', ['执法证号', '姓名', '公民身份号码', '联系电话', '职务/职称', '专长', '人员类别']),
    ).toEqual([
      ['certNo', 0],
      ['name', 1],
      ['idNumber', 2],
      ['phone', 3],
      ['title', 4],
      ['specialties', 5],
      ['kind', 6],
    ]);
  });

  it('reports unknown columns, missing required ones and fields claimed twice; 序号 is read past (issue 16)', () => {
    const m = mapHeaders(ROSTER_DEFS.enterprises, ['序号', '企业名称', '单位名称', '备注', '', '行业']);
    // 序号 is the row number of an office's list: ignored without a warning since issue 16; 备注 is still reported.
    expect(m.unknown).toEqual(['备注']);
    expect(m.columns).not.toContain(0);
    expect(m.missing.map((f) => f.field)).toEqual(['uscc']);
    expect(m.duplicates.map((d) => [d.field.field, d.headers])).toEqual([['name', ['企业名称', '单位名称']]]);
  });

  it('--map takes precedence over aliases and may name the field by code or by its Chinese header', () => {
    const parsed = parseMapOption(ROSTER_DEFS.enterprises, '企业统一代码=uscc, 企业=生产经营单位名称');
    expect(parsed).toEqual({
      map: new Map([
        ['企业统一代码', 'uscc'],
        ['企业', 'name'],
      ]),
    });
    const map = (parsed as { map: Map<string, string> }).map;
    expect(fieldsOf('enterprises', ['企业统一代码', '企业', '行业类别', '不存在'], map)).toEqual([
      ['uscc', 0],
      ['name', 1],
      ['industry', 2],
    ]);
    expect(mapHeaders(ROSTER_DEFS.enterprises, ['企业统一代码'], new Map([['缺失的列', 'name']])).unmatchedMap).toEqual(
      ['缺失的列'],
    );
  });

  it.each([
    ['uscc', { badPart: 'uscc' }],
    ['=uscc', { badPart: '=uscc' }],
    ['代码=', { badPart: '代码=' }],
    ['代码=nosuchfield', { unknownField: 'nosuchfield' }],
  ])('--map %j is refused', (option, expected) => {
    expect(parseMapOption(ROSTER_DEFS.enterprises, option)).toEqual(expected);
  });

  it.each([
    ['an inspector roster', INSPECTOR_HEADERS, 'enterprises', 'inspectors'],
    ['an enterprise roster', ENTERPRISE_HEADERS, 'inspectors', 'enterprises'],
    ['a conflicts file', ['执法证号', '统一社会信用代码', '回避原因'], 'enterprises', 'conflicts'],
    ['a history file', ['统一社会信用代码', '检查日期', '检查机关', '任务'], 'enterprises', 'history'],
    ['an item list', ['事项编码', '事项名称', '检查内容', '适用行业'], 'enterprises', 'items'],
    ['an enterprise file without industry', ['统一社会信用代码', '单位名称'], 'history', undefined],
  ] as const)('recognises %s given to the wrong command', (_, headers, given, expected) => {
    expect(guessRoster(headers, given)).toBe(expected);
  });

  it('compares headers without case, blanks, brackets or a leading *', () => {
    expect(headerKey(' *Legal_Rep（必填） ')).toBe(headerKey('legalRep'));
    expect(headerKey('\uFEFF统一社会信用代码')).toBe('统一社会信用代码');
  });
});

describe('cell normalisation', () => {
  it.each([
    ['９１３７１３２２ＭＡ３２Ｃ３Ｋ５Ｅ６', '91371322MA32C3K5E6'],
    [' 9137 1322 ma32c3k5e6 ', '91371322MA32C3K5E6'],
    ['371322197407245335', '371322197407245335'],
  ])('normaliseCode(%j) = %j', (raw, code) => expect(normaliseCode(raw)).toBe(code));

  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024-1-5', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['２０２４/１/５', '2024-01-05'],
    ['2024/1/5 0:00', '2024-01-05'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', undefined],
    ['2024-13-01', undefined],
    ['05/01/2024', undefined],
    ['2024-01-05 13:30', undefined],
  ])('normaliseDate(%j) = %j', (raw, date) => expect(normaliseDate(raw)).toBe(date));

  it('splits lists on the separators offices use, trims and drops repeats', () => {
    expect(splitList('危险化学品、冶金，有色, 建材;机械；轻工/纺织、冶金、 ')).toEqual([
      '危险化学品',
      '冶金',
      '有色',
      '建材',
      '机械',
      '轻工',
      '纺织',
    ]);
  });

  it('masks personal numbers', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0533-6123456')).toBe('053****3456');
  });
});

const USCC = withUsccCheck('91371322MA32C3K5E');
const USCC2 = withUsccCheck('91371322MA3D9JC4M');
const ID = withIdCheck('37132219740724533');
const TODAY = '2024-01-10';

function check(roster: RosterName, headers: string[], row: string[]) {
  const def = ROSTER_DEFS[roster];
  const v = new RowValidator(def, headers, mapHeaders(def, headers), { today: TODAY });
  const values: string[] = [];
  const problems: RowProblem[] = [];
  const outcome = v.validate(row, 7, values, problems);
  const stored = Object.fromEntries(def.fields.map((f, i) => [f.field, values[i]]));
  return { outcome, stored, problems: problems.map((p) => [p.line, p.field, p.code]) };
}

const enterprise = (over: Record<number, string> = {}) => {
  const row = [
    USCC,
    '青禾县齐润化工（分厂）有限公司',
    '有限责任公司',
    '阎杰',
    '芦湖街道青城路6号',
    '化工产品生产',
    '芦湖街道',
    '危险化学品',
    '重点',
    '较大风险',
    'B',
    '存续',
    '',
  ];
  for (const [i, v] of Object.entries(over)) row[Number(i)] = v;
  return row;
};

describe('enterprise rows', () => {
  it('stores a valid row with codes normalised and names untouched', () => {
    const r = check(
      'enterprises',
      ENTERPRISE_HEADERS,
      enterprise({ 0: ` ${USCC.toLowerCase()} `, 1: ' 青禾县齐润化工（分厂）有限公司 ', 12: '重点关注，失信' }),
    );
    expect(r.outcome).toBe('ok');
    expect(r.stored).toMatchObject({
      uscc: USCC,
      name: '青禾县齐润化工（分厂）有限公司',
      flags: '重点关注;失信',
      supervision: '重点',
    });
  });

  it.each([
    [
      'a wrong check character',
      { 0: USCC.slice(0, 17) + (USCC[17] === '0' ? '1' : '0') },
      '统一社会信用代码',
      'roster.row.usccCheck',
    ],
    ['17 characters', { 0: USCC.slice(0, 17) }, '统一社会信用代码', 'roster.row.usccLength'],
    [
      'a letter no USCC uses',
      { 0: `${USCC.slice(0, 10)}I${USCC.slice(11)}` },
      '统一社会信用代码',
      'roster.row.usccCharset',
    ],
    ['an empty code', { 0: '  ' }, '统一社会信用代码', 'roster.row.required'],
    ['an empty name', { 1: '' }, '单位名称', 'roster.row.required'],
    ['an empty industry', { 7: '' }, '行业类别', 'roster.row.required'],
    ['an unknown supervision type', { 8: '特殊' }, '监管类型', 'roster.row.badValue'],
    ['a code Excel turned into a number', { 0: '9.13713E+17' }, '统一社会信用代码', 'roster.row.excelNumber'],
  ])('rejects %s', (_, over, field, code) => {
    const r = check('enterprises', ENTERPRISE_HEADERS, enterprise(over));
    expect(r.outcome).toBe('bad');
    expect(r.problems).toEqual([[7, field, code]]);
  });

  it('reports every problem of a row, not only the first', () => {
    const r = check('enterprises', ENTERPRISE_HEADERS, enterprise({ 0: 'X', 1: '', 8: '特殊' }));
    expect(r.problems.map((p) => p[2])).toEqual([
      'roster.row.usccLength',
      'roster.row.required',
      'roster.row.badValue',
    ]);
  });

  it('rejects a row with more or fewer cells than the header, and skips rows of empty cells', () => {
    expect(check('enterprises', ENTERPRISE_HEADERS, [...enterprise(), '']).problems).toEqual([
      [7, '', 'roster.row.moreFields'],
    ]);
    expect(check('enterprises', ENTERPRISE_HEADERS, enterprise().slice(0, 12)).problems).toEqual([
      [7, '', 'roster.row.fewerFields'],
    ]);
    expect(check('enterprises', ENTERPRISE_HEADERS, new Array(13).fill(' ')).outcome).toBe('blank');
    expect(check('enterprises', ENTERPRISE_HEADERS, ['']).outcome).toBe('blank');
  });
});

describe('inspector rows', () => {
  const inspector = (over: Record<number, string> = {}) => {
    const row = [
      '371323010001',
      '史明',
      ID,
      '男',
      '15187125419',
      '青禾县应急管理局',
      '科员',
      '危险化学品、烟花爆竹 / 冶金',
      '青禾县',
      '执法人员',
    ];
    for (const [i, v] of Object.entries(over)) row[Number(i)] = v;
    return row;
  };

  it('stores specialties joined by ; and the kind as officer/expert', () => {
    expect(check('inspectors', INSPECTOR_HEADERS, inspector()).stored).toMatchObject({
      certNo: '371323010001',
      idNumber: ID,
      specialties: '危险化学品;烟花爆竹;冶金',
      kind: 'officer',
      gender: '男',
    });
    expect(check('inspectors', INSPECTOR_HEADERS, inspector({ 9: '专家' })).stored.kind).toBe('expert');
    expect(check('inspectors', INSPECTOR_HEADERS, inspector({ 9: 'Expert' })).stored.kind).toBe('expert');
    expect(
      check('inspectors', INSPECTOR_HEADERS, inspector({ 2: ID.toLowerCase().replace(/(\d{6})/, '$1 ') })).stored
        .idNumber,
    ).toBe(ID);
  });

  it.each([
    ['a bad check digit', { 2: ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0') }, 'roster.row.idCheck'],
    ['February 30th', { 2: withIdCheck('37132219860230822') }, 'roster.row.idBirthDate'],
    ['a birth date after today', { 2: withIdCheck('37132220240201822') }, 'roster.row.idBirthDate'],
    ['16 digits', { 2: '3713221974072453' }, 'roster.row.idFormat'],
    ['an unknown gender', { 3: '未知' }, 'roster.row.badValue'],
    ['an unknown kind', { 9: '临时工' }, 'roster.row.badValue'],
    ['| in the certificate number', { 0: '3713|01' }, 'roster.row.pipe'],
  ])('rejects %s', (_, over, code) => {
    expect(check('inspectors', INSPECTOR_HEADERS, inspector(over)).problems.map((p) => p[2])).toEqual([code]);
  });
});

describe('items, conflicts and history rows', () => {
  const ITEM_HEADERS = ['事项编码', '事项名称', '适用行业', '事项类别'];
  it.each([
    ['*', '*'],
    ['全部', '*'],
    ['危险化学品；烟花爆竹、非煤矿山', '危险化学品;烟花爆竹;非煤矿山'],
  ])('item industries %j are stored as %j', (cell, stored) => {
    expect(check('items', ITEM_HEADERS, ['aq-01', '安全生产行政审批情况', cell, '重点']).stored).toMatchObject({
      code: 'AQ-01',
      industries: stored,
    });
  });

  it('refuses * mixed with named industries, and an empty industries cell', () => {
    expect(check('items', ITEM_HEADERS, ['AQ-01', '审批', '*、冶金', '重点']).problems.map((p) => p[2])).toEqual([
      'roster.row.starMixed',
    ]);
    expect(check('items', ITEM_HEADERS, ['AQ-01', '审批', '', '重点']).problems.map((p) => p[2])).toEqual([
      'roster.row.required',
    ]);
  });

  it('checks both parts of a conflict key', () => {
    expect(
      check('conflicts', ['执法证号', '统一社会信用代码', '回避原因'], ['371323010001', USCC2, '配偶在该企业任职'])
        .outcome,
    ).toBe('ok');
    expect(
      check('conflicts', ['执法证号', '统一社会信用代码', '回避原因'], ['', 'BAD', '']).problems.map((p) => p[2]),
    ).toEqual(['roster.row.required', 'roster.row.usccLength']);
  });

  it('normalises history dates and refuses impossible ones and | in the checking office', () => {
    const H = ['统一社会信用代码', '检查日期', '检查机关', '任务'];
    expect(check('history', H, [USCC, '2024/1/3', '淄博市应急管理局', '']).stored).toMatchObject({
      date: '2024-01-03',
      source: '淄博市应急管理局',
    });
    expect(check('history', H, [USCC, '2024-02-30', '淄博市应急管理局', '']).problems.map((p) => p[2])).toEqual([
      'roster.row.badDate',
    ]);
    expect(check('history', H, [USCC, '2024-02-01', '市局|县局', '']).problems.map((p) => p[2])).toEqual([
      'roster.row.pipe',
    ]);
  });
});
