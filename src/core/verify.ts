import type { StratumCount } from './types.js';

/** The verification bundle (docs/ALGORITHM.md section 11). */
export const BUNDLE_FORMAT = 'ssj-bundle/1';
/** Protocol versions this verifier can redraw. A new version is added here, never replacing an old one. */
export const KNOWN_ALGORITHMS = ['SSJ-1'];
export const MANIFEST_FILE = 'manifest.json';

/** Every file the manifest lists, sorted by name (the order of manifest.files). */
export const BUNDLE_FILES = [
  'check-items.csv',
  'conflicts.csv',
  'events.csv',
  'items.csv',
  'plan.json',
  'pool-enterprises.csv',
  'pool-inspectors.csv',
  'selection.csv',
  'teams.csv',
] as const;
export type BundleFileName = (typeof BUNDLE_FILES)[number];

/** manifest.json, keys in the order ALGORITHM.md section 11 shows them. */
export interface Manifest {
  format: string;
  algorithm: string;
  planId: string;
  title: string;
  seed: string;
  seedInput: string;
  seedKind: 'text' | 'rfc3797';
  seedSource: string;
  frozenAt: string | null;
  drawnAt: string;
  poolHash: string;
  strata: StratumCount[];
  files: Record<string, string>;
}

/** JSON as the bundle writes it: two-space indent, LF at the end. */
export const bundleJson = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;
