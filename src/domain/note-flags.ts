/**
 * Offices keep the words that matter for the yearly cap (冷水滩 第十五条: 失信、严重违法 enterprises and those under
 * 重点关注 are exempt) in a free-text column such as 备注, not in a 标记 column. Importing that column as ignored
 * would silently lose the exemption, so the importer reads these words out of note columns into flags (and says so).
 */
export const FLAG_WORDS = ['失信', '严重违法', '重点关注', '黑名单'] as const;

/** Headers of free-text columns that may carry flag words (compared by headerKey). */
export const NOTE_HEADERS = [
  '备注',
  '说明',
  '备注说明',
  '情况说明',
  '其他',
  '其它',
  '标注',
  '特殊情况',
  'remark',
  'remarks',
  'note',
  'notes',
  'memo',
];

/**
 * A word that is undone right before it does not count: 非失信, 无严重违法, 已移出黑名单, 失信已修复 is not
 * caught (the officer sees the warning with the count and the first line and can check).
 */
const NEGATION_BEFORE = /(?:非|无|未|不|不是|移出|解除|撤销|撤出|退出)$/;

/** The flag words a note holds, in FLAG_WORDS order. */
export function flagsInNote(note: string): string[] {
  const out: string[] = [];
  for (const word of FLAG_WORDS) {
    let from = 0;
    for (;;) {
      const at = note.indexOf(word, from);
      if (at < 0) break;
      if (!NEGATION_BEFORE.test(note.slice(Math.max(0, at - 3), at))) {
        out.push(word);
        break;
      }
      from = at + word.length;
    }
  }
  return out;
}
