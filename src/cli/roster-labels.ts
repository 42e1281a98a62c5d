import { bi, type Lang } from '../i18n/index.js';
import { INSPECTOR_KIND_ZH, inspectorKind, type RosterDef } from '../domain/rosters.js';

/** How roster fields are labelled and shown in tables (`ssj list`, `ssj show`). */

const STORED_LABELS: Record<string, [string, string]> = {
  source: ['来源', 'source'],
  declaredAt: ['申报时间', 'declared'],
  active: ['状态', 'active'],
  importId: ['导入批次', 'import'],
};

export function label(lang: Lang, def: RosterDef, field: string): string {
  const fd = def.fields.find((f) => f.field === field);
  if (fd) return lang === 'zh' ? fd.headers[0]! : field;
  const l = STORED_LABELS[field];
  return l ? bi(lang, l[0], l[1]) : field;
}

export function cell(lang: Lang, field: string, v: string | number | boolean | undefined): string {
  if (field === 'active') return v ? bi(lang, '在用', 'yes') : bi(lang, '停用', 'no');
  if (field === 'kind') {
    const kind = inspectorKind(String(v ?? ''));
    return lang === 'zh' ? INSPECTOR_KIND_ZH[kind] : kind;
  }
  return String(v ?? '').replace(/;/g, lang === 'zh' ? '、' : ', ');
}
