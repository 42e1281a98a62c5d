import { zipBytes } from './zip.js';
import { sha256Hex } from '../core/hash.js';
import type { Plan } from '../domain/plan.js';
import { teamShapeText } from './team-text.js';
import {
  announcementBody,
  announcementCsv,
  capText,
  isDirected,
  ruleText,
  scopeText,
  TITLE as TASK_TITLE,
  type AnnouncementData,
} from './announcement.js';
import { officialDate, officialDateTime, officialMonth, officialRange } from './dates.js';
import { facts, html, page, table, type Content, type Html } from './html.js';
import { RESULTS_TITLE, resultsBody, resultsCsv, type ResultsData } from './results-export.js';
import { REPORT_CSS, REPORT_TITLE, reportBody, type ReportPageData } from './year-report-html.js';
import { ANNUAL_TITLE, annualBody } from './annual-plan.js';
import type { AnnualPlan } from '../domain/annual-plan.js';

/**
 * The public website of one year (`ssj export site`): the four sections the provincial portals use (抽查事项清单,
 * 抽查计划公告, 抽查任务公告, 抽查结果公告) and the inspector roster (执法检查人员名录), as plain HTML files with
 * inline CSS, no scripts and no external resources. Every page works offline, on a 375-px phone and on paper.
 * Pure: SiteData in, file path → bytes out; the command gathers the data and writes the bundles.
 */

export interface SiteItem {
  code: string;
  name: string;
  content: string;
  basis: string;
  industries: string;
  method: string;
  category: string;
}

/** Name, unit and 执法证号: all the roster publishes (no ID number, phone, gender or address). */
export interface SiteInspector {
  certNo: string;
  name: string;
  unit: string;
  kind: string;
}

export interface SitePlan {
  plan: Plan;
  status: 'draft' | 'frozen' | 'drawn' | 'withdrawn';
  /** Why and when a withdrawn plan was withdrawn (#15): the site says so instead of "已冻结，待抽取" for good. */
  withdrawal?: { reason: string; at: string } | null;
  freeze: { seedSource: string; frozenAt: string; poolHash: string } | null;
  /** The publishable announcement (already through forPublication), when the plan is drawn. */
  announcement: AnnouncementData | null;
  /** The publishable results of the plan, when it is drawn. */
  results: ResultsData | null;
}

export interface SiteData {
  office: string;
  year: number;
  /** Beijing date of the export. */
  generatedOn: string;
  /** The audit chain head the site was made from (printed on the index page; each task and results page has its own). */
  chainHead: { seq: number; hash: string };
  items: SiteItem[];
  inspectors: SiteInspector[];
  plans: SitePlan[];
  months: ResultsData[];
  /** docs/verify.py, copied into the site as it is. */
  verifier: Buffer;
  /** The year in numbers (report.html, src/io/year-report-html.ts); absent = no report page. */
  report?: ReportPageData;
  /** The year's annual plan (annual.html, src/io/annual-plan.ts); absent when none is recorded. */
  annual?: AnnualPlan | null;
}

interface Section {
  file: string;
  title: string;
  blurb: string;
}

export const SECTIONS: readonly Section[] = [
  { file: 'items.html', title: '抽查事项清单', blurb: '本单位依法实施随机抽查的事项、检查内容和依据。' },
  {
    file: 'plans.html',
    title: '抽查计划公告',
    blurb: '本年度抽查计划：范围、比例、检查时间，以及抽取前公布的随机种子来源和对象库哈希。',
  },
  {
    file: 'tasks.html',
    title: '抽查任务公告',
    blurb: '每次抽取的结果：被抽中的检查对象、检查组和检查事项，附核验包。',
  },
  { file: 'results.html', title: '抽查结果公告', blurb: '检查结果及后续处置，按任务和按月份公布。' },
  {
    file: 'inspectors.html',
    title: '执法检查人员名录',
    blurb: '参与随机抽查的执法检查人员和专家：姓名、所在单位、执法证号。',
  },
];

/**
 * A file-system and URL safe name for a plan id. Ids are letters, digits and `_.-` (domain/plan.ts); a plain
 * ASCII id is used as is, anything else (Chinese, a leading dot such as "..") becomes "plan-" and a short hash.
 */
export function planSlug(id: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/.test(id) ? id : `plan-${sha256Hex(id).slice(0, 12)}`;
}

export const taskPage = (id: string) => `tasks/${planSlug(id)}.html`;
export const taskCsv = (id: string) => `tasks/${planSlug(id)}.csv`;
export const resultPage = (id: string) => `results/${planSlug(id)}.html`;
export const resultCsv = (id: string) => `results/${planSlug(id)}.csv`;
export const monthPage = (m: string) => `results/${m}.html`;
export const monthCsv = (m: string) => `results/${m}.csv`;
export const bundleDir = (id: string) => `bundles/${planSlug(id)}`;
/** The year report page (issue 18 part 6), linked from the index page. */
export const REPORT_PAGE = 'report.html';
/** The annual plan page (issue 18 part 5), linked from the index page. */
export const ANNUAL_PAGE = 'annual.html';

/**
 * Could an export of the site have written this entry (relative path; folders end with '/')? Anything else in an
 * existing site folder is the office's own, and the export refuses to replace the folder rather than lose it.
 */
export function isSiteEntry(entry: string): boolean {
  return (
    /^(index|items|plans|tasks|results|inspectors|report|annual)\.html$/.test(entry) ||
    entry === VERIFIER_FILE ||
    /^(tasks|results|bundles)\/$/.test(entry) ||
    /^(tasks|results)\/[^/]+\.(html|csv)$/.test(entry) ||
    /^bundles\/[^/]+(\/|\.zip)$/.test(entry) ||
    /^bundles\/[^/]+\/[a-z-]+\.(csv|json)$/.test(entry)
  );
}

/** A link between site files: `from` and `to` are paths relative to the site root. */
export function rel(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return '../'.repeat(depth) + to.split('/').map(encodeURIComponent).join('/');
}

function nav(from: string): Html {
  const links = [{ file: 'index.html', title: '首页' }, ...SECTIONS];
  const current = from.startsWith('tasks/') ? 'tasks.html' : from.startsWith('results/') ? 'results.html' : from;
  return html`<nav class="site" aria-label="栏目"><ul>${links.map(
    (l) =>
      html`<li><a href="${rel(from, l.file)}"${l.file === current ? html` aria-current="page"` : ''}>${l.title}</a></li>`,
  )}</ul></nav>
`;
}

const STATUS: Record<SitePlan['status'], string> = {
  draft: '计划（尚未冻结，可能调整）',
  frozen: '已冻结，待抽取',
  drawn: '已抽取',
  withdrawn: '已撤回（抽取结果作废）',
};

function shell(d: SiteData, from: string, title: string, body: Html, css?: string): string {
  return page({
    css,
    title: `${title} - ${d.office}`,
    office: d.office,
    subtitle: `${d.year}年度“双随机、一公开”监管信息公开`,
    nav: nav(from),
    body,
    footer: html`本页由 ssj 于${officialDate(d.generatedOn)}生成，可离线阅读和打印。<a href="${rel(from, 'index.html')}">返回首页</a>`,
  });
}

// ---------------------------------------------------------------- pages

/** A table, or 暂无 when there is nothing to list. */
function tableOrNone(columns: Parameters<typeof table>[0], rows: Parameters<typeof table>[1]): Html {
  return rows.length ? table(columns, rows) : html`<p>暂无。</p>`;
}

function indexPage(d: SiteData): string {
  const drawn = d.plans.filter((p) => p.announcement);
  const counts: Record<string, string> = {
    'items.html': `${d.items.length}项`,
    'plans.html': `${d.plans.length}个计划`,
    'tasks.html': `${drawn.length}次抽取`,
    'results.html': `${d.plans.reduce((n, p) => n + (p.results?.results.length ?? 0), 0)}条结果`,
    'inspectors.html': `${d.inspectors.length}人`,
  };
  return shell(
    d,
    'index.html',
    `${d.year}年度“双随机、一公开”抽查信息公开`,
    html`<h1>${d.year}年度“双随机、一公开”抽查信息公开</h1>
<p class="subtitle">${d.office}</p>
<p>随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开。本站公布的每次抽取都附有核验包：任何人都可以用公开的随机种子和数据重新计算，得到与公布结果完全相同的名单。核验程序 <a href="${VERIFIER_FILE}">${VERIFIER_FILE}</a>（Python 3，仅用标准库）：下载核验包目录后运行 <code>python3 ${VERIFIER_FILE} 核验包目录</code>。</p>
${table(
  [{ label: '栏目' }, { label: '内容' }, { label: '数量', cls: 'num' }],
  SECTIONS.map((s) => [html`<a href="${rel('index.html', s.file)}">${s.title}</a>`, s.blurb, counts[s.file] ?? '']),
)}
${
  d.annual
    ? html`<p><a href="${ANNUAL_PAGE}">${d.year}${ANNUAL_TITLE}</a>：抽查范围、比例和频次、时间安排、预估数量及备案情况。</p>
`
    : ''
}${
  d.report
    ? html`<p><a href="${REPORT_PAGE}">${d.year}${REPORT_TITLE}</a>：检查覆盖、重复检查提示、人员工作量、结果公开时效和各次抽取的入选概率。</p>
`
    : ''
}<p class="muted">生成本站时抽取系统审计链头：第${d.chainHead.seq}条 <span class="hash">${d.chainHead.hash}</span>。此后对抽取、回避、检查结果等记录的任何改写都会使其无法对上。</p>
${drawn.length ? html`<h2>最新抽查任务</h2><ul>${drawn.map((p) => html`<li><a href="${rel('index.html', taskPage(p.plan.id))}">${p.plan.title}</a>（${officialRange(p.plan.window.start, p.plan.window.end)}）</li>`)}</ul>` : ''}`,
  );
}

function itemsPage(d: SiteData): string {
  return shell(
    d,
    'items.html',
    '抽查事项清单',
    html`<h1>随机抽查事项清单</h1>
<p class="subtitle">共${d.items.length}项</p>
${tableOrNone(
  [
    { label: '事项编码', cls: 'id' },
    { label: '事项名称' },
    { label: '检查内容' },
    { label: '检查依据' },
    { label: '适用行业' },
    { label: '检查方式' },
    { label: '事项类别' },
  ],
  d.items.map((i) => [
    i.code,
    i.name,
    i.content,
    i.basis,
    i.industries.trim() === '*' || !i.industries.trim() ? '全部行业' : i.industries,
    i.method,
    i.category,
  ]),
)}`,
  );
}

function planSection(p: SitePlan): Html {
  const pl = p.plan;
  const rows: (readonly [string, Content])[] = [
    ['计划编号', pl.id],
    ['状态', STATUS[p.status]],
    ...(p.withdrawal
      ? [['撤回', `${officialDateTime(p.withdrawal.at)}撤回。原因：${p.withdrawal.reason}`] as const]
      : []),
    ['检查时间', officialRange(pl.window.start, pl.window.end)],
    [
      '抽查方式',
      `${isDirected(pl.strata) ? '定向' : '不定向'}抽查${pl.publication.unannounced ? '，暗查暗访（名单在检查结束后公布）' : ''}`,
    ],
    ['检查组', teamShapeText(pl, false)],
    ['检查事项', `每家企业随机抽取${pl.items.perEnterprise}项`],
    ['年度抽查上限', capText(pl.cap)],
  ];
  if (p.freeze)
    rows.push(
      ['名录冻结时间', officialDateTime(p.freeze.frozenAt)],
      ['随机种子来源', html`将采用：${p.freeze.seedSource}`],
      ['对象库哈希', html`<span class="hash">${p.freeze.poolHash}</span>`],
    );
  if (p.announcement) rows.push(['抽取结果', html`<a href="${rel('plans.html', taskPage(pl.id))}">${TASK_TITLE}</a>`]);
  return html`<section>
<h2>${pl.title}</h2>
${facts(rows)}
${table(
  [{ label: '层' }, { label: '范围' }, { label: '抽取规则' }],
  pl.strata.map((s) => [s.name, scopeText(s.where), ruleText(s)]),
)}
</section>`;
}

function plansPage(d: SiteData): string {
  return shell(
    d,
    'plans.html',
    '抽查计划公告',
    html`<h1>${d.year}年度抽查计划公告</h1>
<p class="subtitle">共${d.plans.length}个计划</p>
<p class="muted">冻结：抽取前固定可抽对象名录，并公布其哈希和将要采用的公开随机数来源（如彩票开奖号码）。种子产生后任何人都可以核对名录未被改动。</p>
${d.plans.length ? d.plans.map(planSection) : html`<p>暂无。</p>`}`,
  );
}

function tasksPage(d: SiteData): string {
  const drawn = d.plans.filter((p) => p.announcement);
  return shell(
    d,
    'tasks.html',
    '抽查任务公告',
    html`<h1>抽查任务公告</h1>
<p class="subtitle">${d.year}年度，共${drawn.length}次抽取</p>
${tableOrNone(
  [{ label: '任务' }, { label: '检查时间' }, { label: '抽中', cls: 'num' }, { label: '下载' }],
  drawn.map((p) => [
    html`<a href="${rel('tasks.html', taskPage(p.plan.id))}">${p.plan.title}</a>${p.announcement!.withheld ? html`<br><span class="muted">暗查暗访，名单于${officialDate(p.plan.window.end)}后公布</span>` : ''}`,
    officialRange(p.plan.window.start, p.plan.window.end),
    p.announcement!.strata.reduce((n, s) => n + s.selected, 0),
    html`<a href="${rel('tasks.html', taskCsv(p.plan.id))}">CSV</a>${p.announcement!.bundle ? html` · <a href="${rel('tasks.html', `${bundleDir(p.plan.id)}.zip`)}">核验包</a>` : ''}`,
  ]),
)}`,
  );
}

function resultsIndex(d: SiteData): string {
  const withResults = d.plans.filter((p) => p.results);
  return shell(
    d,
    'results.html',
    '抽查结果公告',
    html`<h1>抽查结果公告</h1>
<p class="subtitle">${d.year}年度</p>
<h2>按抽查任务</h2>
${tableOrNone(
  [{ label: '任务' }, { label: '结果', cls: 'num' }, { label: '下载' }],
  withResults.map((p) => [
    html`<a href="${rel('results.html', resultPage(p.plan.id))}">${p.plan.title}</a>`,
    p.results!.results.length,
    html`<a href="${rel('results.html', resultCsv(p.plan.id))}">CSV</a>`,
  ]),
)}
<h2>按月份</h2>
${tableOrNone(
  [{ label: '月份' }, { label: '结果', cls: 'num' }, { label: '下载' }],
  d.months.map((m) => {
    const month = m.scope.kind === 'month' ? m.scope.month : '';
    return [
      html`<a href="${rel('results.html', monthPage(month))}">${officialMonth(month)}</a>`,
      m.results.length,
      html`<a href="${rel('results.html', monthCsv(month))}">CSV</a>`,
    ];
  }),
)}`,
  );
}

function inspectorsPage(d: SiteData): string {
  const groups = [
    { title: '执法检查人员', rows: d.inspectors.filter((i) => i.kind !== 'expert'), code: '执法证号' },
    { title: '专家', rows: d.inspectors.filter((i) => i.kind === 'expert'), code: '编号' },
  ].filter((g) => g.rows.length);
  return shell(
    d,
    'inspectors.html',
    '执法检查人员名录',
    html`<h1>执法检查人员名录</h1>
<p class="subtitle">共${d.inspectors.length}人</p>
${
  groups.length
    ? groups.map(
        (g) => html`<h2>${g.title}（${g.rows.length}人）</h2>
${table(
  [{ label: '姓名' }, { label: '所在单位' }, { label: g.code, cls: 'id' }],
  g.rows.map((i) => [i.name, i.unit, i.certNo]),
)}`,
      )
    : html`<p>暂无。</p>`
}`,
  );
}

// ---------------------------------------------------------------- the whole site

/** The reference verifier (docs/verify.py), published beside the bundles so the public needs nothing else. */
export const VERIFIER_FILE = 'verify.py';

/** Every file of the site except the bundles (the command writes those with writeBundle), by path. */
export function renderSite(d: SiteData): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const put = (path: string, content: string | Buffer) =>
    files.set(path, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  put(VERIFIER_FILE, d.verifier);
  put('index.html', indexPage(d));
  put('items.html', itemsPage(d));
  put('plans.html', plansPage(d));
  put('tasks.html', tasksPage(d));
  put('results.html', resultsIndex(d));
  put('inspectors.html', inspectorsPage(d));
  if (d.annual) put(ANNUAL_PAGE, shell(d, ANNUAL_PAGE, `${d.year}${ANNUAL_TITLE}`, annualBody(d.annual)));
  if (d.report) put(REPORT_PAGE, shell(d, REPORT_PAGE, `${d.year}${REPORT_TITLE}`, reportBody(d.report), REPORT_CSS));
  for (const p of d.plans) {
    if (p.announcement) {
      const a = p.announcement.bundle
        ? {
            ...p.announcement,
            bundle: {
              ...p.announcement.bundle,
              dir: rel(taskPage(p.plan.id), p.announcement.bundle.dir),
              ...(p.announcement.bundle.zip ? { zip: rel(taskPage(p.plan.id), p.announcement.bundle.zip) } : {}),
            },
          }
        : p.announcement;
      put(taskPage(p.plan.id), shell(d, taskPage(p.plan.id), `${TASK_TITLE}：${p.plan.title}`, announcementBody(a)));
      put(taskCsv(p.plan.id), announcementCsv(p.announcement));
    }
    if (p.results) {
      const from = resultPage(p.plan.id);
      put(
        from,
        shell(
          d,
          from,
          `${RESULTS_TITLE}：${p.plan.title}`,
          resultsBody(p.results, { csv: rel(from, resultCsv(p.plan.id)) }),
        ),
      );
      put(resultCsv(p.plan.id), resultsCsv(p.results));
    }
  }
  for (const m of d.months) {
    if (m.scope.kind !== 'month') continue;
    const from = monthPage(m.scope.month);
    put(
      from,
      shell(
        d,
        from,
        `${RESULTS_TITLE}：${officialMonth(m.scope.month)}`,
        resultsBody(m, { csv: rel(from, monthCsv(m.scope.month)) }),
      ),
    );
    put(monthCsv(m.scope.month), resultsCsv(m));
  }
  return files;
}

/**
 * One .zip per bundle folder (src/io/zip.ts), from the site's bundle files (site path → text): `bundles/P.zip`
 * holding `P/manifest.json` … so that unzipping gives the folder the verifiers read.
 */
export function bundleZips(bundles: ReadonlyMap<string, string>): Map<string, Buffer> {
  const byDir = new Map<string, { name: string; data: string }[]>();
  for (const [path, text] of bundles) {
    const cut = path.lastIndexOf('/');
    const dir = path.slice(0, cut);
    const folder = dir.slice(dir.lastIndexOf('/') + 1);
    if (!byDir.has(dir)) byDir.set(dir, []);
    byDir.get(dir)!.push({ name: `${folder}/${path.slice(cut + 1)}`, data: text });
  }
  return new Map([...byDir].map(([dir, entries]) => [`${dir}.zip`, zipBytes(entries)]));
}
