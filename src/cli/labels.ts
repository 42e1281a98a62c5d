import type { Lang } from '../i18n/index.js';

/** Plan statuses, event types and selection roles as shown to people: Chinese with --lang zh, the code otherwise. */

export function statusLabel(lang: Lang, s: string): string {
  const zh: Record<string, string> = {
    draft: '草稿',
    frozen: '已冻结',
    drawn: '已抽取',
    active: '有效',
    void: '已作废',
    withdrawn: '已撤回',
  };
  return lang === 'zh' ? (zh[s] ?? s) : s;
}

export function eventLabel(lang: Lang, type: string): string {
  const zh: Record<string, string> = { recusal: '回避', swap: '回避（对调）', replacement: '替换企业' };
  return lang === 'zh' ? (zh[type] ?? type) : type;
}

export function roleLabel(lang: Lang, role: string): string {
  const zh: Record<string, string> = { selected: '抽中', reserve: '备选', replaced: '已替换' };
  return lang === 'zh' ? (zh[role] ?? role) : role;
}
