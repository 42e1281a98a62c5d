import { checkPlan } from '../app/plan-check.js';
import { PlanInvalid, type Plan } from '../domain/plan.js';
import { parseRatio } from '../domain/ratio.js';
import { bi, t, type Lang } from '../i18n/index.js';
import { planInvalid } from './plan-file.js';

/** The interactive plan wizard (ssj plan new). Asks for each field, validates as it goes, returns a valid plan. */
export async function runPlanWizard(lang: Lang): Promise<Plan> {
  const { input, confirm, number, select } = await import('@inquirer/prompts');
  const L = (zh: string, en: string) => bi(lang, zh, en);
  const date = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) || L('请按 YYYY-MM-DD 填写', 'use YYYY-MM-DD');
  const id = await input({
    message: L('计划编号（如 2024Q1）', 'Plan id (e.g. 2024Q1)'),
    validate: (v) =>
      /^[\p{L}\p{N}_.-]{1,40}$/u.test(v) || L('只能用字母、数字、汉字、-、_、.', 'letters, digits, -, _ and . only'),
  });
  const title = await input({
    message: L('计划名称', 'Title'),
    default: L(`${id} 安全生产“双随机、一公开”抽查`, `${id} work-safety random inspection`),
  });
  const start = await input({ message: L('检查开始日期', 'Window start'), validate: date });
  const end = await input({ message: L('检查结束日期', 'Window end'), validate: date });
  const perYear =
    (await number({
      message: L('每家企业每年最多抽查次数（细则：1 或 4）', 'Checks per enterprise per year at most (rules: 1 or 4)'),
      default: 1,
      min: 1,
    })) ?? 1;
  const strata: Record<string, unknown>[] = [];
  do {
    const name = await input({
      message: L(`第 ${strata.length + 1} 层名称（如 重点行业）`, `Stratum ${strata.length + 1} name (e.g. 重点行业)`),
    });
    const field = await select({
      message: L('按哪个字段筛选', 'Filter on which field'),
      choices: [
        { name: L('不筛选（全部企业）', 'none (all enterprises)'), value: '' },
        ...['supervision', 'industry', 'region', 'risk', 'credit', 'type'].map((f) => ({ name: f, value: f })),
      ],
    });
    const values = field ? await input({ message: L('取值（多个用、分隔）', 'Values (separate with 、 or ,)') }) : '';
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
    strata.push({
      name,
      ...(field
        ? {
            where: {
              [field]: values
                .split(/[、,，]/)
                .map((x) => x.trim())
                .filter(Boolean),
            },
          }
        : {}),
      ratio,
    });
  } while (await confirm({ message: L('再加一层？', 'Add another stratum?'), default: false }));
  const size = (await number({ message: L('每组执法人员数', 'Inspectors per team'), default: 2, min: 1 })) ?? 2;
  const specialists =
    (await number({ message: L('其中专长人员数', 'Of whom specialists'), default: 1, min: 0, max: size })) ?? 1;
  const perEnterprise =
    (await number({ message: L('每家企业抽取检查事项数', 'Check items per enterprise'), default: 3, min: 0 })) ?? 3;
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
    team: { size, specialists },
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
