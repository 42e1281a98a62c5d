import { describe, expect, it } from 'vitest';
import { inspectorPool2, itemPool2 } from '../../src/core/ssj2/draw-input.js';
import { removedAfterFreeze } from '../../src/core/ssj2/pool-after-freeze.js';

const pool = [
  { stratum: '重点', uscc: 'A', name: 'a', industry: '' },
  { stratum: '重点', uscc: 'B', name: 'b', industry: '' },
  { stratum: '一般', uscc: 'C', name: 'c', industry: '' },
  { stratum: '一般', uscc: 'D', name: 'd', industry: '' },
];

describe('SSJ-2 pool after freeze (DESIGN.md "Pool after freeze"; cap.perYear, 汨罗/高青 一年不超过一次)', () => {
  it('cap 1: every member selected by an earlier-frozen plan is removed, naming that plan', () => {
    const removed = removedAfterFreeze(pool, 1, () => false, new Map(), [
      { uscc: 'B', byPlan: '2025A' },
      { uscc: 'C', byPlan: '2025B' },
      { uscc: 'Z', byPlan: '2025A' }, // not in this plan's frozen pool
    ]);
    expect(removed).toEqual([
      { stratum: '重点', uscc: 'B', byPlan: '2025A' },
      { stratum: '一般', uscc: 'C', byPlan: '2025B' },
    ]);
  });

  it('cap 2: counts the checks already there at freeze; the plan whose check reaches the cap is named', () => {
    const removed = removedAfterFreeze(pool, 2, () => false, new Map([['A', 1]]), [
      { uscc: 'A', byPlan: '2025A' },
      { uscc: 'D', byPlan: '2025A' },
      { uscc: 'D', byPlan: '2025B' },
      { uscc: 'D', byPlan: '2025C' },
    ]);
    expect(removed).toEqual([
      { stratum: '重点', uscc: 'A', byPlan: '2025A' },
      { stratum: '一般', uscc: 'D', byPlan: '2025B' },
    ]);
  });

  it('exempt enterprises (credit D, 失信 …) are never removed', () => {
    expect(removedAfterFreeze(pool, 1, (u) => u === 'B', new Map(), [{ uscc: 'B', byPlan: '2025A' }])).toEqual([]);
  });
});

describe('SSJ-2 pools of inspectors and items (DESIGN.md "Pools of inspectors and items")', () => {
  const base = { name: 'x', unit: '区应急管理局', region: '城区', title: '', specialties: [], active: true };
  const roster = [
    { ...base, certNo: 'O1', kind: 'officer' as const, department: '区应急管理局' },
    { ...base, certNo: 'O2', kind: '' as const, department: '' },
    { ...base, certNo: 'O3', kind: 'officer' as const, department: '区市场监督管理局' },
    { ...base, certNo: 'O4', kind: 'officer' as const, department: '区教育局' },
    { ...base, certNo: 'X1', kind: 'expert' as const, department: '市专家库' },
    { ...base, certNo: 'O5', kind: 'officer' as const, department: '区应急管理局', active: false },
    { ...base, certNo: 'O6', kind: 'officer' as const, department: '区应急管理局', region: '乡镇' },
  ];
  const joint = {
    departments: [
      { name: '区应急管理局', officers: 1, specialists: 0, items: 1 },
      { name: '区市场监督管理局', officers: 1, specialists: 0, items: 1 },
    ],
  };

  it('joint: officers of the listed departments (an empty department is the office), and experts', () => {
    const pool = inspectorPool2(roster, { joint }, '区应急管理局');
    expect(pool.map((i) => i.certNo)).toEqual(['O1', 'O2', 'O3', 'X1', 'O6']);
    expect(pool.find((i) => i.certNo === 'O2')).toMatchObject({ kind: 'officer', department: '区应急管理局' });
  });

  it('inspectors.where (顺城 第十四条 本级 or 乡镇安监站): AND across keys, OR within a list', () => {
    const pool = inspectorPool2(
      roster,
      { joint: null, inspectors: { where: { region: ['城区'], kind: ['officer'] } } },
      '区应急管理局',
    );
    expect(pool.map((i) => i.certNo)).toEqual(['O1', 'O2', 'O3', 'O4']);
  });

  it('items: items.department keeps that department and items with none; joint keeps the listed departments', () => {
    const item = (code: string, department: string, active = true) => ({
      code,
      name: code,
      industries: '*' as const,
      department,
      active,
    });
    const items = [
      item('A', ''),
      item('B', '区应急管理局'),
      item('C', '区市场监督管理局'),
      item('D', '区教育局'),
      item('E', '', false),
    ];
    expect(itemPool2(items, { joint: null, items: {} }).map((i) => i.code)).toEqual(['A', 'B', 'C', 'D']);
    expect(itemPool2(items, { joint: null, items: { department: '区应急管理局' } }).map((i) => i.code)).toEqual([
      'A',
      'B',
    ]);
    expect(itemPool2(items, { joint, items: {} }).map((i) => i.code)).toEqual(['A', 'B', 'C']);
  });
});
