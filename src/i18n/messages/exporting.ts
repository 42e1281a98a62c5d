import type { Catalog } from '../types.js';

/** ssj export announcement | results | site | filing (issue 6). */
export const exporting: Catalog = {
  'export.notDrawn': {
    zh: '计划 {id} 还没有有效的抽取结果，无法导出。请先运行 ssj draw --plan {id} --seed "…"。',
    en: 'Plan {id} has no active draw, so there is nothing to export. Run ssj draw --plan {id} --seed "…" first.',
  },
  'export.badFormat': {
    zh: '不支持的格式 "{value}"。可用格式：{known}。',
    en: 'Unknown format "{value}". Use one of: {known}.',
  },
  'export.badEncoding': {
    zh: '不支持的编码 "{value}"。CSV 可用 utf8（默认，带 BOM）或 gb18030。',
    en: 'Unknown encoding "{value}". CSV can be utf8 (default, with BOM) or gb18030.',
  },
  'export.encodingCsvOnly': {
    zh: '--encoding 只适用于 CSV 格式（收到 --format {format}）。HTML、Markdown 和文本始终为 UTF-8。',
    en: '--encoding applies to CSV only (got --format {format}). HTML, Markdown and text are always UTF-8.',
  },
  'export.withheld': {
    zh: '计划 {id} 为暗查暗访：检查时间结束（{end}）前，公告不含被检查对象名称、统一社会信用代码、抽签值、检查组和回避替补记录，只公布数量、种子和哈希。{end} 之后重新导出即为完整名单。',
    en: 'Plan {id} is unannounced: until its window ends ({end}) the announcement leaves out enterprise names, USCCs, tickets, teams and recusal records, and publishes counts, seed and hashes only. Export again after {end} for the full list.',
  },
  'export.lateAnnouncement': {
    zh: '按规定应在检查开始前 {days} 日（即 {due} 之前）公告，今天已是 {today}。请尽快发布，并在必要时调整检查时间。',
    en: 'The announcement was due {days} days before the window starts (by {due}); today is {today}. Publish it now and move the window if needed.',
  },
  'export.officeUnset': {
    zh: '发布单位仍是默认的“{name}”。请先设置：ssj config set office.name "某某县应急管理局"（填本单位全称），再重新导出。',
    en: 'The issuing office is still the default "{name}". Set it first with ssj config set office.name "<your office\'s full name>", then export again.',
  },
  'export.written': { zh: '已写入 {path}（{bytes} 字节）。', en: 'Wrote {path} ({bytes} bytes).' },
  'export.results.planOrMonth': {
    zh: '请指定 --plan ID 或 --month YYYY-MM 中的一个。例如：ssj export results --month 2024-03 --out 2024-03-抽查结果.csv',
    en: 'Give exactly one of --plan ID or --month YYYY-MM. Example: ssj export results --month 2024-03 --out 2024-03-results.csv',
  },
  'export.results.badMonth': {
    zh: '月份 "{value}" 无效，请写作 YYYY-MM，例如 2024-03。',
    en: 'Month "{value}" is not valid: write it as YYYY-MM, e.g. 2024-03.',
  },
  'export.results.none': {
    zh: '{scope} 没有已录入的检查结果，导出的公告只有表头。用 ssj result record 或 ssj result import 录入结果。',
    en: 'No results are recorded for {scope}; the export has the header only. Record results with ssj result record or ssj result import.',
  },
  'export.results.unpublished': {
    zh: '其中 {count} 条结果尚未标记为已公开。上传网站后请运行：{commands}',
    en: '{count} of these results are not marked published yet. After uploading, run: {commands}',
  },
  'export.results.withheld': {
    zh: '计划 {id} 为暗查暗访，检查时间到 {end} 才结束：其 {count} 条结果暂不导出，{end} 之后重新导出。',
    en: 'Plan {id} is unannounced and its window runs until {end}: its {count} results are left out for now. Export again after {end}.',
  },
  'export.site.badYear': {
    zh: '年度 "{value}" 无效，请写四位年份，例如 --year 2024。',
    en: 'Year "{value}" is not valid: give four digits, e.g. --year 2024.',
  },
  'export.site.notDir': {
    zh: '{path} 已存在但不是目录。请用 --out 指定一个目录。',
    en: '{path} exists and is not a directory. Point --out at a directory.',
  },
  'export.site.written': {
    zh: '网站已写入 {dir}：{pages} 个页面，{plans} 个计划，{bundles} 个核验包。将整个目录上传到网站即可，入口为 index.html。',
    en: 'Site written to {dir}: {pages} pages, {plans} plans, {bundles} verification bundles. Upload the whole folder; the entry page is index.html.',
  },
  'export.site.noPlans': {
    zh: '{year} 年度还没有抽查计划；网站只包含事项清单和人员名录。',
    en: 'There are no plans for {year}; the site has the item list and the inspector roster only.',
  },
  'export.site.bundleWithheld': {
    zh: '计划 {id} 为暗查暗访，检查结束（{end}）前不导出核验包。',
    en: 'Plan {id} is unannounced: its verification bundle is not exported before its window ends ({end}).',
  },
};
