import { cmp, conflictsCsv, poolEnterprisesCsv, selectionCsv } from '../core/canonical.js';
import {
  checkItemsCsv2,
  eventsCsv2,
  itemsCsv2,
  poolInspectorsCsv2,
  poolRemovedCsv,
  teamsCsv2,
} from '../core/ssj2/canonical.js';
import { ticketSeed } from '../core/ssj2/seed.js';
import type { DrawState2 } from '../core/ssj2/state.js';
import { BUNDLE_FORMAT_2, type DrawEvent2, type DrawInput2, type SeedFields2, SSJ2 } from '../core/ssj2/types.js';
import { BUNDLE_FILES_2, type BundleFileName2, type Manifest2 } from '../core/ssj2/verify.js';
import { bundleJson, MANIFEST_FILE, sha256 as sha256Of } from '../core/verify.js';

/** What an ssj-bundle/2 says besides the draw itself: how the seed was made and when. */
export interface BundleMeta2 extends SeedFields2 {
  title: string;
  /** The seed as typed (the lottery numbers for rfc3797). */
  seedInput: string;
  seedKind: 'text' | 'rfc3797';
  seedSource: string;
  frozenAt: string | null;
  drawnAt: string;
}

/**
 * What the caller already knows about the pool file: the stored canonical text (byte-equal to
 * poolEnterprisesCsv(strata, input.pool): it is the draw's own snapshot, and its hash is the one the draw recorded)
 * and its SHA-256. Both only save work.
 */
export interface KnownPool {
  poolText?: string;
  poolHash?: string;
}

/**
 * The files of an ssj-bundle/2 (DESIGN.md SSJ-2 "Bundle"): the ten canonical files and manifest.json, name -> exact
 * text, sorted by name. `planJson` is the plan as drawn (written with two-space indent); `state` is the draw after
 * `events`. Pure: the same draw always gives the same bytes. The secret appears only in `meta.seedSecret`, which the
 * caller sets only once the secret is revealed (an unannounced plan's bundle is published after its window).
 */
export function bundleFiles2(
  planJson: unknown,
  input: DrawInput2,
  state: DrawState2,
  events: DrawEvent2[],
  meta: BundleMeta2,
  known: KnownPool = {},
): Map<string, string> {
  // manifest.seed carries the secret: a bundle of a plan with a committed secret is the reveal, or it is not written.
  if (meta.secretCommitment !== null && meta.seedSecret === null)
    throw new Error(`bundle of ${input.planId}: the secret must be revealed with the bundle (seedSecret is null)`);
  if (input.seed !== ticketSeed(meta.publicSeed, meta.seedSecret))
    throw new Error(`bundle of ${input.planId}: the draw's seed is not publicSeed with the revealed secret`);
  const strataOrder = input.strata.map((s) => s.name);
  const byName: Record<BundleFileName2, string> = {
    'check-items.csv': checkItemsCsv2(state.checkItems),
    'conflicts.csv': conflictsCsv(input.conflicts),
    'events.csv': eventsCsv2(events),
    'items.csv': itemsCsv2(input.items),
    'plan.json': bundleJson(planJson),
    'pool-enterprises.csv': known.poolText ?? poolEnterprisesCsv(strataOrder, input.pool),
    'pool-inspectors.csv': poolInspectorsCsv2(input.inspectors),
    'pool-removed.csv': poolRemovedCsv(strataOrder, input.removed),
    'selection.csv': selectionCsv(strataOrder, state.selection),
    'teams.csv': teamsCsv2(state.teams),
  };
  const files = new Map<string, string>(BUNDLE_FILES_2.map((n) => [n, byName[n]]));
  // Each file hashed once (the pool file is the manifest's poolHash and one of its files).
  const hashes = new Map<string, string>(known.poolText && known.poolHash ? [[known.poolText, known.poolHash]] : []);
  const sha256 = (text: string) => {
    let h = hashes.get(text);
    if (h === undefined) hashes.set(text, (h = sha256Of(text)));
    return h;
  };
  const manifest: Manifest2 = {
    format: BUNDLE_FORMAT_2,
    algorithm: SSJ2,
    planId: input.planId,
    title: meta.title,
    seed: input.seed,
    seedInput: meta.seedInput,
    seedKind: meta.seedKind,
    seedSource: meta.seedSource,
    seedRule: meta.seedRule,
    publicSeed: meta.publicSeed,
    secretCommitment: meta.secretCommitment,
    seedSecret: meta.seedSecret,
    frozenAt: meta.frozenAt,
    drawnAt: meta.drawnAt,
    poolHash: sha256(byName['pool-enterprises.csv']),
    strata: state.strata.map((s) => ({
      name: s.name,
      population: s.population,
      pool: s.pool,
      removed: s.removed,
      selected: s.selected,
      reserves: s.reserves,
    })),
    files: Object.fromEntries([...files].map(([name, text]) => [name, sha256(text)])),
  };
  files.set(MANIFEST_FILE, bundleJson(manifest));
  return new Map([...files].sort(([a], [b]) => cmp(a, b)));
}
