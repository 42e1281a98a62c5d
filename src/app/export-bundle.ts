import { sha256Hex } from '../core/hash.js';
import { checkItemsCsv, cmp, eventsCsv, selectionCsv, teamsCsv } from '../core/canonical.js';
import {
  BUNDLE_FILES,
  BUNDLE_FORMAT,
  MANIFEST_FILE,
  bundleJson,
  type BundleFileName,
  type Manifest,
} from '../core/verify.js';
import { activeDraw, drawEvents, drawFiles, type DrawRecord } from '../db/draws.js';
import type { Db } from '../db/open.js';
import { getPlan } from '../db/plans.js';
import { checkedReplay, drawEvents2, isSsj2, storedDrawInput2 } from '../db/drawing.js';
import { PARALLEL } from '../parallel/hints.js';
import { bundleFiles2 } from '../io/bundle2.js';
import type { DrawState2 } from '../core/ssj2/state.js';
import { refused } from '../errors.js';
import { writeBundleDir } from '../io/bundle.js';
import { publishedReason } from '../domain/event-reasons.js';

/** Events as published: a recusal's or reassign's category only, never the officer's words (domain/event-reasons.ts). */
const published = <E extends { type: string; reason: string }>(events: E[]): E[] =>
  events.map((e) => ({ ...e, reason: publishedReason(e.type, e.reason) }));
import { appendAudit } from '../audit/log.js';
import { findDrawSeed } from '../db/seeds.js';
import { poolRemovals } from '../db/year-checks.js';
import { inSnapshot, inWrite } from '../db/tx.js';
import { mustWithhold } from '../io/announcement.js';
import { beijingDate } from '../io/dates.js';
import type { Who } from './results.js';

/**
 * The verification bundle of a plan's active draw (docs/ALGORITHM.md sections 10 and 11): file name -> exact text,
 * sorted by name, manifest.json included. Everything comes from what the draw stored (its own snapshot of the
 * inputs, the current state, the events), written by the canonical writers, so the same draw always gives the same
 * bytes. Only public fields: the canonical files hold no ID number, phone or personal address.
 *
 * Throws notFound for an unknown plan and refused ('bundle.notDrawn') for a plan without an active draw.
 */
export function bundleFiles(db: Db, planId: string): Map<string, string> {
  getPlan(db, planId);
  const draw = activeDraw(db, planId);
  if (!draw) throw refused('bundle.notDrawn', { id: planId });
  if (isSsj2(draw)) return bundleFilesOf2(db, draw);
  const files = contentFiles(db, draw);
  const manifest = bundleManifest(draw, files);
  const all = new Map<string, string>([...files, [MANIFEST_FILE, bundleJson(manifest)]]);
  return new Map([...all].sort(([a], [b]) => cmp(a, b)));
}

/** The replay before publishing ranks inspectors on every core (src/parallel/orders-sync.ts): the same result. */
const FAST = PARALLEL;

/**
 * The ssj-bundle/2 of an SSJ-2 draw (io/bundle2.ts): the state re-derived from the draw's own snapshot and events and
 * checked against the stored one first, like every publication. The manifest carries the seed rule and commitment the
 * freeze fixed and, when there is a secret, the secret itself: this bundle IS the reveal, which is why an unannounced
 * plan's bundle is refused before its window ends (exportBundle) and left off the site until then (export-site.ts).
 */
function bundleFilesOf2(db: Db, draw: DrawRecord): Map<string, string> {
  // The snapshot is read and parsed once, for the replay and for the bundle (it is 70 MB at a million enterprises).
  const stored = drawFiles(db, draw.id);
  const input = storedDrawInput2(db, draw, stored);
  const { replayed } = checkedReplay(db, draw, undefined, { ...FAST, input });
  const seeds = findDrawSeed(db, draw.id);
  const planJson = JSON.parse(draw.planJson) as { title?: string };
  const meta = {
    title: planJson.title ?? '',
    seedInput: draw.seedInput,
    seedKind: draw.seedKind,
    seedSource: draw.seedSource,
    frozenAt: draw.frozenAt,
    drawnAt: draw.drawnAt,
    seedRule: seeds.seedRule,
    publicSeed: draw.seed,
    secretCommitment: seeds.secretCommitment,
    seedSecret: seeds.seedSecret,
  };
  // The stored pool file is the canonical one the draw hashed (draw.poolHash): published as stored, not rewritten.
  const poolHash = sha256Hex(stored.poolEnterprises);
  const known = poolHash === draw.poolHash ? { poolText: stored.poolEnterprises, poolHash } : {};
  return bundleFiles2(planJson, input, replayed as DrawState2, published(drawEvents2(db, draw.id)), meta, known);
}

function contentFiles(db: Db, draw: DrawRecord): Map<BundleFileName, string> {
  const inputs = drawFiles(db, draw.id);
  const state = checkedReplay(db, draw, undefined, FAST).stored;
  const strataOrder = draw.strata.map((s) => s.name);
  const byName: Record<BundleFileName, string> = {
    'check-items.csv': checkItemsCsv(state.checkItems),
    'conflicts.csv': inputs.conflicts,
    'events.csv': eventsCsv(published(drawEvents(db, draw.id))),
    'items.csv': inputs.items,
    'plan.json': bundleJson(JSON.parse(draw.planJson)),
    'pool-enterprises.csv': inputs.poolEnterprises,
    'pool-inspectors.csv': inputs.poolInspectors,
    'selection.csv': selectionCsv(strataOrder, state.selection),
    'teams.csv': teamsCsv(state.teams),
  };
  return new Map(BUNDLE_FILES.map((name) => [name, byName[name]]));
}

function bundleManifest(draw: DrawRecord, files: Map<BundleFileName, string>): Manifest {
  const plan = JSON.parse(draw.planJson) as { title?: string };
  return {
    format: BUNDLE_FORMAT,
    algorithm: draw.algorithm,
    planId: draw.planId,
    title: plan.title ?? '',
    seed: draw.seed,
    seedInput: draw.seedInput,
    seedKind: draw.seedKind,
    seedSource: draw.seedSource,
    frozenAt: draw.frozenAt,
    drawnAt: draw.drawnAt,
    poolHash: sha256Hex(files.get('pool-enterprises.csv')!),
    strata: draw.strata.map((s) => ({
      name: s.name,
      population: s.population,
      pool: s.pool,
      selected: s.selected,
      reserves: s.reserves,
    })),
    files: Object.fromEntries([...files].map(([name, text]) => [name, sha256Hex(text)])),
  };
}

export interface WrittenBundle {
  dir: string;
  manifest: Manifest;
  files: { name: string; sha256: string; bytes: number }[];
}

/**
 * `ssj export bundle`: the bundle of a plan's active draw, written into `outDir`. An unannounced (暗查暗访) plan's bundle
 * names who is checked and reveals the secret seed part, so before its window has ended (Beijing date of `who.at`)
 * it is refused (exit 5) unless `reveal`, which is recorded in the audit log (one transaction with the export's read).
 */
export function exportBundle(
  db: Db,
  who: Who,
  planId: string,
  outDir: string,
  opts: { reveal?: boolean } = {},
): WrittenBundle & { revealedBefore: string | null } {
  const early = (): { end: string } | null => {
    const { plan } = getPlan(db, planId);
    const p = { unannounced: plan.publication.unannounced, window: plan.window };
    return mustWithhold(p, beijingDate(who.at)) ? { end: plan.window.end } : null;
  };
  const other = inSnapshot(db, () => revealsOtherPlan(db, planId, beijingDate(who.at)));
  if (other) throw refused('bundle.revealsOther', { id: planId, other: other.id, end: other.end });
  const peek = inSnapshot(db, early);
  if (peek && !opts.reveal) throw refused('bundle.beforeReveal', { id: planId, end: peek.end });
  if (!peek) return { ...inSnapshot(db, () => writeBundle(db, planId, outDir)), revealedBefore: null };
  return inWrite(db, () => {
    const window = early();
    const written = writeBundle(db, planId, outDir);
    const draw = activeDraw(db, planId)!;
    if (window)
      appendAudit(db, {
        at: who.at,
        operator: who.operator,
        action: 'bundle.reveal',
        planId,
        tables: [],
        payload: {
          drawId: draw.id,
          windowEnd: window.end,
          secretCommitment: findDrawSeed(db, draw.id).secretCommitment,
        },
      });
    return { ...written, revealedBefore: window?.end ?? null };
  });
}

/**
 * The unannounced plan, still in its window on `today`, whose selection this plan's bundle would name. An SSJ-2
 * bundle's pool-removed.csv lists the enterprises that plans frozen earlier capped by drawing them, each with the
 * plan (byPlan): when that plan is 暗查暗访 and its window has not ended, the list is its secret (汨罗:
 * 暂不公开被检查对象名单). Such a bundle waits for the other plan's window (the latest such end is returned);
 * `--reveal` does not lift it, since the secret is another plan's.
 */
export function revealsOtherPlan(db: Db, planId: string, today: string): { id: string; end: string } | null {
  const draw = activeDraw(db, planId);
  if (!draw || !isSsj2(draw)) return null;
  let found: { id: string; end: string } | null = null;
  for (const by of new Set(poolRemovals(db, draw.id).map((r) => r.byPlan))) {
    if (by === planId) continue;
    const { plan } = getPlan(db, by);
    if (!mustWithhold({ unannounced: plan.publication.unannounced, window: plan.window }, today)) continue;
    if (!found || plan.window.end > found.end) found = { id: by, end: plan.window.end };
  }
  return found;
}

/**
 * Write the bundle of a plan's active draw into `outDir` (created if missing). Exporting again over an earlier
 * bundle is fine; a directory holding other files is refused, since any file the manifest does not list makes
 * the verification fail.
 */
export function writeBundle(db: Db, planId: string, outDir: string): WrittenBundle {
  const files = bundleFiles(db, planId);
  const dir = writeBundleDir(outDir, files);
  const manifest = JSON.parse(files.get(MANIFEST_FILE)!) as Manifest;
  return {
    dir,
    manifest,
    // The manifest already lists every other file's hash: the pool file is not hashed a third time.
    files: [...files].map(([name, text]) => ({
      name,
      sha256: manifest.files[name] ?? sha256Hex(text),
      bytes: Buffer.byteLength(text),
    })),
  };
}
