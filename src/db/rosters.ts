import { normaliseDate } from '../domain/dates.js';
import { keyFields, normaliseCode, SEP, type RosterDef } from '../domain/rosters.js';
import type { Db } from './open.js';

/**
 * Roster tables: staging and upserting an import, listing, and the queries behind `ssj show`.
 *
 * An import first appends every valid row to a TEMP staging table (sequential writes, so fast), then applies them
 * with one `INSERT … SELECT … ORDER BY key ON CONFLICT DO UPDATE … WHERE changed`: sorted keys make the B-tree
 * writes sequential too, which is what beats sqlite3's own `.import` on a 1,000,000-row file. Memory stays flat
 * because duplicate keys are found by SQL (GROUP BY over the staging table), not by a key set in memory.
 */
export interface ImportCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  deactivated: number;
}

const STAGING = 'temp.ssj_staging';
/** Rows per multi-row INSERT into the staging table: fewer calls from JavaScript into SQLite. */
const BATCH = 64;

const q = (ident: string) => `"${ident}"`;

export class Staging {
  private readonly columns: string[];
  private readonly width: number;
  private readonly one: import('better-sqlite3').Statement;
  private readonly many: import('better-sqlite3').Statement;
  /** Items of rows not yet written (fewer than BATCH rows). */
  private pending: string[] = [];
  staged = 0;

  constructor(
    private readonly db: Db,
    private readonly def: RosterDef,
  ) {
    this.columns = def.fields.map((f) => f.column);
    this.width = this.columns.length + 1;
    db.exec(
      `DROP TABLE IF EXISTS ${STAGING}; CREATE TABLE ${STAGING} (line INTEGER NOT NULL, ${this.columns.map((c) => `${q(c)} TEXT NOT NULL`).join(', ')})`,
    );
    const row = `(${new Array(this.width).fill('?').join(',')})`;
    this.one = db.prepare(`INSERT INTO ${STAGING} VALUES ${row}`);
    this.many = db.prepare(`INSERT INTO ${STAGING} VALUES ${new Array(BATCH).fill(row).join(',')}`);
  }

  /**
   * Stage `count` valid rows packed as roster-rows.ts packs them: line, then the values in RosterDef field order,
   * each followed by NUL. Rows go in BATCH-row statements; the rest waits for the next chunk or flush().
   */
  addPacked(packed: string, count: number): void {
    if (count === 0) return;
    let items = packed.split(SEP);
    items.length--; // the empty string after the last separator
    if (this.pending.length) items = this.pending.concat(items);
    const size = BATCH * this.width;
    let at = 0;
    for (; at + size <= items.length; at += size) this.many.run(items.slice(at, at + size));
    this.pending = items.slice(at);
    this.staged += count;
  }

  flush(): void {
    for (let at = 0; at < this.pending.length; at += this.width) this.one.run(this.pending.slice(at, at + this.width));
    this.pending = [];
  }

  /** Rows whose key an earlier row already has: each with the line of the first occurrence. */
  duplicates(): { line: number; first: number; key: string[] }[] {
    this.flush();
    const keys = keyFields(this.def).map((f) => q(f.column));
    // The usual answer is "none": a narrow GROUP BY says so cheaply; the join that names the lines runs only when needed.
    const any = this.db
      .prepare(`SELECT 1 FROM ${STAGING} GROUP BY ${keys.join(', ')} HAVING count(*) > 1 LIMIT 1`)
      .get();
    if (!any) return [];
    const rows = this.db
      .prepare(
        `SELECT s.line AS line, d.first AS first, ${keys.map((k) => `s.${k}`).join(', ')}
         FROM ${STAGING} s JOIN (SELECT ${keys.join(', ')}, min(line) AS first FROM ${STAGING} GROUP BY ${keys.join(', ')} HAVING count(*) > 1) d
           ON ${keys.map((k) => `s.${k} = d.${k}`).join(' AND ')}
         WHERE s.line > d.first ORDER BY s.line`,
      )
      .raw(true)
      .all() as [number, number, ...string[]][];
    return rows.map(([line, first, ...key]) => ({ line, first, key }));
  }

  /** Lines of staged rows whose `column` value is not an active key of `table` (conflicts naming unknown people or enterprises). */
  missingReferences(
    column: string,
    table: string,
    tableColumn: string,
  ): { count: number; line?: number; value?: string } {
    this.flush();
    const where = `NOT EXISTS (SELECT 1 FROM main.${q(table)} t WHERE t.${q(tableColumn)} = s.${q(column)} AND t.active = 1)`;
    const count = (this.db.prepare(`SELECT count(*) AS n FROM ${STAGING} s WHERE ${where}`).get() as { n: number }).n;
    if (count === 0) return { count };
    const first = this.db
      .prepare(`SELECT line, ${q(column)} AS value FROM ${STAGING} s WHERE ${where} ORDER BY line LIMIT 1`)
      .get() as { line: number; value: string };
    return { count, ...first };
  }

  /** Distinct staged values of a ';'-joined list column. */
  distinctListValues(column: string): Set<string> {
    this.flush();
    const out = new Set<string>();
    for (const [v] of this.db
      .prepare(`SELECT DISTINCT ${q(column)} FROM ${STAGING}`)
      .raw(true)
      .iterate() as Iterable<[string]>) {
      for (const x of v.split(';')) if (x) out.add(x);
    }
    return out;
  }

  /**
   * Upsert the staged rows into the roster table. Counts come from row counts and `changes`: an upsert whose
   * WHERE finds nothing changed writes nothing and counts as unchanged. With `replace`, active rows missing
   * from the file are marked inactive (never deleted: past draws and history refer to them).
   */
  apply(importId: number, opts: { replace: boolean; now: string }): ImportCounts {
    this.flush();
    const table = q(this.def.name);
    const keys = keyFields(this.def).map((f) => q(f.column));
    const cols = this.columns.map(q);
    const nonKey = this.def.fields.filter((f) => !f.key).map((f) => q(f.column));
    const isConflicts = this.def.name === 'conflicts';
    const extraCols = isConflicts ? ', source, declared_at' : '';
    const extraVals = isConflicts ? `, 'import', @now` : '';
    const changed = `(${[...nonKey.map((c) => `${table}.${c}`), `${table}.active`].join(', ')}) IS NOT (${[...nonKey.map((c) => `excluded.${c}`), '1'].join(', ')})`;
    const set = [
      ...nonKey.map((c) => `${c} = excluded.${c}`),
      // A conflict declared again after it was withdrawn is declared now.
      ...(isConflicts
        ? [`declared_at = CASE WHEN ${table}.active = 0 THEN excluded.declared_at ELSE ${table}.declared_at END`]
        : []),
      'active = 1',
      'import_id = excluded.import_id',
    ];
    // Conflicts gained by a recusal after a draw belong to that draw's record; an import never rewrites them.
    const guard = isConflicts ? `${table}.source = 'import' AND ` : '';
    const count = () => (this.db.prepare(`SELECT count(*) AS n FROM main.${table}`).get() as { n: number }).n;
    const before = count();
    const { changes } = this.db
      .prepare(
        `INSERT INTO main.${table} (${cols.join(', ')}, active, import_id${extraCols})
         SELECT ${cols.join(', ')}, 1, @importId${extraVals} FROM ${STAGING} WHERE true ORDER BY ${keys.join(', ')}
         ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${set.join(', ')} WHERE ${guard}${changed}`,
      )
      .run(isConflicts ? { importId, now: opts.now } : { importId });
    const inserted = count() - before;
    let deactivated = 0;
    if (opts.replace) {
      deactivated = this.db
        .prepare(
          `UPDATE main.${table} SET active = 0, import_id = @importId
           WHERE active = 1 ${isConflicts ? "AND source = 'import'" : ''} AND (${keys.join(', ')}) NOT IN (SELECT ${keys.join(', ')} FROM ${STAGING})`,
        )
        .run({ importId }).changes;
    }
    return { rows: this.staged, inserted, updated: changes - inserted, unchanged: this.staged - changes, deactivated };
  }

  drop(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${STAGING}`);
  }
}

export interface ImportRecord extends ImportCounts {
  roster: string;
  file: string;
  sha256: string;
  encoding: string;
  replace: boolean;
  operator: string;
  at: string;
}

/** The imports row is written first (rows refer to it), with its counts filled in after the upsert. */
export function insertImport(db: Db, r: ImportRecord): number {
  return Number(
    db
      .prepare(
        `INSERT INTO imports (roster, file, sha256, encoding, rows, inserted, updated, unchanged, deactivated, replace, operator, at)
         VALUES (@roster, @file, @sha256, @encoding, @rows, @inserted, @updated, @unchanged, @deactivated, @replace, @operator, @at)`,
      )
      .run({ ...r, replace: r.replace ? 1 : 0 }).lastInsertRowid,
  );
}

export function updateImportCounts(db: Db, id: number, c: ImportCounts): void {
  db.prepare(
    'UPDATE imports SET rows = @rows, inserted = @inserted, updated = @updated, unchanged = @unchanged, deactivated = @deactivated WHERE id = @id',
  ).run({ ...c, id });
}

/** Distinct active values of a column (enterprise industries, for the specialist check). */
export function distinctActive(db: Db, table: 'enterprises' | 'inspectors', column: string, list = false): Set<string> {
  const out = new Set<string>();
  for (const [v] of db
    .prepare(`SELECT DISTINCT ${q(column)} FROM ${q(table)} WHERE active = 1`)
    .raw(true)
    .iterate() as Iterable<[string]>) {
    for (const x of list ? v.split(';') : [v]) if (x) out.add(x);
  }
  return out;
}

// ------------------------------------------------------------------ listing

/** A --where filter: `=` exact (any element of a list field), `~` contains. Values within one filter are OR'ed. */
export interface Filter {
  field: string;
  op: '=' | '~';
  values: string[];
}

export interface StoredField {
  field: string;
  column: string;
  list?: boolean;
  key?: boolean;
}

/** Every stored field of a roster, as `list --json` shows them. */
export function storedFields(def: RosterDef): StoredField[] {
  return [
    ...def.fields.map((f) => ({ field: f.field, column: f.column, list: f.list ?? false, key: f.key ?? false })),
    ...(def.storedOnly ?? []),
    { field: 'active', column: 'active' },
    { field: 'importId', column: 'import_id' },
  ];
}

const CODE_FIELDS = new Set(['uscc', 'certNo', 'code', 'idNumber']);

function whereSql(
  def: RosterDef,
  filters: readonly Filter[],
  includeInactive: boolean,
): { sql: string; params: unknown[] } {
  const byField = new Map(storedFields(def).map((f) => [f.field, f]));
  const parts: string[] = includeInactive ? [] : ['active = 1'];
  const params: unknown[] = [];
  for (const flt of filters) {
    const sf = byField.get(flt.field)!;
    const col = q(sf.column);
    const ors = flt.values.map((raw) => {
      const v = CODE_FIELDS.has(flt.field)
        ? normaliseCode(raw)
        : flt.field === 'date'
          ? (normaliseDate(raw) ?? raw.trim())
          : raw.trim();
      if (flt.op === '~') {
        params.push(v);
        return `instr(${col}, ?) > 0`;
      }
      if (flt.field === 'active') {
        params.push(/^(1|true|yes|是)$/i.test(v) ? 1 : 0);
        return `${col} = ?`;
      }
      params.push(sf.list ? `;${v};` : v);
      return sf.list ? `instr(';' || ${col} || ';', ?) > 0` : `${col} = ?`;
    });
    parts.push(`(${ors.join(' OR ')})`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export type RosterRow = Record<string, string | number | boolean>;

/** Rows of a roster matching the filters, in key order; `limit` 0 means all. Also the total matching. */
export function listRoster(
  db: Db,
  def: RosterDef,
  filters: readonly Filter[],
  opts: { limit: number; includeInactive: boolean },
): { total: number; rows: RosterRow[] } {
  const fields = storedFields(def);
  const { sql, params } = whereSql(def, filters, opts.includeInactive);
  const table = q(def.name);
  const total = (db.prepare(`SELECT count(*) AS n FROM ${table} ${sql}`).get(...params) as { n: number }).n;
  const keys = keyFields(def).map((f) => q(f.column));
  const rows = db
    .prepare(
      `SELECT ${fields.map((f) => q(f.column)).join(', ')} FROM ${table} ${sql} ORDER BY ${keys.join(', ')}${opts.limit > 0 ? ` LIMIT ${opts.limit}` : ''}`,
    )
    .raw(true)
    .all(...params) as (string | number | null)[][];
  return { total, rows: rows.map((r) => toRow(fields, r)) };
}

function toRow(fields: StoredField[], r: (string | number | null)[]): RosterRow {
  const o: RosterRow = {};
  fields.forEach((f, i) => {
    const v = r[i];
    o[f.field] = f.field === 'active' ? v === 1 : (v ?? '');
  });
  return o;
}

// ------------------------------------------------------------------ show enterprise

export function getEnterprise(db: Db, def: RosterDef, uscc: string): RosterRow | undefined {
  const fields = storedFields(def);
  const r = db
    .prepare(`SELECT ${fields.map((f) => q(f.column)).join(', ')} FROM enterprises WHERE uscc = ?`)
    .raw(true)
    .get(uscc) as (string | number | null)[] | undefined;
  return r && toRow(fields, r);
}

export interface ImportInfo {
  id: number;
  file: string;
  at: string;
  operator: string;
}

export function importInfo(db: Db, id: number): ImportInfo | undefined {
  return db.prepare('SELECT id, file, at, operator FROM imports WHERE id = ?').get(id) as ImportInfo | undefined;
}

export interface EnterpriseCheck {
  kind: 'history' | 'draw';
  date: string;
  /** Who checked (history) or which plan drew it (draw). */
  source: string;
  task: string;
  /** For draws: selected / reserve / replaced; only 'selected' counts against the cap. */
  role?: string;
  counts: boolean;
}

/** The enterprise's checks in a year: imported history rows and its rows in the active draws of that year's plans. */
export function checksOf(db: Db, uscc: string, year: number): EnterpriseCheck[] {
  const history = db
    .prepare(
      `SELECT date, source, task FROM history WHERE uscc = ? AND active = 1 AND substr(date, 1, 4) = ? ORDER BY date, source`,
    )
    .all(uscc, String(year)) as {
    date: string;
    source: string;
    task: string;
  }[];
  const draws = db
    .prepare(
      `SELECT substr(d.drawn_at, 1, 10) AS date, p.id AS plan, s.stratum AS stratum, s.role AS role
       FROM selections s JOIN draws d ON d.id = s.draw_id JOIN plans p ON p.id = d.plan_id
       WHERE s.uscc = ? AND d.status = 'active' AND p.year = ? ORDER BY d.drawn_at`,
    )
    .all(uscc, year) as { date: string; plan: string; stratum: string; role: string }[];
  return [
    ...history.map((h) => ({ kind: 'history' as const, date: h.date, source: h.source, task: h.task, counts: true })),
    ...draws.map((d) => ({
      kind: 'draw' as const,
      date: d.date,
      source: d.plan,
      task: d.stratum,
      role: d.role,
      counts: d.role === 'selected',
    })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export interface EnterpriseConflict {
  certNo: string;
  name: string;
  reason: string;
  source: string;
  declaredAt: string;
}

export function conflictsOf(db: Db, uscc: string): EnterpriseConflict[] {
  return db
    .prepare(
      `SELECT c.cert_no AS certNo, coalesce(i.name, '') AS name, c.reason, c.source, c.declared_at AS declaredAt
       FROM conflicts c LEFT JOIN inspectors i ON i.cert_no = c.cert_no WHERE c.uscc = ? AND c.active = 1 ORDER BY c.cert_no`,
    )
    .all(uscc) as EnterpriseConflict[];
}
