import { sha256Hex } from './hash.js';
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

/**
 * The bundle cannot be verified at all: not a bundle, unreadable JSON, a wrong header, an unknown version.
 * Callers report it as invalid input (exit 3), naming the file.
 */
export class BundleError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number>,
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}

/** One way the bundle disagrees with the protocol: a stable message code and its parameters (src/i18n/messages/verify.ts). */
export type Difference = { code: string } & Record<string, string | number | boolean | null>;

export interface VerifySummary {
  planId: string;
  title: string;
  algorithm: string;
  seed: string;
  seedSource: string;
  drawnAt: string;
  poolHash: string;
  /** Recomputed counts per stratum (the manifest's when the draw could not be recomputed). */
  strata: StratumCount[];
  events: number;
}

export interface Verification {
  verified: boolean;
  differences: Difference[];
  summary: VerifySummary;
}

/** The bundle's file hash: core/hash.ts's SHA-256, under the name the verifier code uses. */
export const sha256 = (text: string): string => sha256Hex(text);
