import {
  eventText,
  isDirected,
  type AnnouncedEnterprise,
  type AnnouncementData,
  type TeamMember,
} from './announcement.js';
import { idLabel, isGrouped, leadOfficerUnit, teamGroups } from './team-groups.js';
import { officialDateTime, officialRange } from './dates.js';
import { html, page, type Content, type Html } from './html.js';

/**
 * 涉企检查登记备案表 (冷水滩 第十四条): after enterprises and inspectors are drawn, the handling unit fills in a
 * filing form per enterprise and files it with the district's optimisation office (区优化办); three copies, kept by
 * that office, the inspecting unit and the enterprise. One printed A4 page per selected enterprise, pre-filled with
 * what the draw decided; the lines for signatures, seals and the actual check date are left blank for ink.
 *
 * Only what the article needs: enterprise by name and USCC, inspectors by name, 执法证号 (专家编号 for an expert) and
 * unit; 承办执法股室 is the lead officer's unit, never the expert roster's (team-groups.ts). No legal
 * representative, address, ID number or phone (the form goes to the enterprise too).
 */

export interface FilingOptions {
  /** office.region, for the title ("冷水滩区“双随机、一公开”涉企检查登记备案表"); may be empty. */
  region: string;
  /** office.filingOffice: who receives the form (冷水滩: 区优化办). */
  filingOffice?: string;
}

export const filingTitle = (region: string) => `${region}“双随机、一公开”涉企检查登记备案表`;

/** Extra print layout: a bordered form table, bigger title, blank lines for handwriting. */
const FILING_CSS = `
table.form { table-layout: fixed; }
table.form th { width: 7.5em; background: #fff; text-align: center; vertical-align: middle; }
table.form td { vertical-align: middle; }
table.form td.blank { height: 2.6em; }
table.form td.tall { height: 4.2em; vertical-align: bottom; text-align: right; color: var(--muted); }
.form-head { display: flex; justify-content: space-between; flex-wrap: wrap; gap: 0.5rem; font-size: 0.9rem; margin-bottom: 0.3rem; }
.filing h1 { font-size: 1.35rem; margin-bottom: 0.8rem; }
.filing .copies { font-size: 0.85rem; color: var(--muted); }
@media print { header.masthead { display: none; } .filing h1 { margin-top: 0; } table.form th, table.form td { padding: 0.25rem 0.4rem; } }
`;

const row = (label: string, value: Content, cls = ''): Html =>
  html`<tr><th scope="row">${label}</th><td colspan="3"${cls ? html` class="${cls}"` : ''}>${value}</td></tr>`;

function enterpriseEvents(d: AnnouncementData, uscc: string) {
  return d.events.filter((e) => e.enterprise.uscc === uscc || e.otherEnterprise?.uscc === uscc);
}

/**
 * 执法检查人员: SSJ-1 teams as they were always printed (seat order, 执法证号); SSJ-2 teams by group (组长, 组员 by
 * department, 专家), each number under its own label, so an expert's number never stands under 执法证号.
 */
function teamRows(team: readonly TeamMember[]): Html {
  if (!isGrouped(team))
    return html`<tr><th scope="rowgroup" rowspan="${team.length + 1}">执法检查人员</th><th>姓名</th><th>执法证号</th><th>所在单位</th></tr>
${team.map((m) => html`<tr><td>${m.name}${m.seat === 1 ? '（组长）' : ''}</td><td><span class="id">${m.certNo}</span></td><td>${m.unit}</td></tr>`)}`;
  const groups = teamGroups(team);
  return html`<tr><th scope="rowgroup" rowspan="${team.length + 1}">执法检查人员</th><th>组别及姓名</th><th>证件编号</th><th>所在单位</th></tr>
${groups.map((g) => g.members.map((m) => html`<tr><td>${g.label}　${m.name}</td><td>${idLabel(m)} <span class="id">${m.certNo}</span></td><td>${m.unit}</td></tr>`))}`;
}

function filingPage(d: AnnouncementData, e: AnnouncedEnterprise, n: number, o: FilingOptions): Html {
  const events = enterpriseEvents(d, e.uscc);
  return html`<section class="page filing">
<h1>${filingTitle(o.region)}</h1>
<div class="form-head"><span>备案编号：${d.plan.id}-${String(n).padStart(3, '0')}</span><span>填报日期：　　　　年　　月　　日</span></div>
<table class="form">
<tbody>
${row('检查单位', d.office)}
${row('承办执法股室', leadOfficerUnit(e.team))}
${row('检查任务', `${d.plan.title}（${d.plan.id}）`)}
${row('检查对象', e.name)}
${row('统一社会信用代码', html`<span class="id">${e.uscc}</span>`)}
${row('检查方式', `“双随机”${isDirected(d.strata) ? '定向' : '不定向'}抽查${d.plan.unannounced ? '，暗查暗访' : ''}`)}
${row('检查时间', `${officialRange(d.plan.window.start, d.plan.window.end)}期间；实际检查日期：　　　　年　　月　　日`)}
${row('检查事项', html`${e.items.map((it, i) => html`${i ? html`<br>` : ''}${i + 1}. ${it.name || it.code}`)}`)}
${teamRows(e.team)}
${row('抽取情况', html`${officialDateTime(d.draw.drawnAt)}按 ${d.draw.algorithm} 规则随机抽取；随机种子：${d.draw.seed}；抽签值：<span class="hash">${e.ticket}</span>；审计链头：第${d.chainHead.seq}条 <span class="hash">${d.chainHead.hash}</span>`)}
${row('回避情况', events.length ? html`${events.map((ev, i) => html`${i ? html`<br>` : ''}${eventText(ev)}`)}` : '无')}
${row('承办股室负责人意见', '（签字）　　　　　　年　　月　　日', 'tall')}
${row(`${o.filingOffice || '区优化办'}备案意见`, '（盖章）　　　　　　年　　月　　日', 'tall')}
${row('检查对象签收', '（签字或盖章）　　　　　　年　　月　　日', 'tall')}
</tbody>
</table>
<p class="copies">注：本表一式三份，${o.filingOffice || '区优化办'}、检查单位、检查对象各留存一份。</p>
</section>`;
}

/** One page per selected enterprise, in the announcement's order. */
export function filingHtml(d: AnnouncementData, o: FilingOptions): string {
  return page({
    title: `${filingTitle(o.region)}：${d.plan.title}`,
    office: d.office,
    body: html`${d.enterprises.map((e, i) => filingPage(d, e, i + 1, o))}`,
    css: FILING_CSS,
  });
}
