/**
 * Every key a plan file may hold, at every depth (DESIGN.md "Plan file": "Unknown keys anywhere in the file are errors
 * that name the nearest known key"). A misspelt key used to be dropped silently: `"maxPerInspecter": 1` became no
 * limit at all, which is exactly the kind of rule an office must not lose without noticing.
 */
export type KeySchema = { readonly [key: string]: KeySchema | readonly [KeySchema] | null };

export const ENTERPRISE_WHERE_FIELDS = ['region', 'industry', 'supervision', 'type', 'risk', 'credit'] as const;
export const INSPECTOR_WHERE_FIELDS = ['department', 'unit', 'region', 'title', 'kind'] as const;

const fields = (names: readonly string[]): KeySchema => Object.fromEntries(names.map((n) => [n, null]));

export const PLAN_KEYS: KeySchema = {
  id: null,
  title: null,
  description: null,
  seedSource: null,
  protocol: null,
  year: null,
  window: fields(['start', 'end']),
  cap: { perYear: null, exempt: fields(['credit', 'flags']) },
  exclude: fields(['status']),
  inspectors: { where: fields(INSPECTOR_WHERE_FIELDS) },
  strata: [
    {
      name: null,
      where: fields(ENTERPRISE_WHERE_FIELDS),
      ratio: null,
      count: null,
      min: null,
      reserves: null,
      team: fields(['officers', 'specialists', 'experts']),
    },
  ],
  team: fields(['size', 'officers', 'specialists', 'experts', 'maxPerInspector']),
  joint: { departments: [fields(['name', 'officers', 'specialists', 'items'])] },
  items: fields(['perEnterprise', 'department']),
  publication: fields(['unannounced', 'resultDays']),
};

export interface UnknownKey {
  /** JSON path of the unknown key, e.g. team.maxPerInspecter or strata[1].team.officer. */
  path: string;
  key: string;
  /** The closest known key at that place, when one is close enough to be a typo. */
  nearest: string | null;
  known: string[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Unknown keys in `raw`, depth first, in file order. Values of the wrong type are left to the field checks. */
export function unknownKeys(raw: unknown, schema: KeySchema = PLAN_KEYS, path = ''): UnknownKey[] {
  if (!isObj(raw)) return [];
  const out: UnknownKey[] = [];
  const known = Object.keys(schema);
  for (const [k, v] of Object.entries(raw)) {
    const here = path ? `${path}.${k}` : k;
    if (!Object.hasOwn(schema, k)) {
      out.push({ path: here, key: k, nearest: nearestKey(k, known), known });
      continue;
    }
    const sub = schema[k];
    if (sub === null || sub === undefined) continue;
    if (Array.isArray(sub)) {
      if (Array.isArray(v)) v.forEach((x, i) => out.push(...unknownKeys(x, sub[0] as KeySchema, `${here}[${i}]`)));
    } else out.push(...unknownKeys(v, sub as KeySchema, here));
  }
  return out;
}

/**
 * The known key closest to `key` by edit distance (case ignored), if it is close enough to be a slip of the
 * keyboard: at most a third of the longer word's letters differ (at least 1, so "size"/"sise" still counts).
 */
export function nearestKey(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  if (best === null) return null;
  const allowed = Math.max(1, Math.floor(Math.max(key.length, best.length) / 3));
  return bestDistance <= allowed ? best : null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  const d: number[][] = Array.from({ length: A.length + 1 }, (_, i) =>
    Array.from({ length: B.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= A.length; i++)
    for (let j = 1; j <= B.length; j++) {
      const cost = A[i - 1] === B[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && A[i - 1] === B[j - 2] && A[i - 2] === B[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[A.length]![B.length]!;
}
