import { gunzipSync, gzipSync, constants as zc } from 'node:zlib';
import { sha256Hex } from '../core/hash.js';
import {
  conflictsCsv,
  itemsCsv,
  poolEnterprisesCsv,
  poolInspectorsCsv,
  readConflicts,
  readItems,
  readPoolEnterprises,
  readPoolInspectors,
} from '../core/canonical.js';
import { buildPool, type PoolResult } from '../core/pool.js';
import type { Conflict, PoolEnterprise, PoolInspector, PoolItem } from '../core/types.js';
import { planProtocol, type Plan } from '../domain/plan.js';
import { inspectorPool2, itemPool2 } from '../core/ssj2/draw-input.js';
import { itemsCsv2, poolInspectorsCsv2 } from '../core/ssj2/canonical.js';
import type { PoolInspector2, PoolItem2 } from '../core/ssj2/types.js';
import { getSettings } from './settings.js';
import { checkCountsForYear } from './checks.js';
import type { Db } from './open.js';
import {
  activeItems,
  conflictsInForce,
  inspectorPool,
  rosterEnterprises,
  rosterInspectors2,
  rosterItems2,
} from './pool-source.js';

/** The four canonical input files of a draw, exactly as the bundle publishes them. */
export interface InputFiles {
  poolEnterprises: string;
  poolInspectors: string;
  items: string;
  conflicts: string;
}

export const INPUT_FILE_NAMES: Record<keyof InputFiles, string> = {
  poolEnterprises: 'pool-enterprises.csv',
  poolInspectors: 'pool-inspectors.csv',
  items: 'items.csv',
  conflicts: 'conflicts.csv',
};

export interface StratumPopulation {
  name: string;
  population: number;
  pool: number;
}

export interface DrawInputs {
  files: InputFiles;
  hashes: Record<keyof InputFiles, string>;
  strata: StratumPopulation[];
  excluded: PoolResult['excluded'];
  overlaps: PoolResult['overlaps'];
  pool: PoolEnterprise[];
  inspectors: PoolInspector[];
  items: PoolItem[];
  conflicts: Conflict[];
  /** The SSJ-2 pools, for a plan that draws under SSJ-2 (its files then hold the SSJ-2 columns). */
  ssj2?: { inspectors: PoolInspector2[]; items: PoolItem2[] };
}

export function hashFiles(files: InputFiles): Record<keyof InputFiles, string> {
  return {
    poolEnterprises: sha256Hex(files.poolEnterprises),
    poolInspectors: sha256Hex(files.poolInspectors),
    items: sha256Hex(files.items),
    conflicts: sha256Hex(files.conflicts),
  };
}

/**
 * Compute a plan's inputs from the rosters as they are now: the pool (with caps counted from other plans of the
 * year and from history), the inspector pool, the items and the conflicts in force. `checks` replaces the counts of
 * now, to recompute a frozen plan's pool with the caps as they stood at its freeze (src/app/pool-after-freeze.ts).
 */
export function computeInputs(db: Db, plan: Plan, checks = checkCountsForYear(db, plan.year, plan.id)): DrawInputs {
  const whereFields = [...new Set(plan.strata.flatMap((s) => Object.keys(s.where)))];
  const result = buildPool(plan, rosterEnterprises(db, whereFields), checks);
  const pool = result.strata.flatMap((s) => s.members);
  // SSJ-2 plans take their pools by SSJ-2's rules (inspectors.where, joint departments, 检查部门) and publish them with
  // the SSJ-2 columns; freeze and draw both come through here, so the frozen files and the draw's agree.
  const ssj2 =
    planProtocol(plan) === 'SSJ-2'
      ? {
          inspectors: inspectorPool2(rosterInspectors2(db), plan, getSettings(db)['office.name'] ?? ''),
          items: itemPool2(rosterItems2(db), plan),
        }
      : undefined;
  const inspectors = ssj2
    ? ssj2.inspectors.map((i) => ({ certNo: i.certNo, name: i.name, unit: i.unit, specialties: i.specialties }))
    : inspectorPool(db);
  const items = ssj2 ? ssj2.items.map(({ department: _d, ...i }) => i) : activeItems(db);
  const conflicts = conflictsInForce(db, new Set(inspectors.map((i) => i.certNo)), pool);
  const files: InputFiles = {
    poolEnterprises: poolEnterprisesCsv(
      plan.strata.map((s) => s.name),
      pool,
    ),
    poolInspectors: ssj2 ? poolInspectorsCsv2(ssj2.inspectors) : poolInspectorsCsv(inspectors),
    items: ssj2 ? itemsCsv2(ssj2.items) : itemsCsv(items),
    conflicts: conflictsCsv(conflicts),
  };
  return {
    files,
    hashes: hashFiles(files),
    strata: result.strata.map((s) => ({ name: s.name, population: s.population, pool: s.members.length })),
    excluded: result.excluded,
    overlaps: result.overlaps,
    pool,
    inspectors,
    items,
    conflicts,
    ...(ssj2 ? { ssj2 } : {}),
  };
}

/** Parse stored canonical files back into protocol data. */
export function parseInputFiles(files: InputFiles): Pick<DrawInputs, 'pool' | 'inspectors' | 'items' | 'conflicts'> {
  return {
    pool: readPoolEnterprises(files.poolEnterprises),
    inspectors: readPoolInspectors(files.poolInspectors),
    items: readItems(files.items),
    conflicts: readConflicts(files.conflicts),
  };
}

// Level 1: the pool of a 1,000,000-enterprise roster is ~70 MB of CSV; fast compression keeps the draw quick.
export const gz = (s: string): Buffer => gzipSync(Buffer.from(s, 'utf8'), { level: zc.Z_BEST_SPEED });
export const gunz = (b: Buffer): string => gunzipSync(b).toString('utf8');

export interface FileDifference {
  file: string;
  frozenHash: string;
  currentHash: string;
  added: string[];
  removed: string[];
}

/** Explain how the current inputs differ from the frozen ones: which file, and which rows came or went. */
export function diffInputs(frozen: InputFiles, current: InputFiles): FileDifference[] {
  const out: FileDifference[] = [];
  for (const key of Object.keys(INPUT_FILE_NAMES) as (keyof InputFiles)[]) {
    if (frozen[key] === current[key]) continue;
    const a = new Set(frozen[key].split('\n'));
    const b = new Set(current[key].split('\n'));
    out.push({
      file: INPUT_FILE_NAMES[key],
      frozenHash: sha256Hex(frozen[key]),
      currentHash: sha256Hex(current[key]),
      added: [...b].filter((l) => l !== '' && !a.has(l)),
      removed: [...a].filter((l) => l !== '' && !b.has(l)),
    });
  }
  return out;
}
