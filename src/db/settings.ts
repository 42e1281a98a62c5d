import type { Db } from './open.js';
import { inputError, usageError } from '../errors.js';

/** Office settings. The rules differ between offices (7 or 20 working days...), so numbers are settings, not constants. */
export interface SettingDef {
  key: string;
  default: string;
  help: string;
  kind: 'text' | 'days';
}

export const settingKeys: SettingDef[] = [
  { key: 'office.name', default: '某某县应急管理局', help: 'issuing office printed on announcements', kind: 'text' },
  { key: 'office.region', default: '', help: 'region name used in titles', kind: 'text' },
  {
    key: 'office.docNo',
    default: '',
    help: 'document number prefix on forms, e.g. 冷应急抽〔2024〕 (ssj export forms)',
    kind: 'text',
  },
  {
    key: 'office.filingOffice',
    default: '区优化办',
    help: 'office that receives the filing form (冷水滩 第十四条)',
    kind: 'text',
  },
  { key: 'deadline.reportDays', default: '5', help: 'working days from check to report (顺城 第十七条)', kind: 'days' },
  {
    key: 'deadline.feedbackDays',
    default: '5',
    help: 'working days from report to feedback (顺城 第十八条)',
    kind: 'days',
  },
  {
    key: 'deadline.resultDays',
    default: '20',
    help: 'working days from check to published result (高青 9.1; 冷水滩: 7)',
    kind: 'days',
  },
  {
    key: 'deadline.monthlyDays',
    default: '5',
    help: "first N working days of a month for last month's list (顺城 第二十一条)",
    kind: 'days',
  },
  {
    key: 'deadline.objectionReviewDays',
    default: '20',
    help: 'working days to review an objection (高青 9.2)',
    kind: 'days',
  },
  {
    key: 'deadline.objectionAnswerDays',
    default: '15',
    help: 'working days to answer an objection after review (高青 9.2)',
    kind: 'days',
  },
  {
    key: 'deadline.opinionDays',
    default: '3',
    help: 'working days the enterprise has for its opinion after the written feedback (顺城 第二十条)',
    kind: 'days',
  },
  {
    key: 'publication.announceDays',
    default: '15',
    help: 'days before the window an announcement is due (汨罗)',
    kind: 'days',
  },
];

export type Settings = Record<string, string>;

export function getSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(settingKeys.map((k) => [k.key, stored.get(k.key) ?? k.default]));
}

export function getNumberSetting(db: Db, key: string): number {
  return Number(getSettings(db)[key]);
}

export function setSetting(db: Db, key: string, value: string): void {
  const def = settingKeys.find((k) => k.key === key);
  if (!def) throw usageError('config.unknownKey', { key, keys: settingKeys.map((k) => k.key).join(', ') });
  if (def.kind === 'days' && !/^\d{1,3}$/.test(value)) throw inputError('config.badDays', { key, value });
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
