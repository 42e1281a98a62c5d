import {
  distinctKeys,
  parseCsv,
  poolIsCanonical,
  readConflicts,
  readPoolEnterprises,
  selectionCsv,
} from '../canonical.js';
import { normalizeSeed, rfc3797Key, SeedFormatError } from '../seed.js';
import { ProtocolError } from '../errors.js';
import { ticketer } from '../ticket.js';
import type { Conflict, PoolEnterprise } from '../types.js';
import {
  BundleError,
  type Difference,
  MANIFEST_FILE,
  sha256 as sha256Of,
  type Verification,
  type VerifySummary,
} from '../bundle.js';
import {
  CSV_HEADERS_2,
  checkItemsCsv2,
  conflictsCsv,
  eventsCsv2,
  itemsCsv2,
  poolInspectorsCsv2,
  poolRemovedCsv,
  readEvents2,
  readItems2,
  readPoolInspectors2,
  readPoolRemoved,
  teamsCsv2,
} from './canonical.js';
import type { DrawHints } from '../draw.js';
import { draw2 } from './draw.js';
import { applyEvent2 } from './events.js';
import { PlanRulesError, planRules2 } from './plan-rules.js';
import { SECRET_HEX, secretCommitment, seedRuleBreach, ticketSeed } from './seed.js';
import type { DrawState2 } from './state.js';
import {
  type BUNDLE_FORMAT_2,
  type DrawEvent2,
  type DrawInput2,
  REASSIGN_CATEGORIES,
  RECUSAL_CATEGORIES,
  type SeedFields2,
  type SeedRule,
  SSJ2,
  type StratumCount2,
} from './types.js';

/** The files manifest.files lists (sorted by name); with manifest.json an ssj-bundle/2 has eleven. */
export const BUNDLE_FILES_2 = [
  'check-items.csv',
  'conflicts.csv',
  'events.csv',
  'items.csv',
  'plan.json',
  'pool-enterprises.csv',
  'pool-inspectors.csv',
  'pool-removed.csv',
  'selection.csv',
  'teams.csv',
] as const;
export type BundleFileName2 = (typeof BUNDLE_FILES_2)[number];

/** manifest.json of ssj-bundle/2, keys in the order the bundle writes them. */
export interface Manifest2 extends SeedFields2 {
  format: typeof BUNDLE_FORMAT_2;
  algorithm: typeof SSJ2;
  planId: string;
  title: string;
  seed: string;
  seedInput: string;
  seedKind: 'text' | 'rfc3797';
  seedSource: string;
  frozenAt: string | null;
  drawnAt: string;
  poolHash: string;
  strata: StratumCount2[];
  files: Record<string, string>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrOrNull = (v: unknown) => v === null || typeof v === 'string';

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BundleError('verify.badJson', { file, reason: (e as Error).message });
  }
}

export function readManifest2(text: string): Manifest2 {
  const m = parseJson(MANIFEST_FILE, text);
  if (!isObj(m)) throw new BundleError('verify.badManifest', { field: '(top level)' });
  if (m.algorithm !== SSJ2)
    throw new BundleError('verify.unknownAlgorithm', { algorithm: String(m.algorithm), known: SSJ2 });
  for (const f of ['planId', 'seed', 'seedInput', 'seedKind', 'poolHash', 'publicSeed'])
    if (typeof m[f] !== 'string') throw new BundleError('verify.badManifest', { field: f });
  for (const f of ['secretCommitment', 'seedSecret'])
    if (!isStrOrNull(m[f])) throw new BundleError('verify.badManifest', { field: f });
  const rule = m.seedRule;
  if (
    rule !== null &&
    !(
      isObj(rule) &&
      rule.kind === 'rfc3797' &&
      Array.isArray(rule.sources) &&
      rule.sources.every((s) => typeof s === 'string')
    )
  )
    throw new BundleError('verify.badManifest', { field: 'seedRule' });
  if (!isObj(m.files) || !Object.values(m.files).every((h) => typeof h === 'string'))
    throw new BundleError('verify.badManifest', { field: 'files' });
  if (!Array.isArray(m.strata)) throw new BundleError('verify.badManifest', { field: 'strata' });
  m.strata.forEach((s: unknown, i: number) => {
    if (!isObj(s) || typeof s.name !== 'string')
      throw new BundleError('verify.badManifest', { field: `strata[${i}].name` });
    for (const f of ['population', 'pool', 'removed', 'selected', 'reserves'])
      if (!Number.isInteger(s[f])) throw new BundleError('verify.badManifest', { field: `strata[${i}].${f}` });
  });
  return { title: '', seedSource: '', drawnAt: '', frozenAt: null, ...m } as unknown as Manifest2;
}

/**
 * The seed fields (DESIGN.md SSJ-2 "Seed rule", "Secret part", Precisions): publicSeed comes from seedInput as seedKind
 * says; a seed rule fixes the kind and the number of sources; a commitment needs its revealed secret and the reverse;
 * the commitment is SHA-256 of "ssj-secret|planId|secretHex"; the ticket seed is publicSeed + "#" + secret, or publicSeed.
 */
export function checkSeed2(m: Manifest2, planId: string, diffs: Difference[]): string {
  const publicSeed = normalizeSeed(m.publicSeed);
  let expected: string;
  try {
    expected = m.seedKind === 'rfc3797' ? rfc3797Key(m.seedInput) : normalizeSeed(m.seedInput);
  } catch (e) {
    if (!(e instanceof SeedFormatError)) throw e;
    expected = '';
  }
  if (expected !== publicSeed)
    diffs.push({ code: 'verify.seedInput', seed: publicSeed, seedInput: m.seedInput, seedKind: m.seedKind, expected });
  const breach = seedRuleBreach(m.seedRule as SeedRule | null, m.seedKind, m.seedInput);
  if (breach)
    diffs.push({
      code: 'verify.seedRule',
      rule: `${breach.rule.kind}: ${breach.rule.sources.join(' / ')}`,
      seedKind: m.seedKind,
      seedInput: m.seedInput,
    });
  const secret = m.seedSecret;
  if ((secret === null) !== (m.secretCommitment === null))
    diffs.push({ code: secret === null ? 'verify.secretMissing' : 'verify.commitmentMissing' });
  if (secret !== null && !SECRET_HEX.test(secret)) diffs.push({ code: 'verify.secretFormat', secret });
  if (secret !== null && m.secretCommitment !== null && secretCommitment(planId, secret) !== m.secretCommitment)
    diffs.push({
      code: 'verify.secretCommitment',
      listed: m.secretCommitment,
      computed: secretCommitment(planId, secret),
    });
  const seed = ticketSeed(publicSeed, secret);
  if (normalizeSeed(m.seed) !== seed) diffs.push({ code: 'verify.seedSecret', listed: m.seed, computed: seed });
  return seed;
}

function checkHeader(file: keyof typeof CSV_HEADERS_2, text: string): void {
  const expected = CSV_HEADERS_2[file].join(',');
  if (text.charCodeAt(0) === 0xfeff) throw new BundleError('verify.bom', { file });
  const found = text.split(/\r?\n/, 1)[0] ?? '';
  if (found !== expected) throw new BundleError('verify.badHeader', { file, expected, found });
}

function unique<T>(rows: T[], key: (r: T) => string, file: string, diffs: Difference[]): T[] {
  if (rows.length > 1000 && distinctKeys(rows.map(key))) return rows; // nothing repeated: no set of a million keys
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = key(r);
    if (!seen.has(k)) return seen.add(k) !== undefined;
    diffs.push({ code: 'verify.duplicateRow', file, key: k });
    return false;
  });
}

/**
 * Verify an ssj-bundle/2 (DESIGN.md SSJ-2 "Bundle"): as SSJ-1 (file hashes, pool hash and counts, canonical files,
 * redraw, replay, compare row by row), plus the seed rule, the secret and its commitment, pool-removed.csv, the kind
 * and department columns, the group column of teams.csv and the published reason categories.
 */
export function verifyBundle2(
  files: ReadonlyMap<string, string>,
  hints: Pick<DrawHints, 'orderSource' | 'eKeySource'> = {},
): Verification {
  const diffs: Difference[] = [];
  // Each file hashed once: the pool file of a million enterprises is 70 MB and was hashed three times.
  const hashes = new Map<string, string>();
  const sha256 = (text: string) => {
    let h = hashes.get(text);
    if (h === undefined) hashes.set(text, (h = sha256Of(text)));
    return h;
  };
  const manifest = readManifest2(files.get(MANIFEST_FILE)!);
  for (const name of BUNDLE_FILES_2) if (!files.has(name)) throw new BundleError('verify.fileMissing', { file: name });
  for (const [file, listed] of Object.entries(manifest.files)) {
    const text = files.get(file);
    if (text === undefined) diffs.push({ code: 'verify.fileListedMissing', file });
    else if (sha256(text) !== listed) diffs.push({ code: 'verify.fileHash', file, listed, actual: sha256(text) });
  }
  for (const file of files.keys())
    if (file !== MANIFEST_FILE && !(file in manifest.files)) diffs.push({ code: 'verify.fileNotInManifest', file });
  const poolText = files.get('pool-enterprises.csv')!;
  if (manifest.poolHash !== sha256(poolText))
    diffs.push({ code: 'verify.poolHash', listed: manifest.poolHash, actual: sha256(poolText) });

  let rules: ReturnType<typeof planRules2>;
  try {
    rules = planRules2(parseJson('plan.json', files.get('plan.json')!));
  } catch (e) {
    if (e instanceof PlanRulesError)
      throw new BundleError('verify.badPlan', { field: e.problem ? `${e.field} (${e.problem.code})` : e.field });
    throw e;
  }
  if (rules.id !== manifest.planId) diffs.push({ code: 'verify.planId', listed: manifest.planId, planId: rules.id });
  const seed = checkSeed2(manifest, rules.id, diffs);
  const text = (name: keyof typeof CSV_HEADERS_2) => {
    checkHeader(name, files.get(name)!);
    return files.get(name)!;
  };
  const strataOrder = rules.strata.map((s) => s.name);
  const names = new Set(strataOrder);

  // Pool: rows in unknown strata are differences; keys unique; canonical.
  const poolRows = readPoolEnterprises(text('pool-enterprises.csv'));
  const known = poolRows.filter((e) => {
    if (!names.has(e.stratum)) diffs.push({ code: 'verify.poolUnknownStratum', uscc: e.uscc, stratum: e.stratum });
    return names.has(e.stratum);
  });
  const pool: PoolEnterprise[] = unique(known, (e) => e.uscc, 'pool-enterprises.csv', diffs);
  if (pool.length === poolRows.length && !poolIsCanonical(strataOrder, pool, poolText))
    diffs.push({ code: 'verify.notCanonical', file: 'pool-enterprises.csv' });

  const inspectorRows = unique(
    readPoolInspectors2(text('pool-inspectors.csv')),
    (i) => i.certNo,
    'pool-inspectors.csv',
    diffs,
  );
  for (const i of inspectorRows)
    if (!['officer', 'expert', ''].includes(i.kindText))
      diffs.push({ code: 'verify.inspectorKind', certNo: i.certNo, kind: i.kindText });
  // Canonical with the kind as published (an empty kind is an officer, and stays empty in the file).
  if (
    poolInspectorsCsv2(inspectorRows.map((i) => ({ ...i, kind: i.kindText as 'officer' }))) !==
    files.get('pool-inspectors.csv')
  )
    pushCanonical(diffs, 'pool-inspectors.csv');
  const inspectors = inspectorRows.map(({ kindText: _, ...i }) => i);
  const items = unique(readItems2(text('items.csv')), (i) => i.code, 'items.csv', diffs);
  if (itemsCsv2(items) !== files.get('items.csv')) pushCanonical(diffs, 'items.csv');
  const conflicts: Conflict[] = unique(
    readConflicts(text('conflicts.csv')),
    (c) => `${c.certNo},${c.uscc}`,
    'conflicts.csv',
    diffs,
  );
  if (conflictsCsv(conflicts) !== files.get('conflicts.csv')) pushCanonical(diffs, 'conflicts.csv');

  // pool-removed.csv: each row a member of the frozen pool in that stratum, named once, with the plan that caused it.
  const removedRows = unique(readPoolRemoved(text('pool-removed.csv')), (r) => r.uscc, 'pool-removed.csv', diffs);
  // The pool by uscc only when something was removed (most bundles): a map of a million entries is not free.
  const poolByUscc = removedRows.length ? new Map(pool.map((e) => [e.uscc, e])) : new Map<string, PoolEnterprise>();
  const removed = removedRows.filter((r) => {
    const member = poolByUscc.get(r.uscc);
    if (member?.stratum !== r.stratum || r.byPlan === '') {
      diffs.push({ code: 'verify.removedRow', uscc: r.uscc, stratum: r.stratum, byPlan: r.byPlan });
      return false;
    }
    return true;
  });
  if (poolRemovedCsv(strataOrder, removed) !== files.get('pool-removed.csv')) pushCanonical(diffs, 'pool-removed.csv');

  const listed = new Map(manifest.strata.map((s) => [s.name, s]));
  for (const s of manifest.strata)
    if (!names.has(s.name)) diffs.push({ code: 'verify.stratumNotInPlan', stratum: s.name });
  for (const s of rules.strata)
    if (!listed.has(s.name)) diffs.push({ code: 'verify.stratumNotInManifest', stratum: s.name });
  // One pass over the pool for every stratum's count (a filter per stratum was a pass each).
  const pooledIn = new Map<string, number>();
  for (const e of pool) pooledIn.set(e.stratum, (pooledIn.get(e.stratum) ?? 0) + 1);
  for (const s of manifest.strata) {
    const pooled = pooledIn.get(s.name) ?? 0;
    if (pooled !== s.pool) diffs.push({ code: 'verify.poolCount', stratum: s.name, listed: s.pool, actual: pooled });
    const gone = removed.filter((r) => r.stratum === s.name).length;
    if (gone !== s.removed)
      diffs.push({ code: 'verify.removedCount', stratum: s.name, listed: s.removed, actual: gone });
  }

  const input: DrawInput2 = {
    algorithm: SSJ2,
    planId: rules.id,
    seed,
    strata: rules.strata.map((s) => ({ ...s, population: listed.get(s.name)?.population ?? 0 })),
    team: rules.team,
    joint: rules.joint,
    itemsPerEnterprise: rules.itemsPerEnterprise,
    pool,
    removed,
    inspectors,
    items,
    conflicts,
  };
  const events = readEvents2(text('events.csv'));
  const summary: VerifySummary = {
    planId: rules.id,
    title: manifest.title,
    algorithm: manifest.algorithm,
    seed,
    seedSource: manifest.seedSource,
    drawnAt: manifest.drawnAt,
    poolHash: sha256(poolText),
    strata: manifest.strata,
    events: events.length,
  };
  let state: DrawState2;
  try {
    state = draw2(input, hints);
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    diffs.push({ ...flat(e.details), code: 'verify.drawFailed', reason: e.code });
    return { verified: false, differences: diffs, summary };
  }
  summary.strata = state.strata;
  for (const s of state.strata) {
    const l = listed.get(s.name);
    if (!l) continue;
    for (const field of ['selected', 'reserves'] as const)
      if (l[field] !== s[field])
        diffs.push({ code: 'verify.stratumCount', stratum: s.name, field, listed: l[field], computed: s[field] });
  }
  // Who is listed, at which rank, with which ticket does not depend on events: compared even if a replay fails.
  const published = new Map(
    unique(parseCsv(text('selection.csv')), (r) => r.uscc!, 'selection.csv', diffs).map((r) => [r.uscc!, r]),
  );
  compareListed(state, input, published, diffs);
  if (!replay(state, events, files.get('events.csv')!, diffs)) return { verified: false, differences: diffs, summary };
  for (const c of state.selection) {
    const p = published.get(c.uscc);
    if (p && p.role !== c.role)
      diffs.push({
        code: 'verify.selectionRole',
        uscc: c.uscc,
        stratum: c.stratum,
        rank: c.rank,
        listedRole: p.role!,
        role: c.role,
      });
  }
  if (selectionCsv(strataOrder, state.selection) !== files.get('selection.csv')) pushCanonical(diffs, 'selection.csv');
  compareTeams(state, text('teams.csv'), diffs);
  compareItems(state, text('check-items.csv'), diffs);
  return { verified: diffs.length === 0, differences: diffs, summary };
}

/** "Not canonical" only when nothing more specific was said about the file. */
function pushCanonical(diffs: Difference[], file: string): void {
  if (!diffs.some((d) => d.file === file || (d.code !== 'verify.notCanonical' && fileOf(d) === file)))
    diffs.push({ code: 'verify.notCanonical', file });
}
const fileOf = (d: Difference): string | undefined =>
  ({
    'verify.inspectorKind': 'pool-inspectors.csv',
    'verify.removedRow': 'pool-removed.csv',
    'verify.selectionField': 'selection.csv',
    'verify.selectionMissing': 'selection.csv',
    'verify.selectionRank': 'selection.csv',
    'verify.selectionNotInPool': 'selection.csv',
    'verify.selectionRole': 'selection.csv',
  })[d.code];

function flat(details: Record<string, unknown>): Record<string, string | number | boolean | null> {
  return Object.fromEntries(
    Object.entries(details).map(([k, v]) => [
      k,
      v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as string) : String(v),
    ]),
  );
}

const CATEGORIES: Record<string, readonly string[]> = {
  recusal: RECUSAL_CATEGORIES,
  swap: RECUSAL_CATEGORIES,
  reassign: REASSIGN_CATEGORIES,
};

function replay(state: DrawState2, events: DrawEvent2[], eventsText: string, diffs: Difference[]): boolean {
  events.forEach((ev, i) => {
    if (ev.seq !== i + 1)
      diffs.push({ code: 'verify.eventSeq', line: i + 2, seq: Number.isNaN(ev.seq) ? '?' : ev.seq, expected: i + 1 });
    const allowed = CATEGORIES[ev.type];
    // Only the published category, never the officer's free text (DESIGN.md SSJ-2 "Bundle").
    if (allowed && ev.reason !== '' && !allowed.includes(ev.reason))
      diffs.push({ code: 'verify.eventReason', seq: ev.seq, type: ev.type, reason: ev.reason });
  });
  if (events.every((ev, i) => ev.seq === i + 1) && eventsCsv2(events) !== eventsText)
    pushCanonical(diffs, 'events.csv');
  for (const ev of events) {
    try {
      const o = applyEvent2(state, { ...ev, seed: normalizeSeed(ev.seed) });
      for (const field of ['replacementCertNo', 'replacementUscc'] as const)
        if (ev[field] !== o[field])
          diffs.push({
            code: 'verify.eventMismatch',
            seq: ev.seq,
            type: ev.type,
            uscc: ev.uscc,
            field,
            recorded: ev[field],
            computed: o[field],
          });
    } catch (e) {
      if (!(e instanceof ProtocolError)) throw e;
      diffs.push({
        ...flat(e.details),
        code: 'verify.eventRefused',
        seq: ev.seq,
        type: ev.type,
        uscc: ev.uscc,
        certNo: ev.certNo,
        reason: e.code,
      });
      return false;
    }
  }
  return true;
}

function compareListed(
  state: DrawState2,
  input: DrawInput2,
  published: Map<string, Record<string, string>>,
  diffs: Difference[],
): void {
  const computed = new Map(state.selection.map((r) => [r.uscc, r]));
  for (const c of state.selection) {
    const p = published.get(c.uscc);
    if (!p) {
      diffs.push({
        code: 'verify.selectionMissing',
        uscc: c.uscc,
        name: c.name,
        stratum: c.stratum,
        rank: c.rank,
        role: c.role,
      });
      continue;
    }
    for (const field of ['stratum', 'rank', 'name', 'ticket'] as const)
      if (p[field] !== String(c[field]))
        diffs.push({
          code: 'verify.selectionField',
          uscc: c.uscc,
          field,
          listed: p[field]!,
          computed: String(c[field]),
        });
  }
  const extra = [...published].filter(([uscc]) => !computed.has(uscc));
  if (extra.length === 0) return; // the usual case: nothing listed beyond the draw, no pass over the pool needed
  const removed = new Set(input.removed.map((r) => r.uscc));
  const remaining = input.pool.filter((e) => !removed.has(e.uscc));
  const byUscc = new Map(remaining.map((e) => [e.uscc, e]));
  const t = ticketer(input.seed, 'E', input.planId);
  for (const [uscc, p] of extra) {
    const e = byUscc.get(uscc);
    if (!e) {
      diffs.push({ code: 'verify.selectionNotInPool', uscc, listedRole: p.role!, stratum: p.stratum! });
      continue;
    }
    const mine = t(uscc);
    const rank = 1 + remaining.filter((x) => x.stratum === e.stratum && t(x.uscc) < mine).length;
    const counts = state.strata.find((s) => s.name === e.stratum)!;
    diffs.push({
      code: 'verify.selectionRank',
      uscc,
      listedRole: p.role!,
      rank,
      n: counts.selected,
      reserves: counts.reserves,
      stratum: e.stratum,
    });
  }
}

function compareTeams(state: DrawState2, text: string, diffs: Difference[]): void {
  const before = diffs.length;
  const published = new Map(
    unique(parseCsv(text), (r) => `${r.uscc}#${r.seat}`, 'teams.csv', diffs).map((r) => [`${r.uscc}#${r.seat}`, r]),
  );
  const computed = new Set<string>();
  for (const [uscc, seats] of state.teams)
    for (const s of seats) {
      const key = `${uscc}#${s.seat}`;
      computed.add(key);
      const p = published.get(key);
      if (!p) diffs.push({ code: 'verify.teamMissing', uscc, seat: s.seat, certNo: s.certNo, name: s.name });
      else if (p.certNo !== s.certNo)
        diffs.push({
          code: 'verify.teamMember',
          uscc,
          seat: s.seat,
          listedCertNo: p.certNo!,
          listedName: p.name!,
          certNo: s.certNo,
          name: s.name,
        });
      else
        for (const field of ['group', 'name', 'ticket'] as const)
          if (p[field] !== s[field])
            diffs.push({ code: 'verify.teamField', uscc, seat: s.seat, field, listed: p[field]!, computed: s[field] });
    }
  for (const [key, p] of published)
    if (!computed.has(key))
      diffs.push({ code: 'verify.teamExtra', uscc: p.uscc!, seat: p.seat!, certNo: p.certNo!, name: p.name! });
  if (diffs.length === before && teamsCsv2(state.teams) !== text)
    diffs.push({ code: 'verify.notCanonical', file: 'teams.csv' });
}

function compareItems(state: DrawState2, text: string, diffs: Difference[]): void {
  const before = diffs.length;
  const published = new Map(
    unique(parseCsv(text), (r) => `${r.uscc}#${r.code}`, 'check-items.csv', diffs).map((r) => [
      `${r.uscc}#${r.code}`,
      r,
    ]),
  );
  const computed = new Set<string>();
  for (const [uscc, list] of state.checkItems)
    for (const c of list) {
      const key = `${uscc}#${c.code}`;
      computed.add(key);
      const p = published.get(key);
      if (!p) diffs.push({ code: 'verify.itemMissing', uscc, item: c.code });
      else if (p.ticket !== c.ticket)
        diffs.push({ code: 'verify.itemTicket', uscc, item: c.code, listed: p.ticket!, computed: c.ticket });
    }
  for (const [key, p] of published)
    if (!computed.has(key)) diffs.push({ code: 'verify.itemExtra', uscc: p.uscc!, item: p.code! });
  if (diffs.length === before && checkItemsCsv2(state.checkItems) !== text)
    diffs.push({ code: 'verify.notCanonical', file: 'check-items.csv' });
}
