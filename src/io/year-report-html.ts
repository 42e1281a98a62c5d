import type { CoverageRow, PublishStatus, YearReport } from '../core/year-report.js';
import { officialDate } from './dates.js';
import { html, page, table, type Column, type Content, type Html } from './html.js';
import { barChart, CHART_CSS } from './svg-chart.js';

/**
 * The year report as a page (`ssj report --format html`, and report.html of `ssj export site`): figures, inline SVG
 * bar charts and the tables behind them, in Chinese for publication. Pure: data in, markup out. It holds enterprise
 * names and codes, inspectors' names and 执法证号 (as the rules publish them), never an ID number or a phone (the
 * report is read without those columns, src/db/year-report.ts).
 */
export interface ReportPageData {
  office: string;
  report: YearReport;
  withheld: { planId: string; until: string }[];
}

export const REPORT_TITLE = '年度抽查情况统计';
/** The longest list printed on the page; the .xlsx and JSON hold every row. */
const LIST_LIMIT = 300;

export const PUBLISH_STATUS: Record<PublishStatus, string> = {
  'on-time': '按期公开',
  late: '逾期公开',
  overdue: '逾期未公开',
  pending: '未到期未公开',
  uncounted: '无法计算（日历未覆盖）',
};

export const DECISION_NAMES: Record<string, string> = {
  upheld: '异议成立',
  rejected: '异议不成立',
  partly: '部分成立',
};

/**
 * A table that stays a table on a phone (the shared table() turns each row into a card under 640 px, which makes a
 * list of figures a screen per row): few, short columns, numbers right-aligned.
 */
function figures(columns: readonly Column[], rows: readonly (readonly Content[])[]): Html {
  return html`<table class="figures">
<thead><tr>${columns.map((c) => html`<th${c.cls ? html` class="${c.cls}"` : ''} scope="col">${c.label}</th>`)}</tr></thead>
<tbody>
${rows.map(
  (
    r,
  ) => html`<tr>${r.map((cell, i) => html`<td${columns[i]?.cls ? html` class="${columns[i]!.cls!}"` : ''}>${cell}</td>`)}</tr>
`,
)}</tbody>
</table>`;
}

export const pct = (x: number | null): string => (x === null ? '-' : `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`);

function coverageSection(title: string, rows: CoverageRow[], label: string): Html {
  if (!rows.length) return html`<h3>${title}</h3><p>暂无。</p>`;
  return html`<h3>${title}</h3>
<div class="pair">${barChart(
    `${title}（本级抽查覆盖率）`,
    rows.map((r) => ({ label: r.key, value: r.share, text: `${pct(r.share)} (${r.checked}/${r.members})` })),
    1,
  )}
${figures(
  [{ label }, { label: '企业数', cls: 'num' }, { label: '已检查', cls: 'num' }, { label: '覆盖率', cls: 'num' }],
  rows.map((r) => [r.key, r.members, r.checked, pct(r.share)]),
)}</div>`;
}

const more = (n: number) =>
  n > LIST_LIMIT ? html`<p class="muted">共${n}条，此处列出前${LIST_LIMIT}条；完整名单见年度统计表（.xlsx）。</p>` : '';

export function reportBody(d: ReportPageData): Html {
  const r = d.report;
  const t = r.totals;
  const kpi = (value: string | number, label: string) =>
    html`<div><strong>${value}</strong><span>${label}</span></div>`;
  const wl = r.workload;
  const pub = r.publishing;
  const late = pub.rows.filter((x) => x.status === 'late' || x.status === 'overdue');
  const over = r.repeats.filter((x) => x.overCap);
  return html`<h1>${r.year}年度“双随机、一公开”抽查情况统计</h1>
<p class="subtitle">${d.office}　统计截至${officialDate(r.today)}</p>
${
  d.withheld.length
    ? html`<p class="notice">暗查暗访任务 ${d.withheld.map((w) => `${w.planId}（${officialDate(w.until)}后公布）`).join('、')} 尚未结束，其抽取和检查情况不计入本页。</p>`
    : ''
}
<div class="kpi">
${kpi(t.enterprises, '在册检查对象')}
${kpi(`${t.checkedOwn}（${pct(t.enterprises ? t.checkedOwn / t.enterprises : null)}）`, '本级抽查覆盖企业')}
${kpi(t.checkedAny, '含上级检查的覆盖企业')}
${kpi(t.draws, `次抽取（${t.plans}个计划${t.voidDraws ? `，${t.voidDraws}次作废` : ''}）`)}
${kpi(over.length, '超过年度上限的企业')}
${kpi(`${t.published}/${t.results}`, '已公开/已登记结果')}
</div>

<h2>一、检查覆盖</h2>
<p class="muted">“已检查”指被本级本年度抽取（未作废、未被替补）的企业。层的企业数为本年度各次抽取对象库中该层的企业，行业和区域按名录中的在册企业统计。</p>
${coverageSection('按抽取层', r.coverage.byStratum, '层')}
${coverageSection('按行业', r.coverage.byIndustry, '行业')}
${coverageSection('按区域', r.coverage.byRegion, '区域')}
<h3>${r.neverChecked.from}—${r.neverChecked.to}年均未被检查的企业（${r.neverChecked.enterprises.length}家）</h3>
<p class="muted">三年内既未被本级抽中，也没有检查记录（含上级检查）的在册企业。</p>
${
  r.neverChecked.enterprises.length
    ? html`${table(
        [{ label: '统一社会信用代码', cls: 'id' }, { label: '企业名称' }, { label: '行业' }, { label: '区域' }],
        r.neverChecked.enterprises.slice(0, LIST_LIMIT).map((e) => [e.uscc, e.name, e.industry, e.region]),
      )}${more(r.neverChecked.enterprises.length)}`
    : html`<p>无。</p>`
}

<h2>二、重复检查与超过年度上限</h2>
<p class="muted">按《国务院办公厅关于严格规范涉企行政检查的意见》（国办发〔2024〕54号）对重复检查、过频检查作出提示：本年度被检查两次及以上的企业，以及检查次数超过抽查计划年度上限的企业（信用等级或标记属于计划豁免范围的除外），逐条列出所依据的抽取和检查记录。</p>
${
  r.repeats.length
    ? table(
        [
          { label: '企业' },
          { label: '检查次数', cls: 'num' },
          { label: '年度上限', cls: 'num' },
          { label: '提示' },
          { label: '检查记录', cls: 'wide' },
        ],
        r.repeats.map((x) => [
          html`${x.name}<br><span class="id">${x.uscc}</span>`,
          x.count,
          x.cap ?? '-',
          x.overCap ? html`<strong>超过年度上限</strong>` : x.exemptIn.length ? '重复检查（豁免上限）' : '重复检查',
          html`${x.checks.map(
            (c) =>
              html`${officialDate(c.date)}　${
                c.kind === 'draw'
                  ? `本级抽查 ${c.planId}（第${c.drawId}次抽取，${c.stratum}）`
                  : `${c.source}${c.task ? `：${c.task}` : ''}（检查记录）`
              }<br>`,
          )}`,
        ]),
      )
    : html`<p>本年度没有重复检查或超过上限的企业。</p>`
}

<h2>三、执法检查人员工作量</h2>
<p>本年度共${wl.seats}个检查组席位，${wl.inspectors.length}名在册人员。${
    wl.spread
      ? `执法人员人均${wl.spread.mean}次，最少${wl.spread.min}次，最多${wl.spread.max}次，标准差${wl.spread.sd}。`
      : ''
  }${wl.idle.length ? `${wl.idle.length}人本年度未被选派。` : ''}</p>
<div class="pair">${barChart(
    '每人被选派次数',
    wl.inspectors.map((i) => ({ label: i.name || i.certNo, value: i.seats, warn: i.seats === 0 })),
  )}
${figures(
  [{ label: '姓名' }, { label: '所在单位' }, { label: '执法证号', cls: 'id' }, { label: '选派次数', cls: 'num' }],
  wl.inspectors.map((i) => [i.name, i.unit, i.certNo, i.seats]),
)}</div>

<h2>四、检查结果公开时效</h2>
<p>检查结果应在检查后规定的工作日内公开（高青 9.1）。${
    pub.median !== null ? `已公开的结果从检查到公开用时中位数${pub.median}个工作日，最长${pub.longest}个工作日。` : ''
  }</p>
${barChart(
  '结果公开情况',
  (Object.keys(PUBLISH_STATUS) as PublishStatus[])
    .filter((k) => pub.counts[k] > 0 || k === 'on-time')
    .map((k) => ({ label: PUBLISH_STATUS[k], value: pub.counts[k], warn: k === 'late' || k === 'overdue' })),
)}
${
  late.length
    ? table(
        [
          { label: '任务' },
          { label: '企业' },
          { label: '检查日期', cls: 'nowrap' },
          { label: '公开期限', cls: 'nowrap' },
          { label: '公开日期', cls: 'nowrap' },
          { label: '情况' },
        ],
        late.map((x) => [
          x.planId,
          x.name,
          x.checkDate,
          x.deadline ?? '-',
          x.publishedOn ?? '-',
          PUBLISH_STATUS[x.status],
        ]),
      )
    : html`<p>没有逾期公开的结果。</p>`
}

<h2>五、异议与更正</h2>
<p>收到异议${r.objections.count}件，已复核${r.objections.reviewed}件，已答复${r.objections.answered}件${
    Object.keys(r.objections.decisions).length
      ? `（${Object.entries(r.objections.decisions)
          .map(([k, n]) => `${DECISION_NAMES[k] ?? k}${n}件`)
          .join('，')}）`
      : ''
  }。更正检查结果${r.corrections.count}次，其中经负责人签字确认${r.corrections.approved}次（高青 9.1），已公开${r.corrections.published}次。</p>
${
  r.corrections.rows.length
    ? table(
        [{ label: '任务' }, { label: '统一社会信用代码', cls: 'id' }, { label: '登记日期' }, { label: '签字确认' }],
        r.corrections.rows.map((c) => [
          c.planId,
          c.uscc,
          c.recordedOn,
          c.approvedBy ? `${c.approvedBy}（${c.approvedOn ?? ''}）` : '未记录',
        ]),
      )
    : ''
}

${r.annual ? plannedDone(r.annual) : ''}
<h2>六、各次抽取的入选概率</h2>
<p class="muted">每次抽取中，同一层的每家企业被抽中的概率都等于 n/对象库数（按 SHA-256 摘要排序抽取，公式和核验方法见核验包）。“实际”为抽取和回避、替补之后的名单。</p>
${
  r.probabilities.length
    ? r.probabilities.map(
        (
          p,
        ) => html`<h3>${p.planTitle}（${p.planId}，${officialDate(p.drawnOn)}抽取${p.status === 'void' ? '，已作废' : ''}）</h3>
<div class="pair">${barChart(
          `${p.planId} 各层入选概率 n/对象库`,
          p.strata.map((s) => ({ label: s.name, value: s.p ?? 0, text: `${pct(s.p)} (${s.selected}/${s.pool})` })),
          1,
        )}
${figures(
  [
    { label: '层' },
    { label: '总数', cls: 'num' },
    { label: '对象库', cls: 'num' },
    { label: '抽取n', cls: 'num' },
    { label: '概率', cls: 'num' },
    { label: '实际抽中', cls: 'num' },
    { label: '备选', cls: 'num' },
    { label: '被替补', cls: 'num' },
  ],
  p.strata.map((s) => [
    s.name,
    s.population,
    s.pool,
    s.selected,
    pct(s.p),
    s.observed.selected,
    s.observed.reserve,
    s.observed.replaced,
  ]),
)}</div>`,
      )
    : html`<p>本年度尚无抽取。</p>`
}`;
}

/** 计划与完成 (issue 18 part 5): the annual plan's strata, periods and estimates beside what the year's draws did. */
function plannedDone(a: NonNullable<YearReport['annual']>): Html {
  const est = (n: number | null) => (n === null ? '—' : n);
  return html`<h2>年度计划执行情况</h2>
<p>年度计划预估抽查企业${est(a.estimated.enterprises)}家${a.estimated.checks === null ? '' : `、${a.estimated.checks}家次`}，实际抽查${a.done.enterprises}家、${a.done.checks}家次。${a.outside.length ? `不在年度计划时间安排内的抽取：${a.outside.join('、')}。` : ''}</p>
${figures(
  [
    { label: '类别' },
    { label: '计划比例', cls: 'num' },
    { label: '计划频次', cls: 'num' },
    { label: '实际抽取', cls: 'num' },
    { label: '预估', cls: 'num' },
    { label: '实际企业', cls: 'num' },
  ],
  a.strata.map((s) => [s.name, s.ratio, s.frequency, s.draws, est(s.estimated), s.checked]),
)}
${figures(
  [{ label: '阶段' }, { label: '时间' }, { label: '实际抽取的计划' }],
  a.schedule.map((e) => [e.name, `${e.start}至${e.end}`, e.plans.length ? e.plans.join('、') : '无']),
)}`;
}

/** The extra CSS the report needs (charts, figure tiles). */
export const REPORT_CSS = CHART_CSS;

/** The report as a standalone page (`ssj report --format html`). */
export function reportPage(d: ReportPageData): string {
  return page({
    title: `${d.report.year}${REPORT_TITLE} - ${d.office}`,
    office: d.office,
    subtitle: `${d.report.year}年度“双随机、一公开”监管信息公开`,
    body: reportBody(d),
    footer: html`本页由 ssj 于${officialDate(d.report.today)}生成，不含脚本和外部资源，可离线阅读和打印。`,
    css: REPORT_CSS,
  });
}
