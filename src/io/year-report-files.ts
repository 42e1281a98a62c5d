import type { CoverageRow, YearReport } from '../core/year-report.js';
import type { CsvColumn } from './csv-write.js';
import { xlsxBytes, type SheetSpec } from './xlsx-write.js';
import { DECISION_NAMES, pct, PUBLISH_STATUS, type ReportPageData } from './year-report-html.js';

/** The year report as JSON (every figure and row, for other tools) and as an .xlsx workbook for the office. */

export const REPORT_FORMATS = ['text', 'html', 'json', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Stable JSON: the report as computed, keys in the order core/year-report.ts builds them. */
export function reportJson(d: ReportPageData): string {
  return `${JSON.stringify({ format: 'ssj-year-report/1', office: d.office, withheld: d.withheld, ...d.report }, null, 2)}\n`;
}

// Sheets of different row types go into one workbook: each is checked against its own rows where it is built.
const sheet = <R>(s: SheetSpec<R>): SheetSpec<unknown> => s as unknown as SheetSpec<unknown>;
const col = <R>(header: string, value: CsvColumn<R>['value'], code = false): CsvColumn<R> => ({ header, value, code });

function coverageSheet(name: string, label: string, rows: CoverageRow[]): SheetSpec<unknown> {
  return sheet<CoverageRow>({
    name,
    columns: [
      col(label, (r) => r.key),
      col('企业数', (r) => r.members),
      col('已检查', (r) => r.checked),
      col('覆盖率', (r) => pct(r.share)),
    ],
    rows,
  });
}

export async function reportXlsx(d: ReportPageData): Promise<Buffer> {
  const r = d.report;
  const t = r.totals;
  const summary: [string, string | number][] = [
    ['年度', r.year],
    ['统计截至', r.today],
    ['在册检查对象', t.enterprises],
    ['本级抽查覆盖企业', t.checkedOwn],
    ['含上级检查的覆盖企业', t.checkedAny],
    ['计划数', t.plans],
    ['抽取次数（有效）', t.draws],
    ['作废的抽取', t.voidDraws],
    ['本级抽查企业次数', t.checks],
    ['检查记录（含上级）次数', t.historyChecks],
    ['检查组席位', t.seats],
    ['重复检查企业', r.repeats.length],
    ['超过年度上限企业', r.repeats.filter((x) => x.overCap).length],
    ['已登记结果', t.results],
    ['已公开结果', t.published],
    ...Object.entries(PUBLISH_STATUS).map(
      ([k, label]) => [label, r.publishing.counts[k as keyof typeof PUBLISH_STATUS]] as [string, number],
    ),
    ['公开用时中位数（工作日）', r.publishing.median ?? '-'],
    ['公开用时最长（工作日）', r.publishing.longest ?? '-'],
    ['异议', r.objections.count],
    ...Object.entries(r.objections.decisions).map(([k, n]) => [DECISION_NAMES[k] ?? k, n] as [string, number]),
    ['更正', r.corrections.count],
    ['更正经负责人签字确认', r.corrections.approved],
    ['执法人员人均选派', r.workload.spread?.mean ?? '-'],
    ['最少', r.workload.spread?.min ?? '-'],
    ['最多', r.workload.spread?.max ?? '-'],
    ['标准差', r.workload.spread?.sd ?? '-'],
    ['未被选派人数', r.workload.idle.length],
    ...d.withheld.map((w) => [`暗查暗访未计入：${w.planId}`, `${w.until}后公布`] as [string, string]),
  ];
  type Check = {
    uscc: string;
    name: string;
    count: number;
    cap: string;
    warning: string;
  } & YearReport['repeats'][number]['checks'][number];
  const checks: Check[] = r.repeats.flatMap((x) =>
    x.checks.map((c) => ({
      ...c,
      uscc: x.uscc,
      name: x.name,
      count: x.count,
      cap: x.cap === null ? '-' : String(x.cap),
      warning: x.overCap ? '超过年度上限' : '重复检查',
    })),
  );
  type Prob = YearReport['probabilities'][number]['strata'][number] & { draw: YearReport['probabilities'][number] };
  const probs: Prob[] = r.probabilities.flatMap((p) => p.strata.map((s) => ({ ...s, draw: p })));
  return xlsxBytes<unknown>([
    sheet<[string, string | number]>({
      name: '概况',
      columns: [col('项目', (x) => x[0]), col('数值', (x) => x[1])],
      rows: summary,
    }),
    coverageSheet('覆盖-按层', '层', r.coverage.byStratum),
    coverageSheet('覆盖-按行业', '行业', r.coverage.byIndustry),
    coverageSheet('覆盖-按区域', '区域', r.coverage.byRegion),
    sheet<YearReport['neverChecked']['enterprises'][number]>({
      name: `${r.neverChecked.from}-${r.neverChecked.to}年未检查`,
      columns: [
        col('统一社会信用代码', (e) => e.uscc, true),
        col('企业名称', (e) => e.name),
        col('行业', (e) => e.industry),
        col('区域', (e) => e.region),
      ],
      rows: r.neverChecked.enterprises,
    }),
    sheet<Check>({
      name: '重复与超上限',
      columns: [
        col('统一社会信用代码', (c) => c.uscc, true),
        col('企业名称', (c) => c.name),
        col('检查次数', (c) => c.count),
        col('年度上限', (c) => c.cap),
        col('提示', (c) => c.warning),
        col('日期', (c) => c.date),
        col('来源', (c) => (c.kind === 'draw' ? '本级抽查' : '检查记录')),
        col('计划', (c) => c.planId ?? '', true),
        col('抽取编号', (c) => c.drawId ?? ''),
        col('层', (c) => c.stratum ?? ''),
        col('检查机关', (c) => c.source ?? ''),
        col('任务', (c) => c.task ?? ''),
      ],
      rows: checks,
    }),
    sheet<YearReport['workload']['inspectors'][number]>({
      name: '人员工作量',
      columns: [
        col('执法证号', (i) => i.certNo, true),
        col('姓名', (i) => i.name),
        col('所在单位', (i) => i.unit),
        col('类别', (i) => (i.kind === 'expert' ? '专家' : '执法人员')),
        col('选派次数', (i) => i.seats),
      ],
      rows: r.workload.inspectors,
    }),
    sheet<YearReport['publishing']['rows'][number]>({
      name: '公开时效',
      columns: [
        col('计划', (x) => x.planId, true),
        col('统一社会信用代码', (x) => x.uscc, true),
        col('企业名称', (x) => x.name),
        col('检查日期', (x) => x.checkDate),
        col('期限（工作日）', (x) => x.resultDays),
        col('公开期限', (x) => x.deadline ?? ''),
        col('公开日期', (x) => x.publishedOn ?? ''),
        col('用时（工作日）', (x) => x.workdays ?? ''),
        col('情况', (x) => PUBLISH_STATUS[x.status]),
      ],
      rows: r.publishing.rows,
    }),
    sheet<YearReport['corrections']['rows'][number]>({
      name: '更正',
      columns: [
        col('计划', (c) => c.planId, true),
        col('统一社会信用代码', (c) => c.uscc, true),
        col('登记日期', (c) => c.recordedOn),
        col('签字确认人', (c) => c.approvedBy ?? ''),
        col('确认日期', (c) => c.approvedOn ?? ''),
        col('已公开', (c) => (c.published ? '是' : '否')),
      ],
      rows: r.corrections.rows,
    }),
    sheet<YearReport['objectionRows'][number]>({
      name: '异议',
      columns: [
        col('计划', (o) => o.planId, true),
        col('统一社会信用代码', (o) => o.uscc, true),
        col('收到日期', (o) => o.received),
        col('复核决定', (o) => (o.decision ? (DECISION_NAMES[o.decision] ?? o.decision) : '')),
        col('复核日期', (o) => o.reviewedOn ?? ''),
        col('答复日期', (o) => o.answeredOn ?? ''),
      ],
      rows: r.objectionRows,
    }),
    ...(r.annual
      ? [
          sheet<NonNullable<YearReport['annual']>['strata'][number]>({
            name: '年度计划执行',
            columns: [
              col('类别', (x) => x.name),
              col('计划比例', (x) => x.ratio),
              col('计划频次', (x) => x.frequency),
              col('实际抽取', (x) => x.draws),
              col('预估企业', (x) => x.estimated ?? ''),
              col('实际企业', (x) => x.checked),
            ],
            rows: r.annual.strata,
          }),
        ]
      : []),
    sheet<Prob>({
      name: '入选概率',
      columns: [
        col('计划', (p) => p.draw.planId, true),
        col('抽取编号', (p) => p.draw.drawId),
        col('抽取日期', (p) => p.draw.drawnOn),
        col('状态', (p) => (p.draw.status === 'void' ? '已作废' : '有效')),
        col('层', (p) => p.name),
        col('总数', (p) => p.population),
        col('对象库', (p) => p.pool),
        col('抽取n', (p) => p.selected),
        col('概率n/对象库', (p) => p.p ?? ''),
        col('实际抽中', (p) => p.observed.selected),
        col('备选', (p) => p.observed.reserve),
        col('被替补', (p) => p.observed.replaced),
      ],
      rows: probs,
    }),
  ]);
}
