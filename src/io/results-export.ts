import { xlsxBytes } from './xlsx-write.js';
import { useNames } from '../domain/feedback.js';
import { followUpName, outcomeName } from '../domain/outcomes.js';
import { csvBytes, type CsvColumn, type CsvEncoding } from './csv-write.js';
import { officialDate, officialMonth } from './dates.js';
import { html, join, page, table, type Column, type Html } from './html.js';

/**
 * 抽查结果公告: what each check found (高青 9.1, 冷水滩 第十七条), as CSV and HTML, for a plan or for a month
 * (顺城 第二十一条: last month's list in the first working days of the next). Pure functions from ResultsData.
 *
 * A published result is never edited (高青 9.1): a correction is shown beside the original, never instead of it.
 * The export contains every recorded result of the plan or month; marking them published is `ssj result publish`
 * after the upload, so what was exported and what is marked cannot drift apart silently.
 */

export interface PublishedCorrection {
  /** Beijing date the correction was recorded (YYYY-MM-DD). */
  date: string;
  reason: string;
  outcome: string;
  followUp: string;
  /** Who signed the correction (高青 9.1) and when; null for corrections recorded before ssj asked. */
  approvedBy: string | null;
  approvedOn: string | null;
}

export interface PublishedResult {
  planId: string;
  planTitle: string;
  uscc: string;
  name: string;
  /** Check item names, in draw order. */
  items: string[];
  /** Team in seat order, names only (the roster page has the 执法证号). */
  inspectors: string[];
  /** SSJ-2: the same names by group, "组长：…；组员：…；专家：…" (team-groups.ts); absent for SSJ-1 draws. */
  inspectorsText?: string | undefined;
  checkDate: string;
  /** Codes (src/domain/outcomes.ts); rendered with their published Chinese names. */
  outcome: string;
  followUp: string;
  /** The original finding when corrections replaced it; corrections in the order made. */
  original: { outcome: string; followUp: string } | null;
  corrections: PublishedCorrection[];
  published: boolean;
  /**
   * The enterprise's side (顺城 第二十一条: 检查的反馈情况、被检查对象的意见建议、检查结果的运用): the day of the written
   * feedback, the 意见建议 the officer approved for publication ('' = none approved yet) and the 结果运用 codes.
   */
  feedback: { date: string | null; opinion: string; uses: string[] };
}

export type ResultsScope = { kind: 'plan'; planId: string; title: string } | { kind: 'month'; month: string };

export interface ResultsData {
  office: string;
  scope: ResultsScope;
  /** Beijing date of the export (YYYY-MM-DD). */
  issuedOn: string;
  results: PublishedResult[];
  /** Unannounced plans whose window is still open: their results are held back (counts only). */
  withheld: { planId: string; until: string; count: number }[];
  /** The audit chain head the list was made from: `ssj audit verify --head` proves no later rewrite of the log. */
  chainHead: { seq: number; hash: string };
}

export const RESULTS_TITLE = '抽查结果公告';

/** 检查人员 of a result: by group for an SSJ-2 draw, names in seat order for SSJ-1 (as published before). */
export const inspectorsCell = (r: PublishedResult): string => r.inspectorsText ?? r.inspectors.join('、');

export function scopeTitle(s: ResultsScope): string {
  return s.kind === 'plan' ? `${s.title}（${s.planId}）` : `${officialMonth(s.month)}检查`;
}

/** "更正前：未发现问题／无需后续处置。2024年3月5日更正，原因：……" — the correction beside the original. */
export function correctionText(r: PublishedResult): string {
  if (!r.original) return '';
  const before = `更正前：${outcomeName(r.original.outcome)}${r.original.followUp ? `／${followUpName(r.original.followUp)}` : ''}。`;
  return (
    before +
    r.corrections
      .map((c) => `${officialDate(c.date)}更正为“${outcomeName(c.outcome)}”，原因：${c.reason}。${approval(c)}`)
      .join('')
  );
}

/** "经张主任于2024年3月4日签字确认。" (高青 9.1); nothing for an old correction recorded without it. */
function approval(c: PublishedCorrection): string {
  return c.approvedBy ? `经${c.approvedBy}${c.approvedOn ? `于${officialDate(c.approvedOn)}` : ''}签字确认。` : '';
}

/** 反馈情况: "2024年2月10日书面反馈" or "尚未反馈". */
export function feedbackText(r: PublishedResult): string {
  return r.feedback.date ? `${officialDate(r.feedback.date)}书面反馈` : '尚未反馈';
}

export function withheldResultsText(w: ResultsData['withheld'][number]): string {
  return `任务 ${w.planId} 采取暗查暗访方式，其 ${w.count} 条检查结果将于检查时间结束（${officialDate(w.until)}）后公布。`;
}

// ---------------------------------------------------------------- CSV

const RESULT_COLUMNS: CsvColumn<PublishedResult>[] = [
  { header: '计划编号', value: (r) => r.planId, code: true },
  { header: '抽查任务', value: (r) => r.planTitle },
  { header: '检查对象名称', value: (r) => r.name },
  { header: '统一社会信用代码', value: (r) => r.uscc, code: true },
  { header: '检查事项', value: (r) => r.items.join('；') },
  { header: '检查人员', value: (r) => inspectorsCell(r) },
  { header: '检查日期', value: (r) => r.checkDate },
  { header: '检查结果', value: (r) => outcomeName(r.outcome) },
  { header: '后续处置', value: (r) => followUpName(r.followUp) },
  { header: '原检查结果', value: (r) => (r.original ? outcomeName(r.original.outcome) : '') },
  { header: '原后续处置', value: (r) => (r.original ? followUpName(r.original.followUp) : '') },
  {
    header: '更正说明',
    value: (r) =>
      r.corrections
        .map((c) => `${c.date} ${c.reason}${c.approvedBy ? `（${c.approvedBy} ${c.approvedOn ?? ''} 签字确认）` : ''}`)
        .join('；'),
  },
  { header: '反馈情况', value: feedbackText },
  { header: '意见建议', value: (r) => r.feedback.opinion },
  { header: '结果运用', value: (r) => useNames(r.feedback.uses) },
];

/** The same table as an .xlsx workbook (xlsx-write.ts): codes as text cells, check dates as dates. */
export function resultsXlsx(d: ResultsData): Promise<Buffer> {
  return xlsxBytes([
    {
      name: d.scope.kind === 'month' ? `${scopeTitle(d.scope)}抽查结果` : '抽查结果',
      columns: RESULT_COLUMNS,
      rows: d.results,
    },
  ]);
}

/** One row per result; a corrected result shows the current finding and, beside it, the original and why. */
export function resultsCsv(d: ResultsData, encoding: CsvEncoding = 'utf8'): Buffer {
  return csvBytes(RESULT_COLUMNS, d.results, encoding);
}

// ---------------------------------------------------------------- HTML

/**
 * The results as people read them (issue 18): grouped under their task (the title once, as a heading), columns
 * that are empty for every row left out (an unused 更正情况 should not take the width), the page as wide as the
 * screen on a desktop (main:has(.results)), and on a phone a compact card per enterprise (src/io/html.ts CSS).
 */
export function resultsBody(d: ResultsData, links?: { csv?: string }): Html {
  const all: { column: Column; cell: (r: PublishedResult) => Html | string }[] = [
    { column: { label: '检查对象', cls: 'name' }, cell: (r) => r.name },
    { column: { label: '统一社会信用代码', cls: 'id' }, cell: (r) => r.uscc },
    { column: { label: '检查事项', cls: 'wide' }, cell: (r) => join(r.items, html`<br>`) },
    { column: { label: '检查人员' }, cell: (r) => inspectorsCell(r) },
    { column: { label: '检查日期', cls: 'nowrap' }, cell: (r) => officialDate(r.checkDate) },
    { column: { label: '检查结果' }, cell: (r) => outcomeName(r.outcome) },
    { column: { label: '后续处置' }, cell: (r) => followUpName(r.followUp) },
    { column: { label: '反馈情况' }, cell: feedbackText },
    { column: { label: '意见建议' }, cell: (r) => r.feedback.opinion },
    { column: { label: '结果运用' }, cell: (r) => useNames(r.feedback.uses) },
    { column: { label: '更正情况', cls: 'wide' }, cell: correctionText },
  ];
  const isEmpty = (v: Html | string) => String(v).trim() === '';
  const used = all.filter((c) => d.results.some((r) => !isEmpty(c.cell(r))));
  const groups = new Map<string, { title: string; rows: PublishedResult[] }>();
  for (const r of d.results) {
    const g = groups.get(r.planId) ?? { title: r.planTitle, rows: [] };
    g.rows.push(r);
    groups.set(r.planId, g);
  }
  const monthly = d.scope.kind === 'month';
  let n = 0;
  const tables = [...groups.entries()].map(
    ([
      planId,
      g,
    ]) => html`${monthly ? html`<h2 class="task">${g.title}<span class="muted">（${planId}，${g.rows.length} 家）</span></h2>` : ''}
${table(
  [{ label: '序号', cls: 'num' }, ...used.map((c) => c.column)],
  g.rows.map((r) => [++n, ...used.map((c) => c.cell(r))]),
  undefined,
  'results',
)}`,
  );
  return html`<article>
<h1>${RESULTS_TITLE}</h1>
<p class="subtitle">${scopeTitle(d.scope)}</p>
${d.withheld.map((w) => html`<p class="notice">${withheldResultsText(w)}</p>`)}
${d.results.length ? tables : html`<p>暂无检查结果。</p>`}
<p class="muted">检查结果公示后如发现确有错误，依规定更正，更正前的结果同时列出。被检查对象对检查结果有异议的，可以向检查单位申请复核。</p>
<p class="muted">审计链头：第${d.chainHead.seq}条 <span class="hash">${d.chainHead.hash}</span>。这是生成本公告时抽取系统操作日志最新一条记录的哈希，此后对记录的任何改写都会使其无法对上。</p>
${links?.csv ? html`<p class="noprint">下载：<a href="${links.csv}">CSV 表格</a></p>` : ''}
<div class="signature"><p>${d.office}<br>${officialDate(d.issuedOn)}</p></div>
</article>`;
}

export function resultsHtml(d: ResultsData, nav?: Html): string {
  return page({
    title: `${RESULTS_TITLE}：${scopeTitle(d.scope)}`,
    office: d.office,
    subtitle: '“双随机、一公开”监管信息公开',
    nav,
    body: resultsBody(d),
  });
}

export type ResultsFormat = 'csv' | 'html';
export const RESULTS_FORMATS: readonly ResultsFormat[] = ['csv', 'html'];

export function renderResults(d: ResultsData, format: ResultsFormat, encoding: CsvEncoding = 'utf8'): Buffer {
  return format === 'csv' ? resultsCsv(d, encoding) : Buffer.from(resultsHtml(d), 'utf8');
}
