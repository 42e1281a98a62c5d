import { officialDate, officialDateTime, officialRange } from '../dates.js';

/**
 * The paperwork of one check as a small document model, rendered twice: to .docx for Word/WPS (forms-docx.ts)
 * and to HTML for the browser's print view (forms-html.ts), so both say exactly the same.
 *
 * Forms per enterprise: 抽查告知书 (汨罗: 告知拟检查对象), 现场检查记录表 (drawn items as rows; 高青 8.4: 由检查组全体
 * 成员签字确认), 检查报告 (顺城 第十七条: 检查时间、检查内容、检查情况、对被检查人评价、处理意见和建议) and 满意度
 * 反馈卡 (冷水滩 第十七条). Per plan: 登记备案表 (冷水滩 第十四条), one page per enterprise.
 *
 * Privacy: a member's ID number and phone are only in the data when the office asked with --show-personal.
 */

/**
 * A team as forms show it. `group` is the member's seat group as printed (组长, 组员, 专家 under SSJ-1; SSJ-2's groups
 * such as 执法人员组, a joint department's name, 专家组 fit the same field): optional, so a renderer never assumes it.
 */
export interface FormMember {
  name: string;
  certNo: string;
  unit: string;
  group?: string | undefined;
  /** 'expert' (SSJ-2 pool): the number is a 专家编号, never printed under 执法证号. */
  kind?: 'officer' | 'expert' | undefined;
  /** Only with --show-personal. */
  idNumber?: string | undefined;
  phone?: string | undefined;
}

export interface FormItem {
  code: string;
  name: string;
  content: string;
  basis: string;
  method: string;
}

export interface FormEnterprise {
  uscc: string;
  name: string;
  address: string;
  legalRep: string;
  team: FormMember[];
  /** 承办执法股室: the lead officer's unit (never the expert roster's; io/team-groups.ts leadOfficerUnit). */
  leadUnit?: string | undefined;
  items: FormItem[];
  ticket: string;
  /** 回避 and 替换 records of this enterprise, as sentences. */
  events: string[];
}

export interface FormsData {
  office: {
    name: string;
    region: string;
    /** 文号 prefix, e.g. 冷应急抽〔2024〕 (office.docNo); the form's number is appended. */
    docNo: string;
    /** Who receives the filing form (office.filingOffice, default 区优化办). */
    filingOffice: string;
  };
  plan: { id: string; title: string; window: { start: string; end: string }; unannounced: boolean; directed: boolean };
  draw: { drawnAt: string; algorithm: string; seed: string };
  /** Beijing date the forms are issued (YYYY-MM-DD). */
  issuedOn: string;
  enterprises: FormEnterprise[];
}

// ------------------------------------------------------------------ the document model

export type Cell = string | { text: string; span?: number; bold?: boolean; height?: 'line' | 'tall' | 'box' };
export type Block =
  | { kind: 'title'; text: string; sub?: string }
  | { kind: 'docNo'; text: string }
  | { kind: 'para'; text: string; indent?: boolean; align?: 'left' | 'right' | 'center'; bold?: boolean }
  | { kind: 'table'; widths: number[]; header?: string[]; rows: Cell[][] }
  | { kind: 'pageBreak' };

export interface FormDoc {
  /** File name without extension, e.g. 抽查告知书-91371322MA32C3K5E6. */
  file: string;
  /** Title for the HTML page and the docx properties. */
  title: string;
  blocks: Block[];
}

const BLANK_DATE = '　　　　年　　月　　日';
const numberLabel = (m: FormMember) => (m.kind === 'expert' ? '专家编号' : '执法证号');
const teamLine = (t: FormMember[]) => t.map((m) => `${m.name}（${numberLabel(m)} ${m.certNo}）`).join('、');
/** A team with experts known as such prints one 证件编号 column, each number under its own label. */
const labelled = (t: FormMember[]) => t.some((m) => m.kind !== undefined);
const group = (m: FormMember, i: number) => m.group ?? (i === 0 ? '组长' : '组员');
const personal = (t: FormMember[]) => t.some((m) => m.idNumber || m.phone);

function memberRows(team: FormMember[], withSign: boolean): { header: string[]; widths: number[]; rows: Cell[][] } {
  const extra = personal(team);
  const header = [
    '组别',
    '姓名',
    labelled(team) ? '证件编号' : '执法证号',
    '所在单位',
    ...(extra ? ['身份证号', '联系电话'] : []),
    ...(withSign ? ['签字'] : []),
  ];
  // SSJ-2 labels (组员（青禾县市场监督管理局）, 执法证号 371323010021) need wider 组别 and number columns than SSJ-1's.
  const widths = extra
    ? [10, 12, 16, 22, 20, 14, ...(withSign ? [14] : [])]
    : labelled(team)
      ? withSign
        ? [22, 11, 21, 28, 18]
        : [24, 12, 22, 42]
      : [12, 14, 20, 34, ...(withSign ? [20] : [])];
  const rows = team.map((m, i) => [
    group(m, i),
    m.name,
    labelled(team) ? `${numberLabel(m)} ${m.certNo}` : m.certNo,
    m.unit,
    ...(extra ? [m.idNumber ?? '', m.phone ?? ''] : []),
    ...(withSign ? [{ text: '', height: 'line' as const }] : []),
  ]);
  return { header, widths, rows };
}

const num = (d: FormsData, kind: string, n: number) => `${d.office.docNo}${kind}${n}号`;

/** 抽查告知书: tells the enterprise it was drawn, when, what will be checked and by whom. */
export function noticeForm(d: FormsData, e: FormEnterprise, n: number): FormDoc {
  const window = officialRange(d.plan.window.start, d.plan.window.end);
  return {
    file: `抽查告知书-${e.uscc}`,
    title: `抽查告知书：${e.name}`,
    blocks: [
      { kind: 'title', text: d.office.name, sub: '“双随机、一公开”监督检查告知书' },
      { kind: 'docNo', text: num(d, '告', n) },
      { kind: 'para', text: `${e.name}（统一社会信用代码：${e.uscc}）：` },
      {
        kind: 'para',
        indent: true,
        text: `根据${d.plan.title}（任务编号 ${d.plan.id}），经${officialDateTime(d.draw.drawnAt)}公开随机抽取，你单位被确定为本次“双随机、一公开”监督检查对象。我单位定于${window}期间对你单位开展安全生产监督检查，具体检查时间另行通知。`,
      },
      { kind: 'para', indent: true, text: '本次检查事项：' },
      ...e.items.map((it, i) => ({
        kind: 'para' as const,
        indent: true,
        text: `${i + 1}. ${it.name || it.code}${it.content ? `：${it.content}` : ''}`,
      })),
      { kind: 'para', indent: true, text: `检查人员：${teamLine(e.team)}。检查人员将出示行政执法证件。` },
      {
        kind: 'para',
        indent: true,
        text: '请你单位做好准备，按检查事项备齐相关资料，安排熟悉情况的负责人员在场配合。检查人员与你单位有利害关系的，你单位可以申请其回避。',
      },
      { kind: 'para', text: '' },
      { kind: 'para', align: 'right', text: d.office.name },
      { kind: 'para', align: 'right', text: officialDate(d.issuedOn) },
    ],
  };
}

/** 现场检查记录表: one row per drawn item with columns to fill on site, and a signature line for every member. */
export function recordForm(d: FormsData, e: FormEnterprise, n: number): FormDoc {
  const team = memberRows(e.team, true);
  return {
    file: `现场检查记录表-${e.uscc}`,
    title: `现场检查记录表：${e.name}`,
    blocks: [
      { kind: 'title', text: `${d.office.region}安全生产“双随机”现场检查记录表` },
      { kind: 'docNo', text: num(d, '记', n) },
      {
        kind: 'table',
        widths: [18, 32, 18, 32],
        rows: [
          [{ text: '被检查单位', bold: true }, e.name, { text: '统一社会信用代码', bold: true }, e.uscc],
          [
            { text: '地址', bold: true },
            { text: e.address, span: 3 },
          ],
          [{ text: '法定代表人（负责人）', bold: true }, e.legalRep, { text: '现场负责人', bold: true }, ''],
          [
            { text: '检查时间', bold: true },
            { text: `${BLANK_DATE}　　时　　分至　　时　　分`, span: 3 },
          ],
          [
            { text: '检查任务', bold: true },
            { text: `${d.plan.title}（${d.plan.id}）`, span: 3 },
          ],
        ],
      },
      {
        kind: 'table',
        widths: [7, 23, 30, 14, 26],
        header: ['序号', '检查事项', '检查内容', '检查情况（符合/不符合）', '存在问题及证据'],
        rows: e.items.map((it, i) => [
          String(i + 1),
          `${it.name || it.code}（${it.code}）`,
          it.content,
          { text: '', height: 'tall' },
          '',
        ]),
      },
      { kind: 'para', bold: true, text: '检查组全体成员签字确认：' },
      { kind: 'table', widths: team.widths, header: team.header, rows: team.rows },
      {
        kind: 'table',
        widths: [30, 70],
        rows: [
          [
            { text: '被检查单位负责人意见及签字', bold: true },
            { text: `（签字）${BLANK_DATE}`, height: 'tall' },
          ],
        ],
      },
    ],
  };
}

/** 检查报告 (顺城 第十七条): the fields the article names, pre-filled where the draw knows them. */
export function reportForm(d: FormsData, e: FormEnterprise, n: number): FormDoc {
  return {
    file: `检查报告-${e.uscc}`,
    title: `检查报告：${e.name}`,
    blocks: [
      { kind: 'title', text: `${d.office.name}`, sub: '“双随机、一公开”监督检查报告' },
      { kind: 'docNo', text: num(d, '报', n) },
      {
        kind: 'table',
        widths: [22, 78],
        rows: [
          [{ text: '被检查单位', bold: true }, `${e.name}（${e.uscc}）`],
          [{ text: '检查任务', bold: true }, `${d.plan.title}（${d.plan.id}）`],
          [{ text: '检查时间', bold: true }, BLANK_DATE],
          [{ text: '检查人员', bold: true }, teamLine(e.team)],
          [{ text: '检查内容', bold: true }, e.items.map((it, i) => `${i + 1}. ${it.name || it.code}`).join('\n')],
          [
            { text: '检查情况', bold: true },
            { text: '', height: 'box' },
          ],
          [
            { text: '对被检查人评价', bold: true },
            { text: '', height: 'tall' },
          ],
          [
            { text: '处理意见和建议', bold: true },
            { text: '', height: 'tall' },
          ],
          [{ text: '检查组长签字', bold: true }, `（签字）${BLANK_DATE}`],
        ],
      },
      {
        kind: 'para',
        text: '注：检查结束后 5 个工作日内完成本报告（顺城 第十七条），报告完成后 5 个工作日内向被检查对象反馈（第十八条）。',
      },
    ],
  };
}

/** 涉企检查满意度反馈卡 (冷水滩 第十七条): the enterprise rates the check; the office reports the scans. */
export function feedbackForm(d: FormsData, e: FormEnterprise, n: number): FormDoc {
  const box = '□满意　□基本满意　□不满意';
  return {
    file: `满意度反馈卡-${e.uscc}`,
    title: `满意度反馈卡：${e.name}`,
    blocks: [
      { kind: 'title', text: `${d.office.region}涉企检查满意度反馈卡` },
      { kind: 'docNo', text: num(d, '反', n) },
      {
        kind: 'table',
        widths: [30, 70],
        rows: [
          [{ text: '被检查单位', bold: true }, e.name],
          [{ text: '检查单位', bold: true }, d.office.name],
          [{ text: '检查人员', bold: true }, e.team.map((m) => m.name).join('、')],
          [{ text: '检查日期', bold: true }, BLANK_DATE],
          [{ text: '检查人员是否出示执法证件', bold: true }, '□是　□否'],
          [{ text: '是否按告知的事项检查', bold: true }, '□是　□否'],
          [{ text: '检查人员执法规范、文明', bold: true }, box],
          [{ text: '是否存在吃拿卡要等行为', bold: true }, '□否　□是'],
          [{ text: '对本次检查的总体评价', bold: true }, box],
          [
            { text: '意见建议', bold: true },
            { text: '', height: 'box' },
          ],
          [
            { text: '被检查单位（盖章）', bold: true },
            { text: `负责人签字：　　　　　　${BLANK_DATE}`, height: 'tall' },
          ],
        ],
      },
      {
        kind: 'para',
        text: `注：本卡由被检查单位填写；检查结束后由检查单位汇总扫描件报${d.office.filingOffice}（冷水滩 第十七条）。`,
      },
    ],
  };
}

/** 涉企检查登记备案表 (冷水滩 第十四条): one page per enterprise of the plan. */
export function filingForm(d: FormsData): FormDoc {
  const blocks: Block[] = [];
  d.enterprises.forEach((e, i) => {
    if (i) blocks.push({ kind: 'pageBreak' });
    const team = memberRows(e.team, false);
    blocks.push(
      { kind: 'title', text: `${d.office.region}“双随机、一公开”涉企检查登记备案表` },
      { kind: 'docNo', text: `备案编号：${d.plan.id}-${String(i + 1).padStart(3, '0')}　　填报日期：${BLANK_DATE}` },
      {
        kind: 'table',
        widths: [24, 76],
        rows: [
          [{ text: '检查单位', bold: true }, d.office.name],
          [{ text: '承办执法股室', bold: true }, e.leadUnit ?? ''],
          [{ text: '检查任务', bold: true }, `${d.plan.title}（${d.plan.id}）`],
          [{ text: '检查对象', bold: true }, e.name],
          [{ text: '统一社会信用代码', bold: true }, e.uscc],
          [
            { text: '检查方式', bold: true },
            `“双随机”${d.plan.directed ? '定向' : '不定向'}抽查${d.plan.unannounced ? '，暗查暗访' : ''}`,
          ],
          [
            { text: '检查时间', bold: true },
            `${officialRange(d.plan.window.start, d.plan.window.end)}期间；实际检查日期：${BLANK_DATE}`,
          ],
          [{ text: '检查事项', bold: true }, e.items.map((it, k) => `${k + 1}. ${it.name || it.code}`).join('\n')],
          [
            { text: '抽取情况', bold: true },
            `${officialDateTime(d.draw.drawnAt)}按 ${d.draw.algorithm} 规则随机抽取；随机种子：${d.draw.seed}；抽签值：${e.ticket}`,
          ],
          [{ text: '回避情况', bold: true }, e.events.length ? e.events.join('\n') : '无'],
        ],
      },
      { kind: 'table', widths: team.widths, header: team.header, rows: team.rows },
      {
        kind: 'table',
        widths: [24, 76],
        rows: [
          [
            { text: '承办股室负责人意见', bold: true },
            { text: `（签字）${BLANK_DATE}`, height: 'tall' },
          ],
          [
            { text: `${d.office.filingOffice}备案意见`, bold: true },
            { text: `（盖章）${BLANK_DATE}`, height: 'tall' },
          ],
          [
            { text: '检查对象签收', bold: true },
            { text: `（签字或盖章）${BLANK_DATE}`, height: 'tall' },
          ],
        ],
      },
      { kind: 'para', text: `注：本表一式三份，${d.office.filingOffice}、检查单位、检查对象各留存一份。` },
    );
  });
  return { file: `登记备案表-${d.plan.id}`, title: `登记备案表：${d.plan.title}`, blocks };
}

/** Every form: four per enterprise (or only `only`'s), and the plan's filing form. */
export function allForms(d: FormsData, only?: string): FormDoc[] {
  const out: FormDoc[] = [];
  d.enterprises.forEach((e, i) => {
    if (only !== undefined && e.uscc !== only) return;
    out.push(noticeForm(d, e, i + 1), recordForm(d, e, i + 1), reportForm(d, e, i + 1), feedbackForm(d, e, i + 1));
  });
  out.push(filingForm(only === undefined ? d : { ...d, enterprises: d.enterprises.filter((e) => e.uscc === only) }));
  return out;
}
