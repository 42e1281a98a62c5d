import type { Plan, Stratum, WhereField } from '../domain/plan.js';
import type { EventType } from '../core/types.js';
import { teamShapeText, type TeamShape } from './team-text.js';
import { type GroupedMember, groupedTeamText, idLabel, isGrouped, memberWithId, teamGroups } from './team-groups.js';
import { csvBytes, type CsvColumn, type CsvEncoding } from './csv-write.js';
import { addDays, beijingDate, officialDate, officialDateTime, officialRange } from './dates.js';
import { cleanText, facts, html, join, page, table, type Html } from './html.js';

/**
 * 抽查任务公告: what a draw selected, published before the checks (汨罗: 15 days ahead) unless the plan is
 * unannounced (暗查暗访). Pure functions from an AnnouncementData object to HTML, Markdown, plain text or CSV;
 * the command gathers the data (src/cli/commands/export-announcement.ts).
 *
 * Privacy: the data object holds inspectors by name and 执法证号 only, enterprises by name and USCC only. It is
 * built from the draw's own snapshot, never from roster rows that carry ID numbers, phones or addresses.
 */

/** A member of a published team: unit from the draw's inspector pool; SSJ-2 adds the seat group and kind. */
export type TeamMember = GroupedMember;

export interface AnnouncedEnterprise {
  stratum: string;
  /** Position in the stratum's ticket order (1 = lowest ticket). */
  rank: number;
  uscc: string;
  name: string;
  ticket: string;
  /** In seat order; seat 1 is the leader (组长). */
  team: TeamMember[];
  items: { code: string; name: string }[];
}

export interface AnnouncedStratum {
  name: string;
  where: Stratum['where'];
  ratio?: string;
  count?: number;
  min: number;
  population: number;
  pool: number;
  selected: number;
  reserves: number;
}

export interface AnnouncedEvent {
  seq: number;
  /** SSJ-2 adds reassign (人员调整, 高青 7.3). */
  type: EventType | 'reassign';
  /** The protocol whose ticket orders the sentence names (SSJ-1 when absent: drawn before SSJ-2). */
  protocol?: string | undefined;
  /** ISO time it was recorded. */
  at: string;
  enterprise: { uscc: string; name: string };
  inspector: TeamMember | null;
  /** The newcomer: the replacing inspector (recusal), the partner (swap). */
  replacement: TeamMember | null;
  /** The other enterprise: the swap partner's, or the reserve that replaced a deregistered enterprise. */
  otherEnterprise: { uscc: string; name: string } | null;
  /** Fresh public seed of a recusal ('' = next in the original order). */
  freshSeed: string;
  /** As recorded; `ssj recuse` and `ssj replace` tell the officer it is published (events.csv of the bundle has it too). */
  reason: string;
}

export interface AnnouncementData {
  office: string;
  plan: {
    id: string;
    title: string;
    year: number;
    window: { start: string; end: string };
    unannounced: boolean;
    cap: Plan['cap'];
    teams: TeamShape;
    itemsPerEnterprise: number;
  };
  strata: AnnouncedStratum[];
  draw: {
    algorithm: string;
    seed: string;
    seedSource: string;
    frozenAt: string | null;
    drawnAt: string;
    poolHash: string;
    redrawReason: string | null;
    /** Earlier draws of this plan that were voided (a redraw keeps both on record). */
    voided: { drawnAt: string; seed: string; reason: string }[];
    /**
     * SSJ-2 pool after freeze: how many enterprises left the frozen pool and the plans (frozen earlier) that capped
     * them. Counts and plans only: the list is in the bundle, and naming the enterprises here would publish another
     * plan's selection (perhaps unannounced) with this one.
     */
    removed?: { count: number; plans: string[] };
    /** #15: why the plan was drawn without a freeze (--unfrozen --reason); absent for a frozen plan. */
    unfrozenReason?: string;
    /** #15: the seed rule and the secret's commitment pre-announced at freeze (never the secret); absent when none. */
    seedRule?: { kind: string; sources: string[] };
    secretCommitment?: string;
  };
  chainHead: { seq: number; hash: string };
  /** Beijing date the announcement is issued (YYYY-MM-DD): the day of its first publication once there was one. */
  issuedOn: string;
  /**
   * When this draw's announcement was first published (ISO), or null before that: later exports keep its date and
   * chain head, and list what changed since under 更新记录 (DESIGN.md "Nothing is chosen after the seed is known").
   */
  firstPublishedAt?: string | null;
  enterprises: AnnouncedEnterprise[];
  events: AnnouncedEvent[];
  /** Set when names, codes, tickets, teams and events are held back (unannounced plan, window not over). */
  withheld: null | { until: string; enterprises: number; events: number };
  /** Site export only: where the verification bundle files are, relative to the page. */
  bundle?: { dir: string; files: string[]; zip?: string };
}

// ---------------------------------------------------------------- withholding

/** Whether an unannounced plan's selection must still be held back on `today` (Beijing date): until its window has ended. */
export function mustWithhold(plan: { unannounced: boolean; window: { end: string } }, today: string): boolean {
  return plan.unannounced && today <= plan.window.end;
}

/**
 * The publishable view. For an unannounced plan before its window has ended, enterprise names, USCCs, tickets,
 * teams, check items and events are removed from the data itself (so --json cannot leak them either). Tickets go
 * too: with the published seed anyone could compute the ticket of every enterprise in the county and match them.
 * Counts, seed, pool hash and chain head stay.
 */
export function forPublication(d: AnnouncementData, today: string): AnnouncementData {
  if (!mustWithhold(d.plan, today)) return { ...d, withheld: null };
  const { bundle: _bundle, ...rest } = d;
  return {
    ...rest,
    enterprises: [],
    events: [],
    withheld: { until: d.plan.window.end, enterprises: d.enterprises.length, events: d.events.length },
  };
}

// ---------------------------------------------------------------- wording shared by every format

const WHERE_LABELS: Record<WhereField, string> = {
  region: '行政区划',
  industry: '行业类别',
  supervision: '监管类型',
  type: '单位类型',
  risk: '风险等级',
  credit: '信用等级',
};

export const TITLE = '抽查任务公告';

/** "监管类型：重点；行业类别：危险化学品、烟花爆竹", or 全部 for an undirected stratum. */
export function scopeText(where: Stratum['where']): string {
  const parts = Object.entries(where).map(([k, v]) => `${WHERE_LABELS[k as WhereField] ?? k}：${(v ?? []).join('、')}`);
  return parts.length ? parts.join('；') : '全部';
}

export function ruleText(s: Pick<AnnouncedStratum, 'ratio' | 'count' | 'min'>): string {
  if (s.count !== undefined) return `固定${s.count}家`;
  return `按${s.ratio}比例${s.min ? `，至少${s.min}家` : ''}`;
}

export const isDirected = (strata: readonly { where: Stratum['where'] }[]): boolean =>
  strata.some((s) => Object.keys(s.where).length > 0);

export function capText(cap: Plan['cap']): string {
  const exempt = [
    ...cap.exempt.credit.map((c) => `信用等级为${c}的企业`),
    ...cap.exempt.flags.map((f) => `标记为“${f}”的企业`),
  ];
  return `同一企业每年度被抽查不超过${cap.perYear}次${exempt.length ? `（${exempt.join('、')}不受此限）` : ''}；已达上限的企业不进入本次可抽范围。`;
}

/** 姓名（执法证号…）, an expert's number as 专家编号 (team-groups.ts); SSJ-1 members as they were always written. */
const who = (m: TeamMember) => memberWithId(m);
const firm = (e: { uscc: string; name: string }) => `${e.name}（${e.uscc}）`;

/** One sentence per event, saying which rule chose the newcomer, then the recorded reason. */
export function eventText(e: AnnouncedEvent): string {
  return `${eventSentence(e)}${e.reason ? `（原因：${e.reason}）` : ''}。`;
}

function eventSentence(e: AnnouncedEvent): string {
  const day = officialDate(beijingDate(e.at));
  switch (e.type) {
    case 'recusal':
    case 'reassign': {
      const p = e.protocol ?? 'SSJ-1';
      const left = e.type === 'recusal' ? '回避' : '因人员调整不再参加';
      return e.freshSeed
        ? `${day}，${who(e.inspector!)}${left}${firm(e.enterprise)}的检查；以新公开的随机种子“${e.freshSeed}”重新排序（${p} R 签），由排在首位的符合条件人员${who(e.replacement!)}递补`
        : `${day}，${who(e.inspector!)}${left}${firm(e.enterprise)}的检查；按原抽签顺序（${p} I 签），由其后第一位符合条件的人员${who(e.replacement!)}递补`;
    }
    case 'swap':
      return `${day}，${who(e.inspector!)}回避${firm(e.enterprise)}的检查，与${e.otherEnterprise ? firm(e.otherEnterprise) : ''}检查组的${who(e.replacement!)}交换检查对象`;
    case 'replacement':
      return `${day}，${firm(e.enterprise)}不再检查，由本层第一家备选企业${e.otherEnterprise ? firm(e.otherEnterprise) : ''}递补，并按同样规则抽取检查事项和检查组`;
  }
}

export function withheldText(w: NonNullable<AnnouncementData['withheld']>): string {
  return `本次抽查采取暗查暗访方式。依照规定，被检查对象名单暂不公开：${w.enterprises}家被检查对象的名称、统一社会信用代码、抽签值、检查组和检查事项${w.events ? `以及${w.events}项回避、替补记录` : ''}，将于检查时间结束（${officialDate(w.until)}）后公布。本公告先行公布抽取数量、随机种子和对象库哈希，届时可据以核验。`;
}

/** Quote a string for a POSIX shell (single quotes; an embedded ' becomes '\''). */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The ticket check anyone can do with a SHA-256 tool: printf '%s' 'seed|E|planId|uscc' | sha256sum. */
export function ticketCommand(seed: string, planId: string, uscc: string): string {
  return `printf '%s' ${shellQuote(`${seed}|E|${planId}|${uscc}`)} | sha256sum`;
}

export interface VerifyStep {
  text: string;
  code?: string;
  after?: string;
}

export function verifySteps(d: AnnouncementData): VerifyStep[] {
  const bundleWhen = d.withheld
    ? `核验包将于${officialDate(d.withheld.until)}检查时间结束后与名单一并公布。`
    : '核验包（manifest.json、selection.csv、teams.csv 等文件）与本公告一并公布。';
  const steps: VerifyStep[] = [
    {
      text: `${bundleWhen}下载核验包的全部文件到一个目录，运行下面任一命令，即按 ${d.draw.algorithm} 协议从公开数据重新抽取、重放回避替补记录，并与公布结果逐项比对：`,
      code: `ssj verify 核验包目录\npython3 docs/verify.py 核验包目录`,
    },
  ];
  const first = d.enterprises[0];
  steps.push(
    first
      ? {
          text: `单个企业的抽签值可用任何 SHA-256 工具核对：抽签值 = SHA-256(种子|E|计划编号|统一社会信用代码)。例如${first.name}：`,
          code: ticketCommand(d.draw.seed, d.plan.id, first.uscc),
          after: `输出应为 ${first.ticket}。同一层内抽签值从小到大排在前面的企业被抽中。`,
        }
      : {
          text: '单个企业的抽签值可用任何 SHA-256 工具核对：抽签值 = SHA-256(种子|E|计划编号|统一社会信用代码)；同一层内抽签值从小到大排在前面的企业被抽中。',
        },
    {
      text: `对象库哈希是核验包中 pool-enterprises.csv 文件的 SHA-256 值${d.draw.frozenAt ? `，已于${officialDate(beijingDate(d.draw.frozenAt))}种子产生之前公布` : ''}。审计链头是抽取系统操作日志最新一条记录的哈希，此后对记录的任何改动都会使其无法对上。`,
    },
  );
  return steps;
}

/** The facts block (label, value) shared by HTML, Markdown and text. */
export function factRows(d: AnnouncementData): [string, string][] {
  const rows: [string, string][] = [
    ['计划编号', d.plan.id],
    ['抽查任务', d.plan.title],
    ['检查时间', officialRange(d.plan.window.start, d.plan.window.end)],
    ['抽查方式', `${isDirected(d.strata) ? '定向' : '不定向'}抽查${d.plan.unannounced ? '，暗查暗访' : ''}`],
    ['检查组', teamShapeText(d.plan.teams, true)],
    ['检查事项', `每家企业从适用的抽查事项清单中随机抽取${d.plan.itemsPerEnterprise}项`],
    ['年度抽查上限', capText(d.plan.cap)],
  ];
  return rows;
}

export function seedRows(d: AnnouncementData): [string, string][] {
  const rows: [string, string][] = [
    ['抽取规则', `${d.draw.algorithm}（公开协议，见 docs/ALGORITHM.md）`],
    ['随机种子', d.draw.seed],
    ['种子来源', d.draw.seedSource || '—'],
  ];
  // Saying so matters: without a freeze published before the seed, nothing shows the pool was fixed in advance.
  rows.push(['名录冻结时间', d.draw.frozenAt ? officialDateTime(d.draw.frozenAt) : '未在种子产生前冻结（无预告）']);
  if (d.draw.unfrozenReason) rows.push(['未冻结即抽取的原因', d.draw.unfrozenReason]);
  if (d.draw.seedRule)
    rows.push([
      '预告的种子规则',
      `RFC 3797，来源依次为：${d.draw.seedRule.sources.map((x, i) => `${i + 1}. ${x}`).join('；')}`,
    ]);
  if (d.draw.secretCommitment)
    rows.push(['秘密种子承诺（SHA-256）', `${d.draw.secretCommitment}（秘密部分随核验包公开）`]);
  rows.push(
    ['抽取时间', officialDateTime(d.draw.drawnAt)],
    ['对象库哈希（SHA-256）', d.draw.poolHash],
    ['审计链头', `第${d.chainHead.seq}条 ${d.chainHead.hash}`],
  );
  if (d.draw.redrawReason) rows.push(['重新抽取原因', d.draw.redrawReason]);
  if (d.draw.removed?.count)
    rows.push([
      '冻结后移出对象库',
      `${d.draw.removed.count} 家（先冻结的计划 ${d.draw.removed.plans.join('、')} 抽中后达到年度检查上限，名单见核验包 pool-removed.csv）`,
    ]);
  return rows;
}

/** Events recorded after the first publication (each sentence starts with its date): the 更新记录 of later exports. */
export function updateLines(d: AnnouncementData): string[] {
  const first = d.firstPublishedAt;
  if (!first || d.withheld) return [];
  return d.events.filter((e) => e.at > first).map(eventText);
}

/** The sentence above the 更新记录 list. */
export const updatesIntro = (d: AnnouncementData): string =>
  `本公告于${officialDateTime(d.firstPublishedAt ?? '')}首次发布，发布日期和审计链头均为首次发布时的。此后的变更如下：`;

export function voidedText(v: AnnouncementData['draw']['voided'][number]): string {
  return `${officialDateTime(v.drawnAt)}以种子“${v.seed}”进行的抽取已作废，原因：${v.reason}。`;
}

/** SSJ-2 teams by group (team-groups.ts); SSJ-1 teams in seat order as they were always published. */
export const teamText = (team: readonly TeamMember[]): string =>
  isGrouped(team)
    ? groupedTeamText(team)
    : team.map((m) => `${m.name}${m.seat === 1 ? '（组长）' : ''} ${m.certNo}`).join('；');

/** The 检查组 cell of the HTML list: one line per member (SSJ-1) or per group (SSJ-2). */
function teamCell(team: readonly TeamMember[]): Html {
  if (!isGrouped(team))
    return join(
      team.map(
        (m) =>
          html`${m.name}${m.seat === 1 ? html`<span class="leader">组长</span>` : ''} <span class="id">${m.certNo}</span>`,
      ),
      html`<br>`,
    );
  return join(
    teamGroups(team).map(
      (g) =>
        html`<span class="${g.label.startsWith('组长') ? 'leader' : 'muted'}">${g.label}</span> ${join(
          g.members.map((m) => html`${m.name} <span class="id">${idLabel(m)} ${m.certNo}</span>`),
          '、',
        )}`,
    ),
    html`<br>`,
  );
}
export const itemsText = (items: AnnouncedEnterprise['items']): string => items.map((i) => i.name || i.code).join('；');

/** The announcement is due `announceDays` calendar days before the window starts (汨罗: 15). */
export function announceBy(windowStart: string, announceDays: number): string {
  return addDays(windowStart, -announceDays);
}

// ---------------------------------------------------------------- HTML

export interface HtmlContext {
  /** Site navigation; none for a standalone announcement. */
  nav?: Html;
  subtitle?: string;
}

export function announcementBody(d: AnnouncementData): Html {
  const steps = verifySteps(d);
  return html`<article>
<h1>${TITLE}</h1>
<p class="subtitle">${d.plan.title}（${d.plan.id}）</p>
${d.withheld ? html`<p class="notice">${withheldText(d.withheld)}</p>` : ''}
<h2>一、抽查任务</h2>
${facts(factRows(d))}
<h2>二、抽查范围与数量</h2>
${table(
  [
    { label: '层' },
    { label: '范围' },
    { label: '抽取规则' },
    { label: '名录内', cls: 'num' },
    { label: '可抽', cls: 'num' },
    { label: '抽取', cls: 'num' },
    { label: '备选', cls: 'num' },
  ],
  d.strata.map((s) => [s.name, scopeText(s.where), ruleText(s), s.population, s.pool, s.selected, s.reserves]),
)}
<p class="muted">名录内：该层符合条件的在册企业数；可抽：扣除已达年度抽查上限的企业后的数量。每家企业只归入其符合条件的第一个层。</p>
<h2>三、随机种子与核验数据</h2>
${facts(seedRows(d).map(([k, v]) => [k, k.includes('哈希') || k === '审计链头' ? html`<span class="hash">${v}</span>` : v] as const))}
${d.draw.voided.map((v) => html`<p class="notice">${voidedText(v)}</p>`)}
<h2>四、抽中的检查对象</h2>
${
  d.withheld
    ? html`<p>${withheldText(d.withheld)}</p>`
    : table(
        [
          { label: '序号', cls: 'num' },
          { label: '检查对象' },
          { label: '统一社会信用代码', cls: 'id' },
          { label: '层', cls: 'nowrap' },
          { label: '检查组' },
          { label: '检查事项' },
          { label: '抽签值', cls: 'hash' },
        ],
        d.enterprises.map((e, i) => [
          i + 1,
          e.name,
          e.uscc,
          e.stratum,
          teamCell(e.team),
          join(
            e.items.map((it) => it.name || it.code),
            html`<br>`,
          ),
          e.ticket,
        ]),
      )
}
<h2>五、回避与替补</h2>
${d.withheld ? html`<p>随名单一并公布。</p>` : d.events.length ? html`<ol>${d.events.map((e) => html`<li>${eventText(e)}</li>`)}</ol>` : html`<p>无。</p>`}${updatesHtml(d)}
<h2>六、如何核验</h2>
<ol>${steps.map((s) => html`<li>${s.text}${s.code ? html`<pre>${s.code}</pre>` : ''}${s.after ?? ''}</li>`)}</ol>
${d.bundle ? bundleLinks(d.bundle) : ''}
<div class="signature"><p>${d.office}<br>${officialDate(d.issuedOn)}</p></div>
</article>`;
}

/** 更新记录 as HTML: nothing at all (not even a line) before the first publication, so earlier pages stay as they were. */
function updatesHtml(d: AnnouncementData): Html | '' {
  const lines = updateLines(d);
  return lines.length
    ? html`
<h2>更新记录</h2>
<p>${updatesIntro(d)}</p>
<ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>`
    : '';
}

export function announcementHtml(d: AnnouncementData, c: HtmlContext = {}): string {
  return page({
    title: `${TITLE}：${d.plan.title}`,
    office: d.office,
    subtitle: c.subtitle ?? '“双随机、一公开”监管信息公开',
    nav: c.nav,
    body: announcementBody(d),
  });
}

// ---------------------------------------------------------------- Markdown

/**
 * Escape for Markdown: the characters that act anywhere in a line (emphasis, code, links, tables, inline HTML,
 * entities) are backslash-escaped everywhere, and those that act only at the start of a line (headings, lists,
 * block quotes) at the start. CommonMark lets any ASCII punctuation be escaped, so `<script>` stays text even where
 * Markdown allows inline HTML.
 */
export function md(s: string | number): string {
  return cleanText(String(s))
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/^([#+\-!=>])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

const mdRow = (cells: (string | number)[]) => `| ${cells.map(md).join(' | ')} |`;
function mdTable(headers: string[], rows: (string | number)[][]): string {
  return [mdRow(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(mdRow)].join('\n');
}

export function announcementMarkdown(d: AnnouncementData): string {
  const out: string[] = [
    `# ${TITLE}`,
    '',
    `**${md(d.plan.title)}（${md(d.plan.id)}）**`,
    '',
    `发布单位：${md(d.office)}  `,
    `发布日期：${officialDate(d.issuedOn)}`,
    '',
  ];
  if (d.withheld) out.push(`> ${md(withheldText(d.withheld))}`, '');
  out.push('## 一、抽查任务', '', ...factRows(d).map(([k, v]) => `- ${k}：${md(v)}`), '');
  out.push(
    '## 二、抽查范围与数量',
    '',
    mdTable(
      ['层', '范围', '抽取规则', '名录内', '可抽', '抽取', '备选'],
      d.strata.map((s) => [s.name, scopeText(s.where), ruleText(s), s.population, s.pool, s.selected, s.reserves]),
    ),
    '',
  );
  out.push(
    '## 三、随机种子与核验数据',
    '',
    ...seedRows(d).map(([k, v]) => `- ${k}：${md(v)}`),
    ...d.draw.voided.map((v) => `- ${md(voidedText(v))}`),
    '',
  );
  out.push('## 四、抽中的检查对象', '');
  if (d.withheld) out.push(md(withheldText(d.withheld)), '');
  else
    out.push(
      mdTable(
        ['序号', '检查对象', '统一社会信用代码', '层', '检查组', '检查事项', '抽签值'],
        d.enterprises.map((e, i) => [i + 1, e.name, e.uscc, e.stratum, teamText(e.team), itemsText(e.items), e.ticket]),
      ),
      '',
    );
  out.push('## 五、回避与替补', '');
  if (d.withheld) out.push('随名单一并公布。', '');
  else out.push(...(d.events.length ? d.events.map((e, i) => `${i + 1}. ${md(eventText(e))}`) : ['无。']), '');
  const updates = updateLines(d);
  if (updates.length) out.push('## 更新记录', '', md(updatesIntro(d)), '', ...updates.map((l) => `- ${md(l)}`), '');
  out.push('## 六、如何核验', '');
  verifySteps(d).forEach((s, i) => {
    out.push(`${i + 1}. ${md(s.text)}`);
    if (s.code)
      out.push('', '   ```sh', ...s.code.split('\n').map((l) => `   ${cleanText(l).replace(/`/g, "'")}`), '   ```', '');
    if (s.after) out.push(`   ${md(s.after)}`);
  });
  out.push('', `${md(d.office)}  `, officialDate(d.issuedOn), '');
  return out.join('\n');
}

// ---------------------------------------------------------------- plain text

export function announcementText(d: AnnouncementData): string {
  const t = (s: string | number) => cleanText(String(s)).replace(/\r?\n/g, ' ');
  const out: string[] = [
    TITLE,
    `${t(d.plan.title)}（${t(d.plan.id)}）`,
    '',
    `发布单位：${t(d.office)}`,
    `发布日期：${officialDate(d.issuedOn)}`,
    '',
  ];
  if (d.withheld) out.push(`【说明】${withheldText(d.withheld)}`, '');
  out.push('一、抽查任务', ...factRows(d).map(([k, v]) => `  ${k}：${t(v)}`), '');
  out.push('二、抽查范围与数量');
  for (const s of d.strata)
    out.push(
      `  ${t(s.name)}：范围 ${t(scopeText(s.where))}；${t(ruleText(s))}；名录内${s.population}家，可抽${s.pool}家，抽取${s.selected}家，备选${s.reserves}家`,
    );
  out.push(
    '',
    '三、随机种子与核验数据',
    ...seedRows(d).map(([k, v]) => `  ${k}：${t(v)}`),
    ...d.draw.voided.map((v) => `  ${t(voidedText(v))}`),
    '',
  );
  out.push('四、抽中的检查对象');
  if (d.withheld) out.push(`  ${withheldText(d.withheld)}`);
  d.enterprises.forEach((e, i) => {
    out.push(
      `  （${i + 1}）${t(e.name)}`,
      `      统一社会信用代码：${t(e.uscc)}    层：${t(e.stratum)}`,
      `      检查组：${t(teamText(e.team))}`,
      `      检查事项：${t(itemsText(e.items))}`,
      `      抽签值：${t(e.ticket)}`,
    );
  });
  out.push('', '五、回避与替补');
  if (d.withheld) out.push('  随名单一并公布。');
  else if (!d.events.length) out.push('  无。');
  else d.events.forEach((e, i) => out.push(`  ${i + 1}. ${t(eventText(e))}`));
  const updates = updateLines(d);
  if (updates.length) out.push('', '更新记录', `  ${updatesIntro(d)}`, ...updates.map((l) => `  - ${t(l)}`));
  out.push('', '六、如何核验');
  verifySteps(d).forEach((s, i) => {
    out.push(`  ${i + 1}. ${t(s.text)}`);
    if (s.code) out.push(...s.code.split('\n').map((l) => `       ${t(l)}`));
    if (s.after) out.push(`     ${t(s.after)}`);
  });
  out.push('', `${t(d.office)}`, officialDate(d.issuedOn), '');
  return out.join('\n');
}

// ---------------------------------------------------------------- CSV

export interface CsvRow {
  d: AnnouncementData;
  e: AnnouncedEnterprise | null;
  /** 1-based position in the list. */
  n: number;
}

export const ANNOUNCEMENT_COLUMNS: CsvColumn<CsvRow>[] = [
  { header: '计划编号', value: (r) => r.d.plan.id, code: true },
  { header: '抽查任务', value: (r) => r.d.plan.title },
  { header: '检查开始日期', value: (r) => r.d.plan.window.start },
  { header: '检查结束日期', value: (r) => r.d.plan.window.end },
  { header: '序号', value: (r) => r.n },
  { header: '层', value: (r) => r.e?.stratum ?? '' },
  { header: '检查对象名称', value: (r) => r.e?.name ?? '' },
  { header: '统一社会信用代码', value: (r) => r.e?.uscc ?? '', code: true },
  { header: '检查事项', value: (r) => (r.e ? itemsText(r.e.items) : '') },
  { header: '检查组（首位为组长）', value: (r) => (r.e ? teamText(r.e.team) : '') },
  { header: '抽签值', value: (r) => r.e?.ticket ?? '', code: true },
  { header: '随机种子', value: (r) => r.d.draw.seed },
  { header: '对象库哈希', value: (r) => r.d.draw.poolHash, code: true },
  { header: '备注', value: (r) => (r.d.withheld ? `暗查暗访，名单于${r.d.withheld.until}检查结束后公布` : '') },
];

/**
 * One row per selected enterprise, with a stable header. For a withheld plan the rows keep their numbers and the
 * plan's public columns but leave the enterprise columns empty.
 */
export function announcementCsv(d: AnnouncementData, encoding: CsvEncoding = 'utf8'): Buffer {
  return csvBytes(ANNOUNCEMENT_COLUMNS, announcementRows(d), encoding);
}

/** The list's rows, as the CSV and the workbook show them. */
export function announcementRows(d: AnnouncementData): CsvRow[] {
  return d.withheld
    ? Array.from({ length: d.withheld.enterprises }, (_, i) => ({ d, e: null, n: i + 1 }))
    : d.enterprises.map((e, i) => ({ d, e, n: i + 1 }));
}

export type AnnouncementFormat = 'html' | 'md' | 'txt' | 'csv';
export const ANNOUNCEMENT_FORMATS: readonly AnnouncementFormat[] = ['html', 'md', 'txt', 'csv'];

/** Render in one format; text formats are UTF-8 (no BOM), CSV follows `encoding`. */
export function renderAnnouncement(
  d: AnnouncementData,
  format: AnnouncementFormat,
  encoding: CsvEncoding = 'utf8',
): Buffer {
  switch (format) {
    case 'html':
      return Buffer.from(announcementHtml(d), 'utf8');
    case 'md':
      return Buffer.from(announcementMarkdown(d), 'utf8');
    case 'txt':
      return Buffer.from(announcementText(d), 'utf8');
    case 'csv':
      return announcementCsv(d, encoding);
  }
}

/**
 * The bundle download (issue 13 part 6): one .zip when the site has it, which a browser saves whole instead of handing
 * each CSV to a spreadsheet; then each file, marked `download` so a browser saves it too. The files are the bundle's
 * canonical bytes either way.
 */
function bundleLinks(b: { dir: string; files: string[]; zip?: string }): Html {
  const list = html`<ul>${b.files.map((f) => html`<li><a href="${`${b.dir}/${f}`}"${b.zip ? html` download` : ''}>${f}</a></li>`)}</ul>`;
  if (!b.zip) return html`<h3>核验包下载</h3>${list}`;
  return html`<h3>核验包下载</h3><p><a href="${b.zip}" download>下载核验包（zip，含 ${String(b.files.length)} 个文件）</a>：解压后得到文件夹 ${b.dir.split('/').pop() ?? ''}，对它运行上面的命令。也可逐个下载：</p>${list}`;
}
