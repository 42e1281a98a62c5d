import type { Catalog, Lang, Params } from './types.js';
import { common, config } from './messages/common.js';
import { rosters } from './messages/rosters.js';
import { plans } from './messages/plans.js';
import { events } from './messages/events.js';
import { verify } from './messages/verify.js';
import { exporting } from './messages/exporting.js';
import { results } from './messages/results.js';
import { audit } from './messages/audit.js';
import { demo } from './messages/demo.js';
import { year } from './messages/year.js';
import { ledger } from './messages/ledger.js';
import { ssj2 } from './messages/ssj2.js';
import { environment } from './messages/environment.js';
import { office } from './messages/office.js';
import { teams } from './messages/teams.js';
import { safety } from './messages/safety.js';
import { ssj2Wiring } from './messages/ssj2-wiring.js';
import { reassign } from './messages/reassign.js';
import { report } from './messages/report.js';
import { annual } from './messages/annual.js';
import { poolAfterFreeze } from './messages/pool-after-freeze.js';
import { dbFaults, dueRows, hygiene, resultDates } from './messages/hygiene.js';
import { seedRules } from './messages/seed-rules.js';

export type { Lang, Params, Message, Catalog } from './types.js';

const catalog: Catalog = {
  ...common,
  ...config,
  ...rosters,
  ...plans,
  ...ssj2Wiring,
  ...events,
  ...verify,
  ...exporting,
  ...results,
  ...audit,
  ...demo,
  ...year,
  ...ledger,
  ...ssj2,
  ...environment,
  ...office,
  ...teams,
  ...safety,
  ...reassign,
  ...report,
  ...annual,
  ...hygiene,
  ...poolAfterFreeze,
  ...dbFaults,
  ...resultDates,
  ...dueRows,
  ...seedRules,
};

/** Pick the language: explicit flag, then SSJ_LANG, then LANG (zh when it starts with "zh"), else en. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  for (const v of [flag, env.SSJ_LANG, env.LC_ALL, env.LANG]) {
    if (v === undefined || v === '') continue;
    return v.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }
  return 'en';
}

function interpolate(template: string, p: Params): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in p ? String(p[k]) : m));
}

/** Translate a stable message code. Unknown codes fall back to the code and its parameters, never to silence. */
export function t(lang: Lang, code: string, params: Params = {}): string {
  const m = catalog[code];
  if (!m) return Object.keys(params).length ? `${code} ${JSON.stringify(params)}` : code;
  const v = m[lang];
  return typeof v === 'function' ? v(params) : interpolate(v, params);
}

export function hasMessage(code: string): boolean {
  return code in catalog;
}

export function allMessageCodes(): string[] {
  return Object.keys(catalog);
}

/** An inline label in both languages, for table headings and short labels that need no parameters. */
export function bi(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}
