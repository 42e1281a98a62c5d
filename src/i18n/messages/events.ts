import type { Catalog, Params } from '../types.js';

/** "张伟（37032301001）" / "张伟 (37032301001)". */
const who = (zh: boolean, name: unknown, code: unknown) => (zh ? `${name}（${code}）` : `${name} (${code})`);

/** The members of p.team, in seat order. */
const seats = (zh: boolean, p: Params) =>
  ((p.team as { name: string; certNo: string }[] | undefined) ?? [])
    .map((m) => who(zh, m.name, m.certNo))
    .join(zh ? '、' : ', ');

const teamList = (zh: boolean, p: Params) => {
  if (!seats(zh, p)) return '';
  return zh ? `该组成员：${seats(zh, p)}。` : ` Its members: ${seats(zh, p)}.`;
};

/** Why one inspector ahead of the newcomer was passed over (SSJ-1 8.1 step 4), as a counted phrase. */
const passReason = (zh: boolean, reason: string, count: number, p: Params): string => {
  const zhText: Record<string, string> = {
    leaving: '为回避人员本人',
    recused: '此前已回避该企业',
    onTeam: '已在本组',
    conflict: '与该企业有利害关系',
    atLimit: `已达每人 ${p.max} 个检查组的上限`,
    notSpecialist: `不具备“${p.industry}”专长（本组须补足专长人员）`,
  };
  const enText: Record<string, string> = {
    leaving: 'is the recusing inspector',
    recused: 'had already recused from it',
    onTeam: count > 1 ? 'are already on the team' : 'is already on the team',
    conflict: count > 1 ? 'have a conflict with it' : 'has a conflict with it',
    atLimit: `${count > 1 ? 'are' : 'is'} at the limit of ${p.max} teams each`,
    notSpecialist: `${count > 1 ? 'are not' : 'is not a'} "${p.industry}" specialist${count > 1 ? 's' : ''} (the team needed one)`,
  };
  return zh ? `${count} 位${zhText[reason]}` : `${count} ${enText[reason]}`;
};

/** "第 3 位；前 2 位中 1 位…、1 位…" — the newcomer's place in the order and why those ahead were passed over. */
const whyPosition = (zh: boolean, p: Params): string => {
  const position = Number(p.position);
  const counts = (p.counts as { reason: string; count: number }[]) ?? [];
  const parts = counts.map((c) => passReason(zh, c.reason, c.count, p));
  if (zh) return position === 1 ? '第 1 位' : `第 ${position} 位；前 ${position - 1} 位中，${parts.join('、')}`;
  return position === 1 ? 'first' : `number ${position}; of the ${position - 1} ahead: ${parts.join(', ')}`;
};

/** Protocol failures after the draw (SSJ-1 recusal, swap, replacement), and what `ssj recuse` / `ssj replace` print. */
export const events: Catalog = {
  'event.notSelected': {
    zh: '企业 {uscc} 不是本计划当前的被抽中企业（可能未被抽中、是备选或已被替换）。请用 ssj plan show 查看抽取结果。',
    en: 'Enterprise {uscc} is not currently selected in this plan (not drawn, a reserve, or already replaced). See the result with ssj plan show.',
  },
  'event.notOnTeam': {
    zh: (p) =>
      `执法人员 ${p.certNo} 不在企业 ${p.uscc} 的检查组中。${teamList(true, p)}请核对执法证号（ssj plan show 可查看各组成员）。`,
    en: (p) =>
      `Inspector ${p.certNo} is not on the team of enterprise ${p.uscc}.${teamList(false, p)} Check the certificate number (ssj plan show lists every team).`,
  },
  'event.noReplacement': {
    zh: (p) =>
      `没有可替补 ${p.certNo} 的执法人员（企业 ${p.name} ${p.uscc}${p.needSpecialist ? `，需要“${p.industry}”专长人员` : ''}）：所有候选人均已在组、曾回避、有利害关系或已达每人上限。可改用 --swap 与其他检查组对调，或补充执法人员名录后重新抽取。未做任何更改。`,
    en: (p) =>
      `No inspector can replace ${p.certNo} on ${p.name} (${p.uscc})${p.needSpecialist ? `, which needs a "${p.industry}" specialist` : ''}: every candidate is on the team, recused, conflicted or at the seat limit. Try --swap to trade with another team, or extend the inspector roster and draw again. Nothing was changed.`,
  },
  'event.noSwap': {
    zh: '无法为 {certNo}（企业 {name} {uscc}）找到可对调的执法人员：与任何其他检查组对调都会造成利害关系或专长人员不足。可改用不带 --swap 的回避重抽。未做任何更改。',
    en: 'No swap is possible for {certNo} on {name} ({uscc}): every trade with another team would create a conflict or leave a team without its specialists. Recuse without --swap instead. Nothing was changed.',
  },
  'event.noReserve': {
    zh: '“{stratum}”层已无未使用的备选企业，无法替换 {name}（{uscc}）。该企业仍在抽查名单中；如确需减少，请报局务会决定是否重新抽取（ssj draw --redraw --reason …）。未做任何更改。',
    en: 'No unused reserve is left in stratum "{stratum}" to replace {name} ({uscc}). It stays selected; if it must go, decide on a new draw (ssj draw --redraw --reason …). Nothing was changed.',
  },
  'event.unknownType': { zh: '未知的事件类型 "{type}"。', en: 'Unknown event type "{type}".' },

  // Refusals of the commands themselves.
  'event.drawVoided': {
    zh: '计划 "{id}" 的抽取 #{drawId} 已于 {at} 作废，当前没有有效的抽取结果，不能登记回避或替换。请先重新抽取（ssj draw --plan {id} …）。',
    en: 'The draw #{drawId} of plan "{id}" was voided at {at}; there is no current draw to record a recusal or replacement on. Draw the plan again first (ssj draw --plan {id} …).',
  },
  'event.storedStateDiffers': {
    zh: '计划 "{id}" 数据库中保存的抽取结果与按种子和已登记事件重算的结果不一致（{detail}），说明数据库被改动过。已拒绝登记新事件。请运行 ssj audit verify 检查审计链，并用 ssj export bundle 后 ssj verify 核对。',
    en: 'The stored result of plan "{id}" differs from the one recomputed from its seed and recorded events ({detail}): the database was edited. No new event was recorded. Run ssj audit verify to check the audit chain, and ssj export bundle then ssj verify to compare.',
  },
  'event.emptyReason': {
    zh: '--reason 不能为空：回避、对调和替换的原因都会被记录并公开。例如 --reason "与该企业法定代表人系近亲属"。',
    en: '--reason must not be empty: the reason of every recusal, swap and replacement is recorded and published. Example: --reason "close relative of the legal representative".',
  },
  'event.emptyCode': { zh: '{option} 不能为空。', en: '{option} must not be empty.' },
  'event.swapWithSeed': {
    zh: '--swap 与 --seed/--seed-rfc3797 不能同时使用：对调按处理顺序确定对调对象，不使用随机种子。',
    en: '--swap cannot be combined with --seed/--seed-rfc3797: a swap takes the partner in processing order and uses no seed.',
  },

  // What the commands print (who left, who came in, and why that one).
  'event.recusal.left': {
    zh: (p) =>
      `回避：${who(true, p.name, p.certNo)}退出${who(true, p.enterprise, p.uscc)}检查组第 ${p.seat} 席。原因：${p.reason}`,
    en: (p) =>
      `Recusal: ${who(false, p.name, p.certNo)} leaves seat ${p.seat} of the team for ${who(false, p.enterprise, p.uscc)}. Reason: ${p.reason}`,
  },
  'event.recusal.came': {
    zh: (p) => `接替：${who(true, p.name, p.certNo)}接替第 ${p.seat} 席${p.seat === 1 ? '（任组长）' : ''}。`,
    en: (p) =>
      `Replacement: ${who(false, p.name, p.certNo)} takes seat ${p.seat}${p.seat === 1 ? ' (team leader)' : ''}.`,
  },
  'event.recusal.whyOrder': {
    zh: (p) => `依据：按原抽签顺序（本次抽取的种子计算的 I 签，升序）${whyPosition(true, p)}。`,
    en: (p) => `Why: ${whyPosition(false, p)} in the original draw order (I tickets under the draw's seed, ascending).`,
  },
  'event.recusal.whyFresh': {
    zh: (p) => `依据：按新的公开种子“${p.seed}”计算的 R 签顺序（该企业第 ${p.k} 次回避）${whyPosition(true, p)}。`,
    en: (p) =>
      `Why: ${whyPosition(false, p)} in the R order computed with the fresh public seed "${p.seed}" (recusal number ${p.k} on this enterprise).`,
  },
  'event.recusal.byOrderNotice': {
    zh: '说明：本次未使用新的公开随机数，替补人员是原抽签顺序中的下一位合格人员，公开的事件记录（events.csv）将如实注明。由于原顺序在抽取后即可算出，建议今后在申报回避时先公布将采用的、当时尚未产生的公开随机数（如下一期彩票开奖号码），开奖后用 --seed 传入，使回避不能被用来挑选替补人员。',
    en: 'Note: no fresh public randomness was used; the replacement is the next eligible inspector in the original draw order, and the published event record (events.csv) says so. Since that order is known once the draw is published, prefer announcing, when the recusal is declared, public randomness that does not exist yet (the next lottery draw, a beacon round) and pass it with --seed once drawn, so that a recusal cannot be used to pick the replacement.',
  },
  'event.recusal.freshNotice': {
    zh: '说明：替补人员由新的公开随机数决定，任何人可用该随机数按 ALGORITHM.md 第 8 节复核。',
    en: 'Note: the replacement was decided by the fresh public seed; anyone can check it with that seed (docs/ALGORITHM.md section 8).',
  },
  'event.swap.done': {
    zh: (p) =>
      `对调：${who(true, p.name, p.certNo)}退出${who(true, p.enterprise, p.uscc)}检查组第 ${p.seat} 席，与${who(true, p.partnerEnterprise, p.partnerUscc)}检查组第 ${p.partnerSeat} 席的${who(true, p.partnerName, p.partnerCertNo)}互换席位。原因：${p.reason}`,
    en: (p) =>
      `Swap: ${who(false, p.name, p.certNo)} leaves seat ${p.seat} of the team for ${who(false, p.enterprise, p.uscc)} and trades with ${who(false, p.partnerName, p.partnerCertNo)}, seat ${p.partnerSeat} of the team for ${who(false, p.partnerEnterprise, p.partnerUscc)}. Reason: ${p.reason}`,
  },
  'event.swap.why': {
    zh: (p) =>
      `依据：按处理顺序（企业签升序），${p.partnerEnterprise}是${p.enterprisePosition === 1 ? '' : `跳过前 ${Number(p.enterprisePosition) - 1} 家无可对调人员的企业后`}第一家可对调的企业，${p.partnerName}是该组按席位顺序第一位可对调的人员：对调后两组均无利害关系，且各自的专长人员不少于 ${p.specialists} 名。`,
    en: (p) =>
      `Why: in processing order (ascending enterprise ticket), ${p.partnerEnterprise} is the first enterprise with a member who can trade${p.enterprisePosition === 1 ? '' : ` (the ${Number(p.enterprisePosition) - 1} before it had none)`}, and ${p.partnerName} is its first such member in seat order: after the trade neither team has a conflict and each keeps at least ${p.specialists} specialist(s).`,
  },
  'event.replacement.left': {
    zh: (p) => `替换：${who(true, p.enterprise, p.uscc)}退出本次抽查，其检查组解散。原因：${p.reason}`,
    en: (p) =>
      `Replacement: ${who(false, p.enterprise, p.uscc)} leaves this plan and its team is released. Reason: ${p.reason}`,
  },
  'event.replacement.came': {
    zh: (p) =>
      `递补：${who(true, p.newEnterprise, p.newUscc)}，“${p.stratum}”层备选第 ${p.rank} 位（该层第一个未使用的备选）。`,
    en: (p) =>
      `In its place: ${who(false, p.newEnterprise, p.newUscc)}, reserve number ${p.rank} of stratum "${p.stratum}" (the stratum's first unused reserve).`,
  },
  'event.replacement.team': {
    zh: (p) => `检查组（按抽签规则、以当前席位数抽取，首位为组长）：${seats(true, p)}；检查事项：${p.items}`,
    en: (p) =>
      `Team (drawn by the same rules, seat counts as they stand; the first leads): ${seats(false, p)}; check items: ${p.items}`,
  },
  'event.conflictRecorded': {
    zh: (p) =>
      `${who(true, p.name, p.certNo)}与${p.enterprise}的利害关系已登记（来源：回避），今后的抽查不会再派其检查该企业（ssj list conflicts 可查看）。`,
    en: (p) =>
      `${who(false, p.name, p.certNo)} now has a declared conflict with ${p.enterprise} (source: recusal); later draws never send them there (see ssj list conflicts).`,
  },
  'event.recorded': {
    zh: '已登记为计划 {planId} 抽取 #{drawId} 的第 {seq} 号事件（{at}，操作人 {operator}）。结果哈希：{stateHash}',
    en: 'Recorded as event {seq} of plan {planId}, draw #{drawId} ({at}, by {operator}). Result hash: {stateHash}',
  },
  'event.confirm': {
    zh: '登记这一事件？登记后不可撤销，并将公开。',
    en: 'Record this event? It cannot be undone and will be published.',
  },
  'event.cancelled': { zh: '已取消，未做任何更改。', en: 'Cancelled; nothing was changed.' },
  'event.newcomerConflict': {
    zh: (p) =>
      `${who(true, p.name, p.certNo)}与${who(true, p.enterprise, p.uscc)}的利害关系是在本次抽取之后才登记的，抽签规则只考虑抽取时已登记的利害关系，因此仍安排了此人。请让其同样申报回避：ssj recuse --plan ${p.planId} --enterprise ${p.uscc} --inspector ${p.certNo} --reason "…"`,
    en: (p) =>
      `${who(false, p.name, p.certNo)} has a conflict with ${who(false, p.enterprise, p.uscc)} that was declared after this draw; the protocol only knows the conflicts declared at draw time, so they were seated. Have them recuse too: ssj recuse --plan ${p.planId} --enterprise ${p.uscc} --inspector ${p.certNo} --reason "…"`,
  },
  'event.hasResult': {
    zh: '企业 {uscc} 在计划 "{id}" 中已登记检查结果，不能再用备选企业替换。如结果有误，请用 ssj result correct 更正。',
    en: 'Enterprise {uscc} already has a recorded result in plan "{id}" and can no longer be replaced by a reserve. If the result is wrong, correct it with ssj result correct.',
  },
};
