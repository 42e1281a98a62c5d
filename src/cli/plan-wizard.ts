import { checkPlan } from '../app/plan-check.js';
import { ENTERPRISE_WHERE_FIELDS, INSPECTOR_WHERE_FIELDS } from '../domain/plan-keys.js';
import { PlanInvalid, type Plan } from '../domain/plan.js';
import { parseRatio } from '../domain/ratio.js';
import { ROSTER_DEFS, type RosterDef } from '../domain/rosters.js';
import { bi, t, type Lang } from '../i18n/index.js';
import { planInvalid } from './plan-file.js';

/** The four prompts the wizard asks with: @inquirer/prompts on a terminal, a script of answers in the tests. */
export interface WizardPrompts {
  input(q: { message: string; default?: string; validate?: (v: string) => boolean | string }): Promise<string>;
  confirm(q: { message: string; default?: boolean }): Promise<boolean>;
  number(q: { message: string; default?: number; min?: number; max?: number }): Promise<number | undefined>;
  select<T extends string>(q: { message: string; choices: { name: string; value: T }[] }): Promise<T>;
}

async function inquirerPrompts(): Promise<WizardPrompts> {
  const p = await import('@inquirer/prompts');
  return {
    input: (q) => p.input(q),
    confirm: (q) => p.confirm(q),
    number: (q) => p.number(q),
    select: (q) => p.select(q),
  };
}

/**
 * The interactive plan wizard (ssj plan new). Asks for every field of a plan the protocol can draw, in the officer's
 * language (field names as the office's rosters write them: 行业类别, 所属部门 …), validates as it goes and returns a
 * valid plan. Team rules follow SSJ-2: at least two officers (行政处罚法 第四十二条), experts beside the team, an
 * optional team per stratum (顺城 第十三条), qualified inspectors only (顺城 第十六条) and joint departments (高青 6.2).
 */
export async function runPlanWizard(lang: Lang, prompts?: WizardPrompts): Promise<Plan> {
  const { input, confirm, number, select } = prompts ?? (await inquirerPrompts());
  const L = (zh: string, en: string) => bi(lang, zh, en);
  const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) || L('请按 YYYY-MM-DD 填写', 'use YYYY-MM-DD');
  const count = async (zh: string, en: string, dflt: number, min = 0, max?: number) =>
    (await number({ message: L(zh, en), default: dflt, min, ...(max === undefined ? {} : { max }) })) ?? dflt;
  /** A field of a roster, shown as the office's column header with the field name the plan file uses. */
  const fieldChoice = (def: RosterDef, field: string) => {
    const header = def.fields.find((f) => f.field === field)?.headers[0] ?? field;
    return { name: lang === 'zh' ? `${header}（${field}）` : field, value: field };
  };
  const values = async () =>
    (await input({ message: L('取值（多个用、分隔）', 'Values (separate with 、 or ,)') }))
      .split(/[、,，]/)
      .map((x) => x.trim())
      .filter(Boolean);

  const id = await input({
    message: L('计划编号（如 2024Q1）', 'Plan id (e.g. 2024Q1)'),
    validate: (v) =>
      /^[\p{L}\p{N}_.-]{1,40}$/u.test(v) || L('只能用字母、数字、汉字、-、_、.', 'letters, digits, -, _ and . only'),
  });
  const title = await input({
    message: L('计划名称', 'Title'),
    default: L(`${id} 安全生产“双随机、一公开”抽查`, `${id} work-safety random inspection`),
  });
  const start = await input({
    message: L('检查开始日期（YYYY-MM-DD）', 'Window start (YYYY-MM-DD)'),
    validate: isDate,
  });
  const end = await input({
    message: L('检查结束日期（YYYY-MM-DD）', 'Window end (YYYY-MM-DD)'),
    validate: (v) => {
      const ok = isDate(v);
      if (ok !== true) return ok;
      return v >= start || L('结束日期不能早于开始日期', 'the end cannot be before the start');
    },
  });
  const perYear = await count(
    '每家企业每年最多抽查次数（细则：1 或 4）',
    'Checks per enterprise per year at most (rules: 1 or 4)',
    1,
    1,
  );

  const strata: Record<string, unknown>[] = [];
  do {
    const name = await input({
      message: L(`第 ${strata.length + 1} 层名称（如 重点行业）`, `Stratum ${strata.length + 1} name (e.g. 重点行业)`),
    });
    const field = await select({
      message: L('按企业的哪个字段筛选', 'Filter enterprises on which field'),
      choices: [
        { name: L('不筛选（全部企业）', 'none (all enterprises)'), value: '' },
        ...ENTERPRISE_WHERE_FIELDS.map((f) => fieldChoice(ROSTER_DEFS.enterprises, f)),
      ],
    });
    const where = field ? { where: { [field]: await values() } } : {};
    const ratio = await input({
      message: L('抽取比例（如 5%）', 'Ratio (e.g. 5%)'),
      default: '5%',
      validate: (v) => {
        try {
          parseRatio(v);
          return true;
        } catch {
          return t(lang, 'plan.badRatio', { value: v });
        }
      },
    });
    const ownTeam = await confirm({
      message: L('本层的检查组人数与全计划不同？（顺城 第十三条）', 'A team shape of its own for this stratum?'),
      default: false,
    });
    const team = ownTeam
      ? {
          team: {
            officers: await count('本层每组执法人员数（至少 2）', 'Officers per team here (at least 2)', 3, 2),
            specialists: await count('其中专长人员数', 'Of whom specialists', 1),
            experts: await count('本层每组专家数', 'Experts per team here', 0),
          },
        }
      : {};
    strata.push({ name, ...where, ratio, ...team });
  } while (await confirm({ message: L('再加一层？', 'Add another stratum?'), default: false }));

  const joint = await confirm({
    message: L('部门联合抽查？（高青 6.2，牵头部门的执法人员任组长）', 'Joint check with other departments?'),
    default: false,
  });
  const departments: Record<string, unknown>[] = [];
  if (joint)
    do {
      const lead = departments.length === 0;
      departments.push({
        name: await input({
          message: lead
            ? L('牵头部门名称（与执法人员名录的“所属部门”一致）', 'Lead department (as in the roster)')
            : L(`第 ${departments.length + 1} 个参加部门名称`, `Department ${departments.length + 1}`),
        }),
        officers: await count('该部门每组执法人员数', 'Officers per team from it', lead ? 2 : 1, lead ? 1 : 0),
        specialists: await count('其中专长人员数', 'Of whom specialists', 0),
        items: await count('该部门每家企业检查事项数', 'Its check items per enterprise', lead ? 2 : 1),
      });
    } while (
      await confirm({ message: L('再加一个部门？', 'Add another department?'), default: departments.length < 2 })
    );
  const officerTeam = joint
    ? {}
    : {
        officers: await count(
          '每组执法人员数（至少 2，行政处罚法 第四十二条）',
          'Officers per team (at least 2)',
          2,
          2,
        ),
        specialists: await count('其中专长人员数', 'Of whom specialists', 1),
      };
  const experts = await count('每组专家数（从专家库按行业抽取）', 'Experts per team (drawn by trade)', 0);
  const maxPerInspector = await count(
    '每名人员在本计划中最多参加几组（0 = 不限）',
    'At most how many teams per inspector (0 = no limit)',
    0,
  );

  const inspectorWhere: Record<string, string[]> = {};
  if (
    await confirm({
      message: L('只从符合条件的执法人员中抽取？（顺城 第十六条）', 'Draw only inspectors who meet a condition?'),
      default: false,
    })
  ) {
    const field = await select({
      message: L('按执法人员的哪个字段', 'Which inspector field'),
      choices: INSPECTOR_WHERE_FIELDS.map((f) => fieldChoice(ROSTER_DEFS.inspectors, f)),
    });
    inspectorWhere[field] = await values();
  }
  const perEnterprise = joint ? 0 : await count('每家企业抽取检查事项数', 'Check items per enterprise', 3);
  const unannounced = await confirm({
    message: L('暗查暗访（结束前不公布企业名单）？', 'Unannounced (names withheld until the window ends)?'),
    default: false,
  });
  const raw = {
    id,
    title,
    year: Number(start.slice(0, 4)),
    window: { start, end },
    cap: { perYear },
    strata,
    ...(joint ? { joint: { departments } } : {}),
    team: { ...officerTeam, experts, ...(maxPerInspector > 0 ? { maxPerInspector } : {}) },
    ...(Object.keys(inspectorWhere).length ? { inspectors: { where: inspectorWhere } } : {}),
    items: { perEnterprise },
    publication: { unannounced },
  };
  try {
    return checkPlan(raw);
  } catch (e) {
    if (e instanceof PlanInvalid) throw planInvalid('(ssj plan new)', lang, e.problems);
    throw e;
  }
}
