import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/open.js';
import { ALL_BOUND, DERIVED_TABLES, tableDigest } from '../../src/db/table-digest.js';

/** Issue 13, finding 5: every stored table is bound to the audit log by digest or re-derived from it. */
describe('table digests', () => {
  it('cover every table of the schema: bound, re-derived by replay, or the log itself', () => {
    const db = openDb(':memory:');
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    const covered = new Set<string>([...ALL_BOUND, ...DERIVED_TABLES, 'audit_log']);
    expect(
      tables.filter((t) => !covered.has(t)),
      'tables no audit check covers: add them to BOUND_TABLES',
    ).toEqual([]);
    db.close();
  });

  it('change with any row, any column and the row order key, and not with insertion order', () => {
    const a = openDb(':memory:');
    const b = openDb(':memory:');
    a.prepare("INSERT INTO settings (key, value) VALUES ('x', '1'), ('y', '2')").run();
    b.prepare("INSERT INTO settings (key, value) VALUES ('y', '2'), ('x', '1')").run();
    const digest = tableDigest(a, 'settings');
    expect(tableDigest(b, 'settings')).toBe(digest);
    b.prepare("UPDATE settings SET value = '3' WHERE key = 'y'").run();
    expect(tableDigest(b, 'settings')).not.toBe(digest);
    b.prepare("UPDATE settings SET value = '2' WHERE key = 'y'").run();
    expect(tableDigest(b, 'settings')).toBe(digest);
    b.prepare("DELETE FROM settings WHERE key = 'x'").run();
    expect(tableDigest(b, 'settings')).not.toBe(digest);
    // A value cannot move between columns or rows unnoticed: each row is a JSON array.
    expect(tableDigest(a, 'calendar_days')).not.toBe(tableDigest(a, 'settings'));
    a.close();
    b.close();
  });
});
