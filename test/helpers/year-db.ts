import { gzipSync } from 'node:zlib';
import { poolEnterprisesCsv } from '../../src/core/canonical.js';
import { openDb } from '../../src/db/open.js';
import { testUscc } from './seed-draw.js';

/**
 * A hand-built year (issue 18 part 6), written straight into a database so every figure of `ssj report --year 2024`
 * can be counted by hand (test/unit/year-report.test.ts holds the counts and the reasoning):
 *
 * Enterprises E1..E8 (E6 inactive). Plans: P0 (2023, selected E3), P1 (2024, cap 1, credit D exempt; a void draw
 * that selected E2, then the active draw: 重点 E1, E5 selected, E2 reserve; 一般 E4 selected, E3 reserve), P2 (2024,
 * cap 2: 重点 E5 selected, E2 reserve; 一般 E3 replaced by E4). History: E1 by the city on 2024-03-05 (over P1's cap
 * of 1), E2 by the province on 2024-05-01, E2 on 2022-06-01, E8 on 2021-04-01 (outside three years).
 */
export const E = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`E${n}`, testUscc(7000 + n)])) as Record<
  string,
  string
>;
export const NAMES: Record<string, string> = {
  E1: '甲化工有限公司',
  E2: '乙化学有限公司',
  E3: '丙机械厂',
  E4: '丁机械有限公司',
  E5: '戊商贸有限公司',
  E6: '己商贸（已注销）',
  E7: '庚机械有限公司',
  E8: '辛商贸有限公司',
};

export function buildYearDb(path: string): void {
  const db = openDb(path);
  try {
    db.transaction(() => {
      const ent = db.prepare(
        `INSERT INTO enterprises (uscc, name, industry, region, supervision, credit, status, active) VALUES (?, ?, ?, ?, ?, ?, '存续', ?)`,
      );
      const rows: [string, string, string, string, string, number][] = [
        ['E1', '危险化学品', 'A镇', '重点', 'B', 1],
        ['E2', '危险化学品', 'B镇', '重点', 'A', 1],
        ['E3', '机械', 'A镇', '一般', 'A', 1],
        ['E4', '机械', 'B镇', '一般', 'A', 1],
        ['E5', '商贸', 'A镇', '重点', 'D', 1],
        ['E6', '商贸', 'B镇', '一般', 'A', 0],
        ['E7', '机械', 'A镇', '一般', 'A', 1],
        ['E8', '商贸', 'B镇', '一般', 'A', 1],
      ];
      for (const [k, industry, region, sup, credit, active] of rows)
        ent.run(E[k], NAMES[k], industry, region, sup, credit, active);

      const insp = db.prepare(
        `INSERT INTO inspectors (cert_no, name, id_number, phone, unit, kind, active) VALUES (?, ?, ?, ?, '县应急管理局', ?, ?)`,
      );
      // ID numbers and phones are stored for the office; the report must never show them.
      insp.run('I1', '赵一', '110101199003071234', '13800138001', 'officer', 1);
      insp.run('I2', '钱二', '', '13800138002', 'officer', 1);
      insp.run('I3', '孙三', '', '', 'officer', 1);
      insp.run('I4', '李四', '', '', 'officer', 1);
      insp.run('I5', '周五', '', '', 'expert', 1);
      insp.run('I6', '吴六', '', '', 'officer', 0);

      const hist = db.prepare('INSERT INTO history (uscc, date, source, task) VALUES (?, ?, ?, ?)');
      hist.run(E.E1, '2024-03-05', '淄博市应急管理局', '市级“双随机”抽查');
      hist.run(E.E2, '2024-05-01', '山东省应急管理厅', '省级专项检查');
      hist.run(E.E2, '2022-06-01', '县应急管理局', '2022年抽查');
      hist.run(E.E8, '2021-04-01', '县应急管理局', '2021年抽查');

      const plan = (id: string, year: number, perYear: number, resultDays: number | null) => {
        const json = JSON.stringify({
          id,
          title: `测试计划${id}`,
          year,
          window: { start: `${year}-01-15`, end: `${year}-12-31` },
          cap: { perYear, exempt: { credit: ['D'], flags: [] } },
          exclude: { status: ['注销'] },
          inspectors: { where: {} },
          strata: [
            { name: '重点', where: { supervision: ['重点'] }, ratio: '50%', min: 0, reserves: 1 },
            { name: '一般', where: { supervision: ['一般'] }, ratio: '50%', min: 0, reserves: 1 },
          ],
          team: { officers: 2, specialists: 0, experts: 0, maxPerInspector: null },
          joint: null,
          items: { perEnterprise: 1, department: null },
          publication: { unannounced: false, resultDays },
        });
        db.prepare(
          `INSERT INTO plans (id, year, json, status, created_at, operator) VALUES (?, ?, ?, 'drawn', '2024-01-01T00:00:00Z', 'seed')`,
        ).run(id, year, json);
        return json;
      };
      const empty = gzipSync(Buffer.from('', 'utf8'));
      let nextDraw = 1;
      const draw = (
        planId: string,
        json: string,
        drawnAt: string,
        status: 'active' | 'void',
        strata: [string, number, number, number][],
        pool: [string, string][],
        selections: [string, string, string][],
        seats: [string, string][],
      ) => {
        const id = nextDraw++;
        const poolCsv = poolEnterprisesCsv(
          strata.map((s) => s[0]),
          pool.map(([stratum, k]) => ({ stratum, uscc: E[k]!, name: NAMES[k]!, industry: '' })),
        );
        db.prepare(
          `INSERT INTO draws (id, plan_id, algorithm, plan_json, seed, seed_input, seed_kind, seed_source, drawn_at, operator, status,
                              pool_hash, strata_json, pool_enterprises_gz, pool_inspectors_gz, items_gz, conflicts_gz)
           VALUES (?, ?, 'SSJ-1', ?, 's', 's', 'text', 'test', ?, 'seed', ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          planId,
          json,
          drawnAt,
          status,
          '0'.repeat(64),
          JSON.stringify(
            strata.map(([name, population, pool, selected]) => ({ name, population, pool, selected, reserves: 1 })),
          ),
          gzipSync(Buffer.from(poolCsv, 'utf8')),
          empty,
          empty,
          empty,
        );
        const sel = db.prepare(
          `INSERT INTO selections (draw_id, stratum, rank, uscc, name, industry, ticket, role) VALUES (?, ?, ?, ?, ?, '', 'f', ?)`,
        );
        selections.forEach(([stratum, k, role], i) => sel.run(id, stratum, i + 1, E[k], NAMES[k], role));
        const seat = db.prepare(
          `INSERT INTO team_seats (draw_id, uscc, seat, cert_no, name, ticket) VALUES (?, ?, ?, ?, '', 't')`,
        );
        const seatNo = new Map<string, number>();
        for (const [k, cert] of seats) {
          const n = (seatNo.get(k) ?? 0) + 1;
          seatNo.set(k, n);
          seat.run(id, E[k], n, cert);
        }
        return id;
      };

      const p0 = plan('P0', 2023, 1, null);
      draw(
        'P0',
        p0,
        '2023-05-10T02:00:00.000Z',
        'active',
        [['一般', 3, 3, 1]],
        [['一般', 'E3']],
        [['一般', 'E3', 'selected']],
        [['E3', 'I1']],
      );

      const p1 = plan('P1', 2024, 1, 20);
      // The void draw: its selection and seats must count nowhere but in its own probability row.
      draw(
        'P1',
        p1,
        '2024-01-09T02:00:00.000Z',
        'void',
        [
          ['重点', 3, 3, 2],
          ['一般', 3, 2, 1],
        ],
        [
          ['重点', 'E1'],
          ['重点', 'E2'],
          ['重点', 'E5'],
          ['一般', 'E3'],
          ['一般', 'E4'],
        ],
        [
          ['重点', 'E2', 'selected'],
          ['重点', 'E1', 'selected'],
          ['一般', 'E3', 'selected'],
        ],
        [
          ['E2', 'I4'],
          ['E2', 'I4'],
        ],
      );
      const d1 = draw(
        'P1',
        p1,
        '2024-01-10T02:00:00.000Z',
        'active',
        [
          ['重点', 3, 3, 2],
          ['一般', 3, 2, 1],
        ],
        [
          ['重点', 'E1'],
          ['重点', 'E2'],
          ['重点', 'E5'],
          ['一般', 'E3'],
          ['一般', 'E4'],
        ],
        [
          ['重点', 'E1', 'selected'],
          ['重点', 'E5', 'selected'],
          ['重点', 'E2', 'reserve'],
          ['一般', 'E4', 'selected'],
          ['一般', 'E3', 'reserve'],
        ],
        [
          ['E1', 'I1'],
          ['E1', 'I2'],
          ['E5', 'I1'],
          ['E5', 'I3'],
          ['E4', 'I2'],
          ['E4', 'I3'],
        ],
      );
      const p2 = plan('P2', 2024, 2, null);
      draw(
        'P2',
        p2,
        '2024-07-10T02:00:00.000Z',
        'active',
        [
          ['重点', 3, 2, 1],
          ['一般', 3, 2, 1],
        ],
        [
          ['重点', 'E2'],
          ['重点', 'E5'],
          ['一般', 'E3'],
          ['一般', 'E4'],
        ],
        [
          ['重点', 'E5', 'selected'],
          ['重点', 'E2', 'reserve'],
          ['一般', 'E3', 'replaced'],
          ['一般', 'E4', 'selected'],
        ],
        [
          ['E5', 'I1'],
          ['E5', 'I2'],
          ['E4', 'I1'],
          ['E4', 'I3'],
          ['E3', 'I4'],
        ],
      );
      void d1;

      const result = db.prepare(
        `INSERT INTO results (plan_id, uscc, outcome, check_date, published_at, recorded_at, operator) VALUES (?, ?, 'passed', ?, ?, ?, 'seed')`,
      );
      const r1 = result.run(
        'P1',
        E.E1,
        '2024-03-01',
        '2024-03-15T02:00:00.000Z',
        '2024-03-02T02:00:00.000Z',
      ).lastInsertRowid;
      const r5 = result.run(
        'P1',
        E.E5,
        '2024-03-04',
        '2024-04-08T02:00:00.000Z',
        '2024-03-05T02:00:00.000Z',
      ).lastInsertRowid;
      result.run('P2', E.E4, '2024-11-04', null, '2024-11-05T02:00:00.000Z');
      result.run('P2', E.E5, '2024-12-16', null, '2024-12-17T02:00:00.000Z');
      const corr = db.prepare(
        `INSERT INTO corrections (result_id, outcome, reason, published_at, recorded_at, operator, approved_by, approved_on)
         VALUES (?, 'passed', ?, ?, ?, 'seed', ?, ?)`,
      );
      corr.run(r1, '笔误', '2024-03-21T02:00:00.000Z', '2024-03-20T02:00:00.000Z', '王局长', '2024-03-20');
      corr.run(r5, '复核', null, '2024-04-30T02:00:00.000Z', null, null);
      const obj = db.prepare(
        `INSERT INTO objections (result_id, received, text, decision, reviewed_at, answered_at, recorded_at, operator)
         VALUES (?, ?, '异议', ?, ?, ?, '2024-04-10T02:00:00.000Z', 'seed')`,
      );
      obj.run(r5, '2024-04-10', 'rejected', '2024-04-20', '2024-04-25');
      obj.run(r1, '2024-03-20', null, null, null);
      db.prepare("INSERT INTO settings (key, value) VALUES ('office.name', '测试县应急管理局')").run();
    })();
  } finally {
    db.close();
  }
}
