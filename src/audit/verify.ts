import {
  allDraws,
  drawEvents,
  drawFiles,
  loadState,
  type DrawRecord,
  type StoredEvent,
  type StoredState,
} from '../db/draws.js';
import { FEEDBACK_COLUMNS } from '../db/feedback.js';
import { isSsj2, replayStored } from '../db/drawing.js';
import { gunz, hashFiles, INPUT_FILE_NAMES, type InputFiles } from '../db/draw-inputs.js';
import type { Db } from '../db/open.js';
import { AUDITED_COLUMNS } from '../db/results.js';
import { stateHash, stateHash2 } from '../db/state-hash.js';
import { normalizeSeed, rfc3797Key } from '../core/seed.js';
import { ALL_BOUND, tableDigest, type BoundTable } from '../db/table-digest.js';
import { canonicalJson, chainHead, entryHash, GENESIS, type AuditEntry } from './log.js';
import { checkSeeds } from './seeds.js';

/**
 * `ssj audit verify`: prove that the database is what its audit log says it is.
 *
 * 1. The chain: seq runs 1, 2, 3… with no gap, each entry names the previous entry's hash, and each entry still
 *    hashes to its recorded hash. The first entry that fails is reported (later ones are meaningless after it).
 * 2. The draws: each stored draw (active and void) re-derives from its own snapshot, seed and events; its input
 *    files still hash to what the log recorded; its stored result hashes to the resultHash of the last log entry
 *    that touched it; its events and void status are the ones the log recorded.
 * 3. Results, corrections and objections: each stored row equals the newest row the log recorded for its id.
 * 4. Plans and freezes: the stored plan and the frozen input files are the ones the log recorded; a draw's and a
 *    freeze's own fields (seed input, seed source, times, operator) are the ones their entries recorded.
 * 5. Every other stored table (rosters, conflicts, history, imports, settings, calendar days, and again plans,
 *    freezes, draws, events, results…) hashes to the digest the newest entry that changed it recorded
 *    (src/db/table-digest.ts). Entries from before table digests carry none; the report says from which entry on
 *    the tables are bound.
 *
 * A whole rewritten chain passes 1–4; that is what the published chain head (`--head`) is for.
 */

/** One problem found, as a message code (src/i18n/messages/audit.ts) and its parameters. */
export interface Finding {
  code: string;
  params: Record<string, unknown>;
}

export interface AuditReport {
  ok: boolean;
  head: { seq: number; hash: string };
  entries: number;
  checked: {
    draws: number;
    events: number;
    results: number;
    corrections: number;
    objections: number;
    plans: number;
    freezes: number;
    tables: number;
  };
  /**
   * Since which entry the tables are bound by digest: the first entry that recorded digests (null when none did yet),
   * and whether it is the entry an upgrade appended ('audit.bind'). Tables not bound at all are listed.
   */
  bound: { from: number | null; upgrade: boolean; unbound: string[] };
  problems: Finding[];
}

/** An audit_log row as stored. */
export type LogRow = AuditEntry;

/** A log row with its payload parsed (null when the payload is not JSON any more). */
interface Entry extends LogRow {
  data: Record<string, unknown> | null;
}

export function readLog(db: Db, opts: { planId?: string; limit?: number } = {}): LogRow[] {
  const where = opts.planId === undefined ? '' : 'WHERE plan_id = ?';
  const params = opts.planId === undefined ? [] : [opts.planId];
  const sql = `SELECT seq, at, operator, action, plan_id AS planId, payload, prev_hash AS prevHash, hash FROM audit_log ${where} ORDER BY seq`;
  if (opts.limit === undefined) return db.prepare(sql).all(...params) as LogRow[];
  // The newest N, still printed oldest first.
  const newest = `SELECT * FROM (${sql.replace('ORDER BY seq', 'ORDER BY seq DESC LIMIT ?')}) ORDER BY seq`;
  return db.prepare(newest).all(...params, opts.limit) as LogRow[];
}

export function verifyAudit(db: Db, opts: { head?: string } = {}): AuditReport {
  // One read transaction: the log and the data are read from the same snapshot while other processes write.
  return db.transaction(() => verifySnapshot(db, opts))();
}

function verifySnapshot(db: Db, opts: { head?: string }): AuditReport {
  const rows = readLog(db);
  const entries: Entry[] = rows.map((r) => ({ ...r, data: parsePayload(r.payload) }));
  const problems: Finding[] = [];
  const chain = checkChain(rows);
  if (chain) problems.push(chain);
  if (opts.head !== undefined) {
    const head = checkPublishedHead(rows, opts.head);
    if (head) problems.push(head);
  }

  const draws = allDraws(db);
  let events = 0;
  for (const d of draws) {
    const stored = drawEvents(db, d.id);
    events += stored.length;
    problems.push(...checkDraw(db, d, stored, entries));
  }
  const rowChecks = ROW_TABLES.map((t) => checkRows(db, t, entries));
  for (const c of rowChecks) problems.push(...c.problems);
  const plans = checkPlans(db, entries);
  const freezes = checkFreezes(db, entries);
  const tables = checkTables(db, entries);
  problems.push(...plans.problems, ...freezes.problems, ...checkSeeds(db, entries, draws), ...tables.problems);

  return {
    ok: problems.length === 0,
    head: chainHead(db),
    entries: rows.length,
    checked: {
      draws: draws.length,
      events,
      results: rowChecks[0]!.count,
      corrections: rowChecks[1]!.count,
      objections: rowChecks[2]!.count,
      plans: plans.count,
      freezes: freezes.count,
      tables: tables.count,
    },
    bound: tables.bound,
    problems,
  };
}

function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function parsePayload(payload: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(payload);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- the chain

/** The first entry that breaks the chain, or undefined when the chain is whole. Rows in seq order. */
export function checkChain(rows: readonly LogRow[]): Finding | undefined {
  let prev = GENESIS;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const expected = i + 1;
    if (r.seq !== expected) {
      return r.seq > expected
        ? { code: 'audit.chain.missing', params: { seq: expected, next: r.seq } }
        : { code: 'audit.chain.badSeq', params: { seq: r.seq, position: expected } };
    }
    if (r.prevHash !== prev) return { code: 'audit.chain.prevHash', params: { seq: r.seq, previous: expected - 1 } };
    if (entryHash(r.prevHash, r) !== r.hash)
      return { code: 'audit.chain.edited', params: { seq: r.seq, action: r.action, at: r.at } };
    prev = r.hash;
  }
  return undefined;
}

/** A published chain head as typed: "seq:hash", or a hash prefix of at least 16 hex digits. */
export const HEAD_FORMAT = /^(?:(\d+)\s*[:：]\s*)?([0-9a-f]{16,64})$/i;

/** A chain head published earlier (announcement, pre-announcement) must still be an entry of the chain. */
export function checkPublishedHead(rows: readonly LogRow[], published: string): Finding | undefined {
  const m = HEAD_FORMAT.exec(published.trim());
  if (!m) return { code: 'audit.head.bad', params: { value: published } };
  const hash = m[2]!.toLowerCase();
  const seq = m[1] === undefined ? undefined : Number(m[1]);
  const found = rows.find((r) => r.hash.startsWith(hash) && (seq === undefined || r.seq === seq));
  return found ? undefined : { code: 'audit.head.missing', params: { head: published.trim() } };
}

// ---------------------------------------------------------------- draws

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** Log entries that recorded something about draw `id`, oldest first. */
function entriesOfDraw(entries: readonly Entry[], id: number): Entry[] {
  return entries.filter((e) => num(e.data?.drawId) === id);
}

function checkDraw(db: Db, d: DrawRecord, events: StoredEvent[], entries: readonly Entry[]): Finding[] {
  const out: Finding[] = [];
  const at = { draw: d.id, plan: d.planId };
  const touching = entriesOfDraw(entries, d.id);
  const created = touching.find((e) => e.action === 'draw' || e.action === 'draw.redraw');
  if (!created) out.push({ code: 'audit.draw.unlogged', params: at });
  else {
    const p = created.data!;
    for (const [field, stored, logged] of [
      ['plan', d.planId, created.planId],
      ['seed', d.seed, p.seed],
      ['algorithm', d.algorithm, p.algorithm],
      ...drawOwnFields(d, created, entries),
    ] as const) {
      if (stored !== logged)
        out.push({ code: 'audit.draw.fieldChanged', params: { ...at, field, stored, logged, seq: created.seq } });
    }
    const hashes = (p.hashes ?? {}) as Record<string, unknown>;
    const actual = attempt(() => hashFiles(drawFiles(db, d.id))) ?? ({} as Record<string, string>);
    for (const key of Object.keys(INPUT_FILE_NAMES) as (keyof InputFiles)[]) {
      if (actual[key] !== hashes[key])
        out.push({ code: 'audit.draw.inputChanged', params: { ...at, file: INPUT_FILE_NAMES[key], seq: created.seq } });
    }
    if (d.poolHash !== hashes.poolEnterprises)
      out.push({
        code: 'audit.draw.fieldChanged',
        params: { ...at, field: 'pool_hash', stored: d.poolHash, logged: hashes.poolEnterprises, seq: created.seq },
      });
  }

  out.push(...checkVoid(d, entries));
  out.push(...checkEvents(d, events, touching));

  const stored = loadState(db, d.id);
  const order = strataOrder(d, stored);
  let derived: StoredState | undefined;
  try {
    const r = replayStored(db, d);
    derived = r.state;
    for (const m of r.mismatches)
      out.push({
        code: 'audit.draw.eventOutcome',
        params: { ...at, event: m.seq, field: m.field, recorded: m.recorded, computed: m.computed },
      });
  } catch (e) {
    // A tampered row can break the replay in any way (bad JSON, unreadable snapshot, an event that no longer applies).
    out.push({ code: 'audit.draw.noReplay', params: { ...at, reason: (e as Error).message } });
  }
  if (derived) {
    const diff = firstStateDifference(derived, stored);
    if (diff) out.push({ code: 'audit.draw.stateChanged', params: { ...at, ...diff } });
  }
  const last = [...touching].reverse().find((e) => typeof e.data?.resultHash === 'string');
  const storedHash = isSsj2(d) ? stateHash2(stored, order) : stateHash(stored, order);
  if (last && storedHash !== last.data!.resultHash)
    out.push({ code: 'audit.draw.resultHash', params: { ...at, seq: last.seq, action: last.action } });
  return out;
}

/** Strata in plan order, then any other stratum name found in the stored rows (a tampered row must still hash). */
function strataOrder(d: DrawRecord, stored: StoredState): string[] {
  return [...new Set([...d.strata.map((s) => s.name), ...stored.selection.map((r) => r.stratum)])];
}

/** A draw is void exactly when a later redraw said so in the log. */
function checkVoid(d: DrawRecord, entries: readonly Entry[]): Finding[] {
  const voiding = entries.find((e) => num(e.data?.voidedDrawId) === d.id);
  const at = { draw: d.id, plan: d.planId };
  if (d.status === 'void' && !voiding) return [{ code: 'audit.draw.voidUnlogged', params: at }];
  if (d.status !== 'void' && voiding) return [{ code: 'audit.draw.voidReverted', params: { ...at, seq: voiding.seq } }];
  return [];
}

/** The stored event columns (recorded outputs included: replay checks them), as `ssj recuse`/`replace` log the event. */
const EVENT_FIELDS = [
  'seq',
  'type',
  'uscc',
  'certNo',
  'replacementCertNo',
  'replacementUscc',
  'seed',
  'reason',
  'operator',
  'at',
] as const;

function eventKey(e: Record<string, unknown>): string {
  return canonicalJson(Object.fromEntries(EVENT_FIELDS.map((f) => [f, e[f] ?? (f === 'seq' ? null : '')])));
}

/** The events the log recorded for a draw: each event entry carries the event under `event` (or several under `events`). */
function loggedEvents(touching: readonly Entry[]): { event: Record<string, unknown>; seq: number }[] {
  const out: { event: Record<string, unknown>; seq: number }[] = [];
  for (const e of touching) {
    const list = Array.isArray(e.data?.events) ? (e.data!.events as unknown[]) : e.data?.event ? [e.data.event] : [];
    for (const ev of list)
      if (ev && typeof ev === 'object') out.push({ event: ev as Record<string, unknown>, seq: e.seq });
  }
  return out;
}

function checkEvents(d: DrawRecord, stored: StoredEvent[], touching: readonly Entry[]): Finding[] {
  const at = { draw: d.id, plan: d.planId };
  const logged = new Map(loggedEvents(touching).map((l) => [num(l.event.seq), l]));
  const out: Finding[] = [];
  for (const e of stored) {
    const l = logged.get(e.seq);
    if (!l) out.push({ code: 'audit.event.unlogged', params: { ...at, event: e.seq, uscc: e.uscc } });
    else if (eventKey(e as unknown as Record<string, unknown>) !== eventKey(l.event))
      out.push({ code: 'audit.event.changed', params: { ...at, event: e.seq, uscc: e.uscc, seq: l.seq } });
    logged.delete(e.seq);
  }
  for (const [seq, l] of logged) out.push({ code: 'audit.event.deleted', params: { ...at, event: seq, seq: l.seq } });
  return out;
}

/** Where the stored result first differs from the re-derived one: part, key, field and both values. */
export interface StateDifference {
  part: 'selection' | 'teams' | 'checkItems';
  key: string;
  field: string;
  stored: string;
  derived: string;
}

export function firstStateDifference(derived: StoredState, stored: StoredState): StateDifference | undefined {
  const sel = diffKeyed(
    'selection',
    derived.selection.map((r) => [r.uscc, r]),
    stored.selection.map((r) => [r.uscc, r]),
    ['stratum', 'rank', 'role', 'name', 'industry', 'ticket'],
  );
  if (sel) return sel;
  const seats = (teams: Map<string, { seat: number; certNo: string; name: string; ticket: string }[]>) =>
    [...teams].flatMap(([uscc, ss]) => ss.map((s) => [`${uscc} #${s.seat}`, s] as [string, typeof s]));
  const team = diffKeyed('teams', seats(derived.teams), seats(stored.teams), ['certNo', 'name', 'ticket']);
  if (team) return team;
  const items = (m: Map<string, { code: string; ticket: string }[]>) =>
    [...m].flatMap(([uscc, cs]) => cs.map((c, i) => [`${uscc} #${i + 1}`, c] as [string, typeof c]));
  return diffKeyed('checkItems', items(derived.checkItems), items(stored.checkItems), ['code', 'ticket']);
}

function diffKeyed<T extends object>(
  part: StateDifference['part'],
  derived: [string, T][],
  stored: [string, T][],
  fields: (keyof T & string)[],
): StateDifference | undefined {
  const storedBy = new Map(stored);
  for (const [key, d] of derived) {
    const s = storedBy.get(key);
    if (!s) return { part, key, field: '', stored: '-', derived: 'present' };
    for (const f of fields)
      if (String(d[f]) !== String(s[f])) return { part, key, field: f, stored: String(s[f]), derived: String(d[f]) };
    storedBy.delete(key);
  }
  const extra = storedBy.keys().next();
  return extra.done ? undefined : { part, key: extra.value, field: '', stored: 'present', derived: '-' };
}

// ---------------------------------------------------------------- results, corrections, objections

/** A table whose rows the log records whole (payload key = table name, each row with its id). */
interface RowTable {
  table: 'results' | 'corrections' | 'objections' | 'feedback';
  columns: readonly string[];
}

// The columns as the writers put them in the log (db/results.ts resultAuditRow and friends, db/feedback.ts):
// the same lists, so a column added there is checked here.
const ROW_TABLES: RowTable[] = [
  ...(['results', 'corrections', 'objections'] as const).map((table) => ({ table, columns: AUDITED_COLUMNS[table] })),
  { table: 'feedback', columns: FEEDBACK_COLUMNS },
];

function checkRows(db: Db, t: RowTable, entries: readonly Entry[]): { count: number; problems: Finding[] } {
  const logged = new Map<number, { row: Record<string, unknown>; seq: number }>();
  for (const e of entries) {
    const list = e.data?.[t.table];
    if (!Array.isArray(list)) continue;
    for (const row of list as Record<string, unknown>[])
      if (row && typeof row.id === 'number') logged.set(row.id, { row, seq: e.seq });
  }
  const stored = db.prepare(`SELECT * FROM ${t.table} ORDER BY id`).all() as Record<string, unknown>[];
  const problems: Finding[] = [];
  const kind = t.table;
  for (const row of stored) {
    const id = row.id as number;
    const l = logged.get(id);
    const what = describeRow(row);
    if (!l) problems.push({ code: 'audit.row.unlogged', params: { kind, id, what } });
    else {
      const field = t.columns.find((c) => canonicalJson(row[c] ?? null) !== canonicalJson(l.row[c] ?? null));
      if (field)
        problems.push({
          code: 'audit.row.changed',
          params: {
            kind,
            id,
            what,
            field,
            stored: String(row[field] ?? 'NULL'),
            logged: String(l.row[field] ?? 'NULL'),
            seq: l.seq,
          },
        });
    }
    logged.delete(id);
  }
  for (const [id, l] of logged)
    problems.push({ code: 'audit.row.deleted', params: { kind, id, what: describeRow(l.row), seq: l.seq } });
  return { count: stored.length, problems };
}

function describeRow(row: Record<string, unknown>): string {
  if (typeof row.plan_id === 'string') return `${row.plan_id} ${String(row.uscc ?? '')}`.trim();
  if (row.result_id !== undefined) return `result ${String(row.result_id)}`;
  return '';
}

// ---------------------------------------------------------------- plans and freezes

/** What a plan's status must be after the logged steps: draft, then frozen, then drawn. */
const STATUS_AFTER: Record<string, string> = {
  'plan.add': 'draft',
  'plan.freeze': 'frozen',
  draw: 'drawn',
  'draw.redraw': 'drawn',
  'plan.withdraw': 'withdrawn',
};

function checkPlans(db: Db, entries: readonly Entry[]): { count: number; problems: Finding[] } {
  const logged = new Map<string, Entry>();
  const status = new Map<string, { status: string; seq: number }>();
  for (const e of entries) {
    if (e.planId === null) continue;
    if (e.action === 'plan.add' || e.action === 'plan.update') logged.set(e.planId, e);
    const after = STATUS_AFTER[e.action];
    if (after) status.set(e.planId, { status: after, seq: e.seq });
  }
  const plans = db.prepare('SELECT id, json, status FROM plans ORDER BY id').all() as {
    id: string;
    json: string;
    status: string;
  }[];
  const problems: Finding[] = [];
  for (const p of plans) {
    const l = logged.get(p.id);
    if (!l) problems.push({ code: 'audit.plan.unlogged', params: { plan: p.id } });
    else if (
      canonicalJson(attempt(() => JSON.parse(p.json) as unknown) ?? p.json) !== canonicalJson(l.data?.plan ?? null)
    )
      problems.push({ code: 'audit.plan.changed', params: { plan: p.id, seq: l.seq } });
    const s = status.get(p.id);
    if (s && s.status !== p.status)
      problems.push({
        code: 'audit.plan.status',
        params: { plan: p.id, stored: p.status, logged: s.status, seq: s.seq },
      });
  }
  return { count: plans.length, problems };
}

function checkFreezes(db: Db, entries: readonly Entry[]): { count: number; problems: Finding[] } {
  const logged = new Map<string, Entry>();
  for (const e of entries) if (e.action === 'plan.freeze' && e.planId !== null) logged.set(e.planId, e);
  const rows = db.prepare('SELECT * FROM freezes ORDER BY plan_id').all() as Record<string, unknown>[];
  const problems: Finding[] = [];
  for (const r of rows) {
    const plan = r.plan_id as string;
    const l = logged.get(plan);
    if (!l) {
      problems.push({ code: 'audit.freeze.unlogged', params: { plan } });
      continue;
    }
    const actual: Record<string, string> =
      attempt(() =>
        hashFiles({
          poolEnterprises: gunz(r.pool_enterprises_gz as Buffer),
          poolInspectors: gunz(r.pool_inspectors_gz as Buffer),
          items: gunz(r.items_gz as Buffer),
          conflicts: gunz(r.conflicts_gz as Buffer),
        }),
      ) ?? {};
    const hashes = (l.data?.hashes ?? {}) as Record<string, unknown>;
    const changed = (Object.keys(INPUT_FILE_NAMES) as (keyof InputFiles)[])
      .filter((k) => actual[k] !== hashes[k])
      .map((k) => INPUT_FILE_NAMES[k]);
    if (r.seed_source !== l.data?.seedSource) changed.push('seed_source');
    // The freeze's own fields: its time and operator are the entry's; its hash columns and strata what it logged.
    if (r.frozen_at !== l.at) changed.push('frozen_at');
    if (r.operator !== l.operator) changed.push('operator');
    const hashColumns = {
      pool_hash: 'poolEnterprises',
      inspectors_hash: 'poolInspectors',
      items_hash: 'items',
      conflicts_hash: 'conflicts',
    };
    for (const [column, key] of Object.entries(hashColumns)) if (r[column] !== hashes[key]) changed.push(column);
    if (
      canonicalJson(attempt(() => JSON.parse(r.strata_json as string) as unknown) ?? null) !==
      canonicalJson(l.data?.strata ?? null)
    )
      changed.push('strata_json');
    if (changed.length)
      problems.push({ code: 'audit.freeze.changed', params: { plan, what: changed.join(', '), seq: l.seq } });
  }
  return { count: rows.length, problems };
}

// ---------------------------------------------------------------- a draw's own fields

/**
 * The draw row's own fields against the entry that created it: [field, stored, logged]. Entries written before these
 * fields were logged (no seedInput, frozenAt) are checked against what the log has: the seed must still derive from
 * the stored seed input, and frozen_at must be the time of the plan's logged freeze.
 */
function drawOwnFields(d: DrawRecord, created: Entry, entries: readonly Entry[]): [string, unknown, unknown][] {
  const p = created.data!;
  const out: [string, unknown, unknown][] = [
    ['seed_source', d.seedSource, p.seedSource],
    ['drawn_at', d.drawnAt, created.at],
    ['operator', d.operator, created.operator],
    ['redraw_reason', d.redrawReason, created.action === 'draw.redraw' ? String(p.reason ?? '').trim() : null],
    ['strata_json', canonicalJson(d.strata), canonicalJson(p.strata ?? null)],
  ];
  if ('seedInput' in p) out.push(['seed_input', d.seedInput, p.seedInput], ['seed_kind', d.seedKind, p.seedKind]);
  else if (attempt(() => derivedSeed(d)) !== d.seed)
    out.push(['seed_input', d.seedInput, `(an input that gives the seed ${d.seed})`]);
  const freeze = [...entries]
    .reverse()
    .find((e) => e.action === 'plan.freeze' && e.planId === d.planId && e.seq < created.seq);
  out.push(['frozen_at', d.frozenAt, 'frozenAt' in p ? p.frozenAt : (freeze?.at ?? null)]);
  const voiding = entries.find((e) => num(e.data?.voidedDrawId) === d.id);
  if (voiding) {
    out.push(['voided_at', d.voidedAt, voiding.at]);
    out.push(['void_reason', d.voidReason, String(voiding.data?.reason ?? '').trim()]);
  }
  return out;
}

/** The seed as ssj derives it from the input the officer typed (lottery numbers via RFC 3797, or the text). */
function derivedSeed(d: DrawRecord): string {
  return d.seedKind === 'rfc3797' ? rfc3797Key(d.seedInput) : normalizeSeed(d.seedInput);
}

// ---------------------------------------------------------------- every table, by digest

function checkTables(
  db: Db,
  entries: readonly Entry[],
): { count: number; problems: Finding[]; bound: AuditReport['bound'] } {
  const latest = new Map<string, Entry>();
  let first: Entry | undefined;
  for (const e of entries) {
    const t = e.data?.tables;
    if (!t || typeof t !== 'object' || Array.isArray(t)) continue;
    first ??= e;
    for (const name of Object.keys(t)) latest.set(name, e);
  }
  // A database created with table digests binds every table from its first entry: a table no entry touched is empty.
  const fromStart = entries.length === 0 || first === entries[0];
  const problems: Finding[] = [];
  const unbound: string[] = [];
  let count = 0;
  for (const table of ALL_BOUND) {
    const e = latest.get(table);
    if (!e) {
      if (!fromStart && first === undefined) {
        unbound.push(table);
        continue;
      }
      if (attempt(() => db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get()) !== undefined)
        problems.push({ code: 'audit.table.unlogged', params: { table } });
      count++;
      continue;
    }
    count++;
    const logged = (e.data!.tables as Record<string, unknown>)[table];
    const actual = attempt(() => tableDigest(db, table as BoundTable));
    if (actual !== logged)
      problems.push({
        code: 'audit.table.changed',
        params: { table, seq: e.seq, action: e.action, at: e.at },
      });
  }
  return {
    count,
    problems,
    bound: { from: first?.seq ?? null, upgrade: first?.action === 'audit.bind', unbound },
  };
}
