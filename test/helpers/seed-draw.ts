import { openDb } from '../../src/db/open.js';
import { withUsccCheck } from '../../src/domain/uscc.js';

/**
 * A drawn plan written straight into a test database (plans, draws, selections), for tests of what happens
 * after a draw (results, deadlines) that should not depend on the whole draw pipeline.
 */
export interface SeedEnterprise {
  uscc: string;
  name: string;
  role?: 'selected' | 'reserve' | 'replaced';
}

export interface SeedPlan {
  id: string;
  year?: number;
  window?: { start: string; end: string };
  resultDays?: number | null;
  enterprises: SeedEnterprise[];
  /** Insert the plan without a draw (a plan not drawn yet). */
  undrawn?: boolean;
}

/** Valid USCCs (check character computed), distinct per n. */
export const testUscc = (n: number) => withUsccCheck(`91350100${String(n).padStart(9, '0')}`);

export function seedDraw(dbPath: string, p: SeedPlan): void {
  const db = openDb(dbPath);
  try {
    const year = p.year ?? 2024;
    const window = p.window ?? { start: `${year}-01-15`, end: `${year}-03-31` };
    const plan = {
      id: p.id,
      title: `测试计划 ${p.id}`,
      year,
      window,
      cap: { perYear: 1, exempt: { credit: [], flags: [] } },
      exclude: { status: ['注销', '吊销', '撤销', '迁出'] },
      strata: [{ name: '全部', where: {}, ratio: '100%', min: 0, reserves: 3 }],
      team: { size: 2, specialists: 0, maxPerInspector: null },
      items: { perEnterprise: 1 },
      publication: { unannounced: false, resultDays: p.resultDays ?? null },
    };
    const json = JSON.stringify(plan);
    db.transaction(() => {
      db.prepare('INSERT INTO plans (id, year, json, status, created_at, operator) VALUES (?, ?, ?, ?, ?, ?)').run(
        p.id,
        year,
        json,
        p.undrawn ? 'draft' : 'drawn',
        '2024-01-01T00:00:00.000Z',
        'seed',
      );
      if (p.undrawn) return;
      const empty = Buffer.alloc(0);
      const info = db
        .prepare(
          `INSERT INTO draws (plan_id, algorithm, plan_json, seed, seed_input, seed_kind, seed_source, drawn_at, operator, pool_hash, strata_json,
                              pool_enterprises_gz, pool_inspectors_gz, items_gz, conflicts_gz)
           VALUES (?, 'SSJ-1', ?, 'seed', 'seed', 'text', 'test', '2024-01-10T02:00:00.000Z', 'seed', ?, '[]', ?, ?, ?, ?)`,
        )
        .run(p.id, json, '0'.repeat(64), empty, empty, empty, empty);
      const ins = db.prepare(
        'INSERT INTO selections (draw_id, stratum, rank, uscc, name, industry, ticket, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      p.enterprises.forEach((e, i) =>
        ins.run(info.lastInsertRowid, '全部', i + 1, e.uscc, e.name, '', 'f'.repeat(64), e.role ?? 'selected'),
      );
    })();
  } finally {
    db.close();
  }
}
