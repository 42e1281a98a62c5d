import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/open.js';
import { migrations } from '../../src/db/migrations.js';
import {
  inspectorKind,
  mapHeaders,
  RowValidator,
  ROSTER_DEFS,
  type RosterName,
  type RowProblem,
} from '../../src/domain/rosters.js';
import { t } from '../../src/i18n/index.js';

/** SSJ-2 rosters (DESIGN.md "Rosters", SSJ-2 "Inspectors"): 类别 officer/expert, 所属部门, items' 检查部门. */
function check(roster: RosterName, headers: string[], row: string[]) {
  const def = ROSTER_DEFS[roster];
  const v = new RowValidator(def, headers, mapHeaders(def, headers), { today: '2024-01-10' });
  const values: string[] = [];
  const problems: RowProblem[] = [];
  v.validate(row, 2, values, problems);
  return { stored: Object.fromEntries(def.fields.map((f, i) => [f.field, values[i]])), problems };
}

const HEADERS = ['执法证号', '姓名', '所在单位', '所属部门', '类别'];

describe('inspector 类别 and 所属部门 (行政处罚法 第四十二条: only officers hold a 执法证)', () => {
  it.each([
    ['执法人员', 'officer'],
    ['行政执法人员', 'officer'],
    ['inspector', 'officer'],
    ['Officer', 'officer'],
    ['专家', 'expert'],
    ['安全生产专家', 'expert'],
    ['技术专家', 'expert'],
    ['外聘专家', 'expert'],
    ['expert', 'expert'],
  ])('类别 "%s" is stored as %s', (cell, kind) => {
    const r = check('inspectors', HEADERS, ['371323010001', '陈勇', '青禾县应急管理局', '青禾县应急管理局', cell]);
    expect(r.problems).toEqual([]);
    expect(r.stored.kind).toBe(kind);
    expect(r.stored.department).toBe('青禾县应急管理局');
  });

  it('an unknown 类别 is refused, and the zh message lists the Chinese words', () => {
    const r = check('inspectors', HEADERS, ['371323010001', '陈勇', '', '', '协管员']);
    expect(r.problems.map((p) => p.code)).toEqual(['roster.row.badValue']);
    const zh = t('zh', 'roster.row.badValue', r.problems[0]!.params);
    expect(zh).toContain('执法人员');
    expect(zh).toContain('专家');
  });

  it('an empty or pre-SSJ-2 kind reads as officer', () => {
    expect(['', 'inspector', 'officer'].map(inspectorKind)).toEqual(['officer', 'officer', 'officer']);
    expect(inspectorKind('expert')).toBe('expert');
  });

  it('items take 检查部门 (高青 5.1.1)', () => {
    const r = check(
      'items',
      ['事项编码', '事项名称', '适用行业', '检查部门'],
      ['SJ-01', '特种设备使用登记', '*', '青禾县市场监督管理局'],
    );
    expect(r.problems).toEqual([]);
    expect(r.stored.department).toBe('青禾县市场监督管理局');
  });
});

describe('migration 2: databases made before SSJ-2', () => {
  it('turns kind inspector (and empty) into officer and adds the department columns', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ssj-mig-')), 'ssj.db');
    const old = new Database(path);
    old.exec(migrations[0]!);
    old.pragma('user_version = 1');
    old.exec(`INSERT INTO inspectors (cert_no, name, kind) VALUES ('A1', '陈勇', 'inspector'), ('A2', '曾艳', ''),
      ('E1', '杨超', 'expert')`);
    old.exec(`INSERT INTO items (code, name) VALUES ('YJ-001', '安全生产责任制')`);
    old.close();
    const db = openDb(path);
    try {
      expect(db.prepare('SELECT cert_no, kind, department FROM inspectors ORDER BY cert_no').all()).toEqual([
        { cert_no: 'A1', kind: 'officer', department: '' },
        { cert_no: 'A2', kind: 'officer', department: '' },
        { cert_no: 'E1', kind: 'expert', department: '' },
      ]);
      expect(db.prepare('SELECT department FROM items').all()).toEqual([{ department: '' }]);
    } finally {
      db.close();
    }
  });
});
