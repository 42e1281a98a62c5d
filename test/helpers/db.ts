import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** Every row of every table, plus the schema version: compare two dumps to prove a command changed nothing. */
export interface DbDump {
  userVersion: number;
  tables: Record<string, Record<string, unknown>[]>;
}

/**
 * Read a whole ssj database (read-only) into plain objects, tables by name and rows in a stable order (all columns
 * ascending), so `expect(dumpDb(p)).toEqual(before)` says "nothing changed". A missing file dumps as null, so
 * "the command did not even create the database" is checkable the same way.
 */
export function dumpDb(path: string): DbDump | null {
  if (!existsSync(path)) return null;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const names = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as { name: string }[]
    ).map((r) => r.name);
    const tables: DbDump['tables'] = {};
    for (const name of names) {
      const columns = (db.prepare(`SELECT count(*) AS n FROM pragma_table_info(?)`).get(name) as { n: number }).n;
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
      tables[name] = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY ${order}`).all() as Record<
        string,
        unknown
      >[];
    }
    return { userVersion: db.pragma('user_version', { simple: true }) as number, tables };
  } finally {
    db.close();
  }
}

/**
 * The SHA-256 of a database's bytes after folding its write-ahead log into the file: equal before and after a command
 * means the command wrote nothing at all ("a refusal leaves the database byte-identical").
 */
export function dbBytes(path: string): string {
  const db = new Database(path);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const wal = `${path}-wal`;
  return createHash('sha256')
    .update(readFileSync(path))
    .update(existsSync(wal) ? readFileSync(wal) : '')
    .digest('hex');
}
