import type { Register } from '../register.js';
import type { Context } from '../context.js';
import { BundleError, verifyBundle, type Difference, type Verification } from '../../core/verify.js';
import { readBundleDir } from '../../io/bundle.js';
import { PARALLEL } from '../../parallel/hints.js';
import { Exit, SsjError } from '../../errors.js';
import { bi, t, type Lang } from '../../i18n/index.js';
import { displayTime, table } from '../output.js';

/** How many differences the text output shows; --json always has all of them. */
const SHOWN = 50;

/** `ssj verify DIR`: re-derive a published draw from its bundle alone. Needs no database. */
export const register: Register = (program, wrap) => {
  program
    .command('verify <dir>')
    .description(
      'verify a published bundle without the database: file hashes, redraw from the seed, replay the events, compare',
    )
    .addHelpText(
      'after',
      `
Exit 0 when the bundle is reproduced exactly, 1 with the differences otherwise, 3 when it cannot be read as a bundle.
The same check without ssj: python3 docs/verify.py DIR (Python 3 standard library only).

Example:
  ssj export bundle --plan 2024Q1 --out bundle-2024Q1
  ssj verify bundle-2024Q1`,
    )
    .action(wrap((ctx, [dir]) => runVerify(ctx, ctx.path(String(dir)))));
};

function runVerify(ctx: Context, dir: string): number {
  const files = readBundleDir(dir);
  let result: Verification;
  try {
    // Inspector orders on every core (src/parallel/orders-sync.ts): the same verification, sooner.
    result = verifyBundle(files, PARALLEL);
  } catch (e) {
    if (e instanceof BundleError) throw new SsjError('invalidInput', e.code, { ...e.params, dir }, e);
    throw e;
  }
  const claimed = claims(files);
  // The freeze fixes the pool before the seed exists: a manifest whose freeze is not before its draw is forged.
  const all = [...result.differences, ...timeOrder(claimed)];
  const verified = all.length === 0;
  const differences = all.map((d) => ({ ...d, message: describeDifference(ctx.lang, d) }));
  ctx.out.result({ verified, differences, summary: result.summary, claims: claimed }, () =>
    verified
      ? [...verifiedText(ctx.lang, result), ...claimsText(ctx.lang, claimed)]
      : failedText(ctx.lang, differences),
  );
  return verified ? Exit.ok : Exit.verifyFailed;
}

/** A difference in plain language. Protocol refusals carry their own message code as `reason`. */
export function describeDifference(lang: Lang, d: Difference): string {
  const params =
    d.code === 'verify.drawFailed' || d.code === 'verify.eventRefused'
      ? { ...d, reason: t(lang, String(d.reason), d).replace(/[。.]\s*$/, '') }
      : d;
  return t(lang, d.code, params);
}

function verifiedText(lang: Lang, r: Verification): string[] {
  const s = r.summary;
  const L = (zh: string, en: string) => bi(lang, zh, en);
  return [
    t(lang, 'verify.verified', { planId: s.planId, algorithm: s.algorithm }),
    `${L('种子', 'Seed')}: ${s.seed}`,
    `${L('对象库哈希', 'Pool hash')}: ${s.poolHash}`,
    '',
    table(
      [L('层', 'stratum'), L('总数', 'population'), L('可抽', 'pool'), L('抽中', 'selected'), L('备选', 'reserves')],
      s.strata.map((x) => [x.name, x.population, x.pool, x.selected, x.reserves]),
    ),
    '',
    `${L('已重放事件', 'Events replayed')}: ${s.events}`,
  ];
}

/**
 * What the manifest says that no recomputation can check (the title, where the seed came from, when the pool was
 * frozen and the seed used): shown apart from what was verified, as claims to compare with the office's own
 * earlier publications (the pre-announcement names the source and the time of the freeze).
 */
export interface Claims {
  title?: string;
  seedSource?: string;
  frozenAt?: string;
  drawnAt?: string;
}

function claims(files: Map<string, string>): Claims {
  try {
    const m = JSON.parse(files.get('manifest.json') ?? '{}') as Record<string, unknown>;
    const out: Claims = {};
    for (const k of ['title', 'seedSource', 'frozenAt', 'drawnAt'] as const)
      if (typeof m[k] === 'string' && m[k] !== '') out[k] = m[k] as string;
    return out;
  } catch {
    return {};
  }
}

function timeOrder(c: Claims): Difference[] {
  if (!c.frozenAt || !c.drawnAt) return [];
  const f = Date.parse(c.frozenAt);
  const d = Date.parse(c.drawnAt);
  return Number.isNaN(f) || Number.isNaN(d) || f < d
    ? []
    : [{ code: 'verify.frozenAfterDraw', frozenAt: c.frozenAt, drawnAt: c.drawnAt }];
}

function claimsText(lang: Lang, c: Claims): string[] {
  const L = (zh: string, en: string) => bi(lang, zh, en);
  const rows: [string, string | undefined][] = [
    [L('标题', 'Title'), c.title],
    [L('种子来源', 'Seed source'), c.seedSource],
    [L('冻结时间', 'Frozen at'), c.frozenAt && displayTime(lang, c.frozenAt)],
    [L('抽取时间', 'Drawn at'), c.drawnAt && displayTime(lang, c.drawnAt)],
  ];
  return ['', t(lang, 'verify.claims'), ...rows.filter(([, v]) => v !== undefined).map(([k, v]) => `  ${k}: ${v}`)];
}

function failedText(lang: Lang, differences: { message: string }[]): string[] {
  return [
    t(lang, 'verify.failed', { count: differences.length }),
    ...differences.slice(0, SHOWN).map((d) => `  - ${d.message}`),
    ...(differences.length > SHOWN ? [`  ${t(lang, 'verify.andMore', { count: differences.length - SHOWN })}`] : []),
  ];
}
