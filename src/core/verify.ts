import {
  checkItemsCsv,
  conflictsCsv,
  CSV_HEADERS,
  eventsCsv,
  itemsCsv,
  parseCsv,
  distinctKeys,
  poolIsCanonical,
  poolInspectorsCsv,
  readConflicts,
  readEvents,
  readItems,
  readPoolEnterprises,
  readPoolInspectors,
  selectionCsv,
  teamsCsv,
} from './canonical.js';
import { draw, type DrawHints } from './draw.js';
import { applyEvent } from './events.js';
import { parseRatio, RatioFormatError } from '../domain/ratio.js';
import { normalizeSeed, rfc3797Key, SeedFormatError } from './seed.js';
import { ProtocolError } from './errors.js';
import type { DrawInput, DrawState } from './state.js';
import { ticketer } from './ticket.js';
import type { DrawEvent, PoolEnterprise } from './types.js';
import { BUNDLE_FORMAT_2 } from './ssj2/types.js';
import { verifyBundle2 } from './ssj2/verify.js';

// The bundle's shape (file names, manifest, differences) lives in bundle.ts, shared with the SSJ-2 verifier.
export * from './bundle.js';
import {
  BUNDLE_FILES,
  BUNDLE_FORMAT,
  BundleError,
  type BundleFileName,
  type Difference,
  KNOWN_ALGORITHMS,
  MANIFEST_FILE,
  type Manifest,
  sha256,
  type Verification,
  type VerifySummary,
} from './bundle.js';

const HEADERS: Partial<Record<BundleFileName, readonly string[]>> = CSV_HEADERS;

/**
 * Verify a bundle (file name -> text, manifest.json included) as docs/ALGORITHM.md section 11 says: file hashes,
 * pool hash and counts, then draw from plan.json, the seed, the populations and the input files, replay the events
 * and compare the result with selection.csv, teams.csv and check-items.csv row by row. Pure: no files, no clock.
 * Throws BundleError when the bundle cannot be read as a bundle; every other problem is a Difference.
 */
export function verifyBundle(
  files: ReadonlyMap<string, string>,
  hints: Pick<DrawHints, 'orderSource' | 'eKeySource'> = {},
): Verification {
  // The manifest says which protocol applies: ssj-bundle/2 (SSJ-2) has its own rules, SSJ-1 bundles stay as they were.
  if (bundleFormat(files) === BUNDLE_FORMAT_2) return verifyBundle2(files, hints);
  const diffs: Difference[] = [];
  const manifest = readManifest(files);
  for (const name of BUNDLE_FILES) if (!files.has(name)) throw new BundleError('verify.fileMissing', { file: name });
  checkHashes(manifest, files, diffs);

  const rules = planRules(parseJson('plan.json', files.get('plan.json')!));
  if (rules.id !== manifest.planId) diffs.push({ code: 'verify.planId', listed: manifest.planId, planId: rules.id });
  const seed = checkSeed(manifest, diffs);
  const text = (name: BundleFileName) => {
    checkHeader(name, files.get(name)!);
    return files.get(name)!;
  };
  const input: DrawInput = {
    planId: rules.id,
    seed,
    strata: strataInput(rules, manifest, diffs),
    team: rules.team,
    itemsPerEnterprise: rules.itemsPerEnterprise,
    pool: readPool(rules, text('pool-enterprises.csv'), diffs),
    inspectors: unique(readPoolInspectors(text('pool-inspectors.csv')), (i) => i.certNo, 'pool-inspectors.csv', diffs),
    items: unique(readItems(text('items.csv')), (i) => i.code, 'items.csv', diffs),
    conflicts: unique(readConflicts(text('conflicts.csv')), (c) => `${c.certNo},${c.uscc}`, 'conflicts.csv', diffs),
  };
  checkPoolCounts(manifest, input, diffs);
  canonical(diffs, 'pool-inspectors.csv', files, poolInspectorsCsv(input.inspectors));
  canonical(diffs, 'items.csv', files, itemsCsv(input.items));
  canonical(diffs, 'conflicts.csv', files, conflictsCsv(input.conflicts));

  const events = readEvents(text('events.csv'));
  const summary: VerifySummary = {
    planId: rules.id,
    title: manifest.title,
    algorithm: manifest.algorithm,
    seed,
    seedSource: manifest.seedSource,
    drawnAt: manifest.drawnAt,
    poolHash: sha256(files.get('pool-enterprises.csv')!),
    strata: manifest.strata,
    events: events.length,
  };
  const state = drawOrReport(input, diffs, hints);
  if (state) {
    summary.strata = state.strata;
    checkStrataCounts(manifest, state, diffs);
    // Who is listed, at which rank and with which ticket does not depend on events: compared even if a replay fails.
    const published = byKey(parseCsv(text('selection.csv')), (r) => r.uscc!, 'selection.csv', diffs);
    const before = diffs.length;
    compareListed(state, input, published, diffs);
    if (replayEvents(state, events, files.get('events.csv')!, diffs)) {
      compareRoles(state, published, diffs);
      if (
        diffs.length === before &&
        selectionCsv(
          state.strata.map((s) => s.name),
          state.selection,
        ) !== files.get('selection.csv')
      )
        diffs.push({ code: 'verify.notCanonical', file: 'selection.csv' });
      compareTeams(state, text('teams.csv'), diffs);
      compareCheckItems(state, text('check-items.csv'), diffs);
    }
  }
  return { verified: diffs.length === 0, differences: diffs, summary };
}

// ---------------------------------------------------------------- manifest, hashes, seed

/** manifest.json's format, or undefined when it cannot say (readManifest then reports why). */
function bundleFormat(files: ReadonlyMap<string, string>): unknown {
  try {
    const m = JSON.parse(files.get(MANIFEST_FILE) ?? '');
    return isObj(m) ? m.format : undefined;
  } catch {
    return undefined;
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BundleError('verify.badJson', { file, reason: (e as Error).message });
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readManifest(files: ReadonlyMap<string, string>): Manifest {
  const text = files.get(MANIFEST_FILE);
  if (text === undefined) throw new BundleError('verify.notBundle', { file: MANIFEST_FILE });
  const m = parseJson(MANIFEST_FILE, text);
  if (!isObj(m)) throw new BundleError('verify.badManifest', { field: '(top level)' });
  if (m.format !== BUNDLE_FORMAT)
    throw new BundleError('verify.unknownFormat', {
      format: String(m.format),
      known: `${BUNDLE_FORMAT}, ${BUNDLE_FORMAT_2}`,
    });
  if (!KNOWN_ALGORITHMS.includes(m.algorithm as string))
    throw new BundleError('verify.unknownAlgorithm', {
      algorithm: String(m.algorithm),
      known: KNOWN_ALGORITHMS.join(', '),
    });
  for (const f of ['planId', 'seed', 'seedInput', 'seedKind', 'poolHash'])
    if (typeof m[f] !== 'string') throw new BundleError('verify.badManifest', { field: f });
  if (!isObj(m.files) || !Object.values(m.files).every((h) => typeof h === 'string'))
    throw new BundleError('verify.badManifest', { field: 'files' });
  if (!Array.isArray(m.strata)) throw new BundleError('verify.badManifest', { field: 'strata' });
  m.strata.forEach((s: unknown, i: number) => {
    if (!isObj(s) || typeof s.name !== 'string')
      throw new BundleError('verify.badManifest', { field: `strata[${i}].name` });
    for (const f of ['population', 'pool', 'selected', 'reserves'])
      if (!Number.isInteger(s[f])) throw new BundleError('verify.badManifest', { field: `strata[${i}].${f}` });
  });
  return { title: '', seedSource: '', drawnAt: '', frozenAt: null, ...m } as unknown as Manifest;
}

function checkHashes(manifest: Manifest, files: ReadonlyMap<string, string>, diffs: Difference[]): void {
  for (const [file, listed] of Object.entries(manifest.files)) {
    const text = files.get(file);
    if (text === undefined) diffs.push({ code: 'verify.fileListedMissing', file });
    else if (sha256(text) !== listed) diffs.push({ code: 'verify.fileHash', file, listed, actual: sha256(text) });
  }
  for (const file of files.keys())
    if (file !== MANIFEST_FILE && !(file in manifest.files)) diffs.push({ code: 'verify.fileNotInManifest', file });
  const poolHash = sha256(files.get('pool-enterprises.csv')!);
  if (manifest.poolHash !== poolHash)
    diffs.push({ code: 'verify.poolHash', listed: manifest.poolHash, actual: poolHash });
}

/** The seed the draw used (NFC, trimmed), checked against the numbers or text it was built from. */
function checkSeed(manifest: Manifest, diffs: Difference[]): string {
  const seed = normalizeSeed(manifest.seed);
  let expected: string;
  try {
    expected = manifest.seedKind === 'rfc3797' ? rfc3797Key(manifest.seedInput) : normalizeSeed(manifest.seedInput);
  } catch (e) {
    if (!(e instanceof SeedFormatError)) throw e;
    expected = '';
  }
  if (expected !== seed)
    diffs.push({
      code: 'verify.seedInput',
      seed,
      seedInput: manifest.seedInput,
      seedKind: manifest.seedKind,
      expected,
    });
  return seed;
}

// ---------------------------------------------------------------- plan.json

interface PlanRules {
  id: string;
  strata: { name: string; ratio?: string; count?: number; min: number; reserves: number }[];
  team: DrawInput['team'];
  itemsPerEnterprise: number;
}

/** The protocol's fields of plan.json (sections 4-7), with ALGORITHM.md's defaults for anything left out. */
function planRules(raw: unknown): PlanRules {
  const bad = (field: string) => new BundleError('verify.badPlan', { field });
  const int = (v: unknown, field: string, dflt?: number | null): number => {
    if (v === undefined && dflt !== undefined && dflt !== null) return dflt;
    if (!Number.isInteger(v) || (v as number) < 0) throw bad(field);
    return v as number;
  };
  if (!isObj(raw) || typeof raw.id !== 'string') throw bad('id');
  if (!Array.isArray(raw.strata)) throw bad('strata');
  const strata = raw.strata.map((s: unknown, i: number) => {
    const p = `strata[${i}]`;
    if (!isObj(s) || typeof s.name !== 'string') throw bad(`${p}.name`);
    if (s.count !== undefined)
      return {
        name: s.name,
        count: int(s.count, `${p}.count`),
        min: int(s.min, `${p}.min`, 0),
        reserves: int(s.reserves, `${p}.reserves`, 3),
      };
    try {
      parseRatio(s.ratio as string);
    } catch (e) {
      if (e instanceof RatioFormatError || typeof s.ratio !== 'string') throw bad(`${p}.ratio`);
      throw e;
    }
    return {
      name: s.name,
      ratio: s.ratio as string,
      min: int(s.min, `${p}.min`, 0),
      reserves: int(s.reserves, `${p}.reserves`, 3),
    };
  });
  const team = isObj(raw.team) ? raw.team : {};
  const items = isObj(raw.items) ? raw.items : {};
  return {
    id: raw.id,
    strata,
    team: {
      size: int(team.size, 'team.size'),
      specialists: int(team.specialists, 'team.specialists', 0),
      maxPerInspector:
        team.maxPerInspector === undefined || team.maxPerInspector === null
          ? null
          : int(team.maxPerInspector, 'team.maxPerInspector'),
    },
    itemsPerEnterprise: int(items.perEnterprise, 'items.perEnterprise', 0),
  };
}

/** Strata in plan order with their populations from the manifest. */
function strataInput(rules: PlanRules, manifest: Manifest, diffs: Difference[]): DrawInput['strata'] {
  const listed = new Map(manifest.strata.map((s) => [s.name, s]));
  for (const s of manifest.strata)
    if (!rules.strata.some((r) => r.name === s.name)) diffs.push({ code: 'verify.stratumNotInPlan', stratum: s.name });
  return rules.strata.map((s) => {
    if (!listed.has(s.name)) diffs.push({ code: 'verify.stratumNotInManifest', stratum: s.name });
    const rule = s.count !== undefined ? { count: s.count, min: s.min } : { ratio: s.ratio!, min: s.min };
    return { name: s.name, population: listed.get(s.name)?.population ?? 0, rule, reserves: s.reserves };
  });
}

// ---------------------------------------------------------------- input files

function checkHeader(file: BundleFileName, text: string): void {
  const expected = HEADERS[file]!.join(',');
  // A byte-order mark (Excel's "save as UTF-8") means the file is not the one published (section 10).
  if (text.charCodeAt(0) === 0xfeff) throw new BundleError('verify.bom', { file });
  const found = text.split(/\r?\n/, 1)[0] ?? '';
  if (found !== expected) throw new BundleError('verify.badHeader', { file, expected, found });
}

/** Rows with a repeated key are differences; the first is kept so the draw can still be recomputed. */
function unique<T>(rows: T[], key: (r: T) => string, file: string, diffs: Difference[]): T[] {
  if (rows.length > 1000 && distinctKeys(rows.map(key))) return rows; // nothing repeated: no set of a million keys
  const seen = new Set<string>();
  const out: T[] = [];
  for (const r of rows) {
    const k = key(r);
    if (seen.has(k)) diffs.push({ code: 'verify.duplicateRow', file, key: k });
    else {
      seen.add(k);
      out.push(r);
    }
  }
  return out;
}

function readPool(rules: PlanRules, text: string, diffs: Difference[]): PoolEnterprise[] {
  const names = new Set(rules.strata.map((s) => s.name));
  const rows = readPoolEnterprises(text);
  const known = rows.filter((e) => {
    if (!names.has(e.stratum)) diffs.push({ code: 'verify.poolUnknownStratum', uscc: e.uscc, stratum: e.stratum });
    return names.has(e.stratum);
  });
  const pool = unique(known, (e) => e.uscc, 'pool-enterprises.csv', diffs);
  if (pool.length === rows.length && !poolIsCanonical([...names], pool, text))
    diffs.push({ code: 'verify.notCanonical', file: 'pool-enterprises.csv' });
  return pool;
}

function checkPoolCounts(manifest: Manifest, input: DrawInput, diffs: Difference[]): void {
  for (const s of manifest.strata) {
    const actual = input.pool.filter((e) => e.stratum === s.name).length;
    if (actual !== s.pool) diffs.push({ code: 'verify.poolCount', stratum: s.name, listed: s.pool, actual });
  }
}

/** A file whose rows all check out must also be byte-for-byte canonical (section 10), or its hash means little. */
function canonical(diffs: Difference[], file: string, files: ReadonlyMap<string, string>, expected: string): void {
  if (files.get(file) !== expected && !diffs.some((d) => d.file === file))
    diffs.push({ code: 'verify.notCanonical', file });
}

// ---------------------------------------------------------------- draw and events

function drawOrReport(
  input: DrawInput,
  diffs: Difference[],
  hints: Pick<DrawHints, 'orderSource' | 'eKeySource'>,
): DrawState | undefined {
  try {
    return draw(input, hints);
  } catch (e) {
    if (!(e instanceof ProtocolError)) throw e;
    diffs.push({ ...flat(e.details), code: 'verify.drawFailed', reason: e.code });
    return undefined;
  }
}

/** Replay the events in seq order, checking each recorded outcome. False when an event cannot apply. */
function replayEvents(state: DrawState, events: DrawEvent[], eventsText: string, diffs: Difference[]): boolean {
  events.forEach((ev, i) => {
    if (ev.seq !== i + 1)
      diffs.push({ code: 'verify.eventSeq', line: i + 2, seq: Number.isNaN(ev.seq) ? '?' : ev.seq, expected: i + 1 });
  });
  if (events.every((ev, i) => ev.seq === i + 1) && eventsCsv(events) !== eventsText)
    diffs.push({ code: 'verify.notCanonical', file: 'events.csv' });
  const ordered = events.every((ev) => Number.isInteger(ev.seq)) ? [...events].sort((a, b) => a.seq - b.seq) : events;
  for (const ev of ordered) {
    try {
      const o = applyEvent(state, { ...ev, seed: normalizeSeed(ev.seed) });
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
      // After a refused event the replay has no defined state: teams, items and roles cannot be compared.
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

function flat(details: Record<string, unknown>): Record<string, string | number | boolean | null> {
  return Object.fromEntries(
    Object.entries(details).map(([k, v]) => [
      k,
      v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as string) : String(v),
    ]),
  );
}

function checkStrataCounts(manifest: Manifest, state: DrawState, diffs: Difference[]): void {
  for (const s of state.strata) {
    const listed = manifest.strata.find((m) => m.name === s.name);
    if (!listed) continue;
    for (const field of ['selected', 'reserves'] as const)
      if (listed[field] !== s[field])
        diffs.push({ code: 'verify.stratumCount', stratum: s.name, field, listed: listed[field], computed: s[field] });
  }
}

// ---------------------------------------------------------------- comparing the result

function byKey(
  rows: Record<string, string>[],
  key: (r: Record<string, string>) => string,
  file: string,
  diffs: Difference[],
): Map<string, Record<string, string>> {
  return new Map(unique(rows, key, file, diffs).map((r) => [key(r), r]));
}

/** Rows of selection.csv against the draw: the same enterprises, at the same ranks, with the same tickets. */
function compareListed(
  state: DrawState,
  input: DrawInput,
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
  let ranks: StratumRanks | undefined;
  for (const [uscc, p] of published)
    if (!computed.has(uscc)) diffs.push(extraSelectionRow(state, (ranks ??= new StratumRanks(input)), p));
}

/** Roles after the events: selected, reserve, or replaced. */
function compareRoles(state: DrawState, published: Map<string, Record<string, string>>, diffs: Difference[]): void {
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
}

/** Where any pool enterprise ranks in its stratum, each stratum sorted once: a forged seed lists thousands of outsiders. */
class StratumRanks {
  private readonly byUscc: Map<string, PoolEnterprise>;
  private readonly sorted = new Map<string, string[]>();
  private readonly ticket: (uscc: string) => string;

  constructor(private readonly input: DrawInput) {
    this.byUscc = new Map(input.pool.map((e) => [e.uscc, e]));
    this.ticket = ticketer(input.seed, 'E', input.planId);
  }

  stratumOf(uscc: string): string | undefined {
    return this.byUscc.get(uscc)?.stratum;
  }

  rank(uscc: string): number {
    const stratum = this.stratumOf(uscc)!;
    let tickets = this.sorted.get(stratum);
    if (!tickets) {
      tickets = this.input.pool
        .filter((e) => e.stratum === stratum)
        .map((e) => this.ticket(e.uscc))
        .sort();
      this.sorted.set(stratum, tickets);
    }
    const mine = this.ticket(uscc);
    let [lo, hi] = [0, tickets.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tickets[mid]! < mine) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}

/** A listed enterprise the draw does not select or reserve: where does its ticket actually rank? */
function extraSelectionRow(state: DrawState, ranks: StratumRanks, p: Record<string, string>): Difference {
  const uscc = p.uscc!;
  const stratum = ranks.stratumOf(uscc);
  if (stratum === undefined)
    return { code: 'verify.selectionNotInPool', uscc, listedRole: p.role!, stratum: p.stratum! };
  const counts = state.strata.find((s) => s.name === stratum)!;
  return {
    code: 'verify.selectionRank',
    uscc,
    listedRole: p.role!,
    rank: ranks.rank(uscc),
    n: counts.selected,
    reserves: counts.reserves,
    stratum,
  };
}

function compareTeams(state: DrawState, text: string, diffs: Difference[]): void {
  const before = diffs.length;
  const published = byKey(parseCsv(text), (r) => `${r.uscc}#${r.seat}`, 'teams.csv', diffs);
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
        for (const field of ['name', 'ticket'] as const)
          if (p[field] !== s[field])
            diffs.push({ code: 'verify.teamField', uscc, seat: s.seat, field, listed: p[field]!, computed: s[field] });
    }
  for (const [key, p] of published)
    if (!computed.has(key))
      diffs.push({ code: 'verify.teamExtra', uscc: p.uscc!, seat: p.seat!, certNo: p.certNo!, name: p.name! });
  if (diffs.length === before && teamsCsv(state.teams) !== text)
    diffs.push({ code: 'verify.notCanonical', file: 'teams.csv' });
}

function compareCheckItems(state: DrawState, text: string, diffs: Difference[]): void {
  const before = diffs.length;
  const published = byKey(parseCsv(text), (r) => `${r.uscc}#${r.code}`, 'check-items.csv', diffs);
  const computed = new Set<string>();
  for (const [uscc, items] of state.checkItems)
    for (const c of items) {
      const key = `${uscc}#${c.code}`;
      computed.add(key);
      const p = published.get(key);
      if (!p) diffs.push({ code: 'verify.itemMissing', uscc, item: c.code });
      else if (p.ticket !== c.ticket)
        diffs.push({ code: 'verify.itemTicket', uscc, item: c.code, listed: p.ticket!, computed: c.ticket });
    }
  for (const [key, p] of published)
    if (!computed.has(key)) diffs.push({ code: 'verify.itemExtra', uscc: p.uscc!, item: p.code! });
  if (diffs.length === before && checkItemsCsv(state.checkItems) !== text)
    diffs.push({ code: 'verify.notCanonical', file: 'check-items.csv' });
}
