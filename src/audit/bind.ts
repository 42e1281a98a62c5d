import type { Db } from '../db/open.js';
import { ALL_BOUND } from '../db/table-digest.js';
import { appendAudit } from './log.js';

/** Who the audit log names for an entry ssj appends by itself when it upgrades a database. */
export const UPGRADE_OPERATOR = 'ssj (upgrade)';

/**
 * After migrations ran on a database that already has audit entries: append one 'audit.bind' entry with the digest of
 * every bound table as the upgrade left it. Entries from before carry no digests and stay valid; from this entry on,
 * every table is bound, and `ssj audit verify` says so. A migration that changes rows (migration 2 renames an
 * inspector kind) is recorded the same way, so an upgrade is never mistaken for an edit.
 *
 * Passed to openDb as its afterMigrate hook (src/cli/context.ts), so it runs in the migration's transaction.
 * The clock is read here, not passed in: opening is not a command with --now, and the time only says when the
 * upgrade happened.
 */
export function bindAfterUpgrade(db: Db, fromVersion: number, toVersion: number): void {
  const entries = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  if (entries === 0) return; // a new database: every table starts empty, and empty is what verify expects
  appendAudit(db, {
    at: new Date().toISOString(),
    operator: UPGRADE_OPERATOR,
    action: 'audit.bind',
    payload: { fromVersion, toVersion },
    tables: ALL_BOUND,
  });
}
