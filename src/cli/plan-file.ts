import { readFileSync } from 'node:fs';
import { checkPlan } from '../app/plan-check.js';
import { PlanInvalid, WHERE_FIELDS, type Plan } from '../domain/plan.js';
import { inputError, notFound } from '../errors.js';
import { t, type Lang } from '../i18n/index.js';
import { activeEnterpriseValues, hasEnterprises } from '../db/roster-queries.js';
import type { Db } from '../db/open.js';

/** Read and validate a plan file, reporting every problem with its JSON path in the user's language. */
export function readPlanFile(path: string, lang: Lang): Plan {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('file.notFound', { path });
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') throw inputError('file.isDirectory', { path });
    throw inputError('file.unreadable', { path, reason: (e as Error).message });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw inputError('plan.badJson', { file: path, ...jsonErrorPlace(text, (e as Error).message) });
  }
  try {
    return checkPlan(raw);
  } catch (e) {
    if (e instanceof PlanInvalid) throw planInvalid(path, lang, e.problems);
    throw e;
  }
}

/** Where JSON.parse failed, as line and column, and the usual cause (Excel users expect trailing commas to work). */
function jsonErrorPlace(
  text: string,
  message: string,
): { line: number | string; column: number | string; reason: string } {
  const pos = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
  if (Number.isNaN(pos)) return { line: '?', column: '?', reason: message };
  const before = text.replace(/^\uFEFF/, '').slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  const trailingComma = /,\s*$/.test(before) && /^[\s]*[}\]]/.test(text.replace(/^\uFEFF/, '').slice(pos));
  return { line, column, reason: trailingComma ? 'trailingComma' : message };
}

export function planInvalid(file: string, lang: Lang, problems: PlanInvalid['problems']) {
  return inputError('plan.invalid', {
    file,
    problems: problems.map((p) => `${p.path || '(plan)'}: ${t(lang, p.code, p.params ?? {})}`),
  });
}

/** Where values must exist in the roster (a typo would silently give an empty stratum). */
export function checkWhereValues(db: Db, plan: Plan): PlanInvalid['problems'] {
  const problems: PlanInvalid['problems'] = [];
  if (!hasEnterprises(db)) return problems;
  plan.strata.forEach((s, i) => {
    for (const f of WHERE_FIELDS) {
      const values = s.where[f];
      if (!values) continue;
      const present = activeEnterpriseValues(db, f);
      for (const v of values)
        if (!present.includes(v))
          problems.push({
            path: `strata[${i}].where.${f}`,
            code: 'plan.unknownWhereValue',
            params: {
              field: f,
              value: v,
              known: present
                .filter((x) => x)
                .slice(0, 20)
                .join('、'),
            },
          });
    }
  });
  return problems;
}
