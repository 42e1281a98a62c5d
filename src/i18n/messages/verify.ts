import type { Catalog, Params } from '../types.js';

const ROLE_ZH: Record<string, string> = { selected: '抽中', reserve: '备选', replaced: '已替换' };
const roleZh = (r: unknown) => ROLE_ZH[String(r)] ?? String(r);
const ordinal = (n: unknown): string => {
  const k = Number(n);
  const suffix = k % 100 >= 11 && k % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][k % 10] ?? 'th');
  return `${k}${suffix}`;
};
const EVENT_ZH: Record<string, string> = {
  recusal: '回避',
  reassign: '人员调整',
  swap: '对调',
  replacement: '替换企业',
};
const eventZh = (p: Params) => EVENT_ZH[String(p.type)] ?? String(p.type);

/** The verification bundle (ssj export bundle) and its verification (ssj verify). */
export const verify: Catalog = {
  // ------------------------------------------------------------ export bundle
  'bundle.notDrawn': {
    zh: '计划 "{id}" 尚未抽取，没有可导出的核验包。请先运行 ssj draw --plan {id}。',
    en: 'Plan "{id}" has not been drawn, so there is no bundle to export. Draw it first with ssj draw --plan {id}.',
  },
  'bundle.dirNotEmpty': {
    zh: '目录 {dir} 中有不属于核验包的文件（{files}），核验时会被视为未列入清单的文件。请指定一个空目录或新目录。',
    en: 'The directory {dir} holds files that are not part of a bundle ({files}); verification would flag them as not in the manifest. Choose an empty or new directory.',
  },
  'bundle.written': {
    zh: '已将计划 {id} 的核验包（{count} 个文件）写入 {dir}。任何人都可用 ssj verify {dir} 或 python3 docs/verify.py {dir} 复核。',
    en: 'Wrote the verification bundle of plan {id} ({count} files) to {dir}. Anyone can check it with ssj verify {dir} or python3 docs/verify.py {dir}.',
  },

  // ------------------------------------------------------------ verify: the bundle cannot be read (exit 3 / 4)
  'verify.dirNotFound': {
    zh: '找不到核验包目录 {dir}。请检查路径（用 ssj export bundle --plan ID --out DIR 生成核验包）。',
    en: 'Bundle directory not found: {dir}. Check the path (a bundle is written by ssj export bundle --plan ID --out DIR).',
  },
  'verify.notDirectory': {
    zh: '{dir} 不是目录。ssj verify 需要核验包所在的目录（内含 manifest.json）。',
    en: '{dir} is not a directory. ssj verify needs the directory holding the bundle (with manifest.json in it).',
  },
  'verify.notBundle': {
    zh: '{dir} 中没有 {file}，不是核验包。请指向 ssj export bundle 写出的目录。',
    en: 'There is no {file} in {dir}, so it is not a bundle. Point ssj verify at a directory written by ssj export bundle.',
  },
  'verify.unreadable': {
    zh: '无法读取核验包文件 {file}：{reason}',
    en: 'Cannot read the bundle file {file}: {reason}',
  },
  'verify.notUtf8': {
    zh: '核验包文件 {file} 不是 UTF-8 编码（可能被 Excel 另存过）。请使用原始发布的文件。',
    en: 'The bundle file {file} is not UTF-8 (perhaps saved again by Excel). Use the file as published.',
  },
  'verify.bom': {
    zh: '{file} 以字节顺序标记（BOM）开头，不是原始发布的文件（可能被 Excel 另存过）。请使用原始发布的文件。',
    en: '{file} starts with a byte-order mark, so it is not the file as published (perhaps saved again by Excel). Use the file as published.',
  },
  'verify.fileMissing': {
    zh: '核验包缺少 {file}，无法复核。请重新下载完整的核验包。',
    en: 'The bundle has no {file}, so it cannot be verified. Download the complete bundle again.',
  },
  'verify.badJson': { zh: '{file} 不是有效的 JSON：{reason}', en: '{file} is not valid JSON: {reason}' },
  'verify.badManifest': {
    zh: 'manifest.json 的字段 {field} 缺失或类型不对，无法复核。请使用原始发布的核验包。',
    en: 'manifest.json has a missing or wrong field {field}, so the bundle cannot be verified. Use the bundle as published.',
  },
  'verify.unknownFormat': {
    zh: '未知的核验包格式 "{format}"（本程序支持 {known}）。请升级 ssj，或使用 docs/ALGORITHM.md 对应版本的核验方法。',
    en: 'Unknown bundle format "{format}" (this program reads {known}). Upgrade ssj, or verify with the matching version of docs/ALGORITHM.md.',
  },
  'verify.unknownAlgorithm': {
    zh: '核验包使用的抽取协议 "{algorithm}" 不受支持（本程序支持 {known}）。请升级 ssj 后再复核。',
    en: 'The bundle was drawn with protocol "{algorithm}", which this program does not know (it knows {known}). Upgrade ssj and verify again.',
  },
  'verify.badPlan': {
    zh: 'plan.json 的字段 {field} 缺失或无效，无法重新抽取。',
    en: 'plan.json has a missing or invalid field {field}, so the draw cannot be recomputed.',
  },
  'verify.badHeader': {
    zh: '{file} 第 1 行（表头）应为 "{expected}"，实际为 "{found}"。请使用原始发布的文件。',
    en: '{file} line 1 (the header) should be "{expected}" but is "{found}". Use the file as published.',
  },

  // ------------------------------------------------------------ verify: verdict
  'verify.verified': {
    zh: (p) => `核验通过：计划 ${p.planId} 的抽取结果可由公布的种子和文件完全重现（协议 ${p.algorithm}）。`,
    en: (p) =>
      `VERIFIED: the draw of plan ${p.planId} is reproduced exactly from the published seed and files (protocol ${p.algorithm}).`,
  },
  'verify.failed': {
    zh: '核验未通过：发现 {count} 处不一致。',
    en: 'FAILED: {count} difference(s) between the bundle and the protocol.',
  },
  'verify.andMore': { zh: '……另有 {count} 处（用 --json 查看全部）', en: '… and {count} more (see all with --json)' },

  // ------------------------------------------------------------ verify: differences
  'verify.fileListedMissing': {
    zh: '清单：manifest.json 列出了 {file}，但核验包中没有这个文件。',
    en: 'manifest: {file} is listed in manifest.json but is not in the bundle.',
  },
  'verify.fileHash': {
    zh: '清单：{file} 的 SHA-256 为 {actual}，与 manifest.json 记录的 {listed} 不符（文件被改动过）。',
    en: 'manifest: {file} has SHA-256 {actual}, not {listed} as manifest.json says (the file was changed).',
  },
  'verify.fileNotInManifest': {
    zh: '清单：核验包中的 {file} 未列入 manifest.json。',
    en: 'manifest: {file} is in the bundle but not listed in manifest.json.',
  },
  'verify.poolHash': {
    zh: '对象库：pool-enterprises.csv 的哈希为 {actual}，与公布的对象库哈希 {listed} 不符。',
    en: 'pool: pool-enterprises.csv hashes to {actual}, not to the published pool hash {listed}.',
  },
  'verify.planId': {
    zh: '计划：manifest.json 的计划编号 {listed} 与 plan.json 的 {planId} 不符。',
    en: 'plan: manifest.json names plan {listed} but plan.json is plan {planId}.',
  },
  'verify.seedInput': {
    zh: (p) =>
      `种子：manifest.json 记录的种子 "${p.seed}" 不是由公布的${p.seedKind === 'rfc3797' ? '开奖号码' : '种子文本'} "${p.seedInput}" 得出的（应为 "${p.expected}"）。`,
    en: (p) =>
      `seed: the seed "${p.seed}" in manifest.json does not come from the published ${p.seedKind === 'rfc3797' ? 'lottery numbers' : 'seed text'} "${p.seedInput}" (that gives "${p.expected}").`,
  },
  'verify.stratumNotInPlan': {
    zh: '计划：manifest.json 中的层“{stratum}”不在 plan.json 中。',
    en: 'plan: stratum "{stratum}" is in manifest.json but not in plan.json.',
  },
  'verify.stratumNotInManifest': {
    zh: '计划：plan.json 中的层“{stratum}”在 manifest.json 中没有总数记录。',
    en: 'plan: stratum "{stratum}" of plan.json has no population in manifest.json.',
  },
  'verify.duplicateRow': {
    zh: '{file}：键 {key} 出现了不止一次。',
    en: '{file}: the key {key} appears more than once.',
  },
  'verify.poolUnknownStratum': {
    zh: '对象库：企业 {uscc} 属于 plan.json 中没有的层“{stratum}”。',
    en: 'pool: enterprise {uscc} is in stratum "{stratum}", which plan.json does not have.',
  },
  'verify.notCanonical': {
    zh: '{file}：内容相同，但行的顺序或格式不是 docs/ALGORITHM.md 第 10 节规定的规范格式。',
    en: '{file}: the rows check out but the row order or formatting is not the canonical form of docs/ALGORITHM.md section 10.',
  },
  'verify.poolCount': {
    zh: '对象库：层“{stratum}”在 pool-enterprises.csv 中有 {actual} 家企业，manifest.json 记录为 {listed} 家。',
    en: 'pool: stratum "{stratum}" has {actual} enterprises in pool-enterprises.csv, but manifest.json says {listed}.',
  },
  'verify.stratumCount': {
    zh: (p) =>
      `数量：层“${p.stratum}”按计划应${p.field === 'selected' ? '抽取' : '备选'} ${p.computed} 家，manifest.json 记录为 ${p.listed} 家。`,
    en: (p) =>
      `counts: the plan gives ${p.computed} ${p.field === 'selected' ? 'selected' : 'reserves'} in stratum "${p.stratum}", but manifest.json says ${p.listed}.`,
  },
  'verify.drawFailed': {
    zh: '抽取：按公布的文件无法重新完成抽取：{reason}',
    en: 'draw: the published files do not allow the draw to be recomputed: {reason}',
  },
  'verify.eventSeq': {
    zh: 'events.csv 第 {line} 行：序号为 {seq}，应为 {expected}（事件缺失或顺序被打乱）。',
    en: 'events.csv line {line}: seq is {seq}, expected {expected} (an event is missing or out of order).',
  },
  'verify.eventMismatch': {
    zh: (p) =>
      `事件 ${p.seq}（${eventZh(p)}，企业 ${p.uscc}）：记录的 ${p.field} 为 "${p.recorded}"，按规则应为 "${p.computed}"。`,
    en: (p) =>
      `event ${p.seq} (${p.type} on ${p.uscc}): recorded ${p.field} is "${p.recorded}" but the rules give "${p.computed}".`,
  },
  'verify.eventRefused': {
    zh: (p) => `事件 ${p.seq}（${eventZh(p)}，企业 ${p.uscc}）按规则无法执行：${p.reason}。其后的结果无法比对。`,
    en: (p) =>
      `event ${p.seq} (${p.type} on ${p.uscc}) cannot be applied under the rules: ${p.reason}. Nothing after it can be compared.`,
  },
  'verify.selectionMissing': {
    zh: (p) =>
      `抽取结果：${p.uscc}（${p.name}）在“${p.stratum}”层排第 ${p.rank}，应为${roleZh(p.role)}，但 selection.csv 中没有它。`,
    en: (p) =>
      `selection: ${p.uscc} (${p.name}) ranks ${ordinal(p.rank)} in ${p.stratum} and should be ${p.role}, but selection.csv does not list it.`,
  },
  'verify.selectionRole': {
    zh: (p) =>
      `抽取结果：${p.uscc} 被列为${roleZh(p.listedRole)}，但按抽取和事件应为${roleZh(p.role)}（“${p.stratum}”层第 ${p.rank}）。`,
    en: (p) =>
      `selection: ${p.uscc} is listed as ${p.listedRole} but the draw and events make it ${p.role} (rank ${p.rank} in ${p.stratum}).`,
  },
  'verify.selectionField': {
    zh: '抽取结果：{uscc} 的 {field} 为 "{listed}"，按抽取应为 "{computed}"。',
    en: 'selection: {uscc} has {field} "{listed}" but the draw gives "{computed}".',
  },
  'verify.selectionNotInPool': {
    zh: (p) => `抽取结果：${p.uscc} 被列为${roleZh(p.listedRole)}，但它不在抽查对象库中。`,
    en: (p) => `selection: ${p.uscc} is listed as ${p.listedRole} but is not in the pool.`,
  },
  'verify.selectionRank': {
    zh: (p) =>
      `抽取结果：${p.uscc} 被列为${roleZh(p.listedRole)}，但它的号码在“${p.stratum}”层排第 ${p.rank}，该层只抽取前 ${p.n} 名${Number(p.reserves) ? `、备选其后 ${p.reserves} 名` : ''}。`,
    en: (p) =>
      `selection: ${p.uscc} is listed as ${p.listedRole} but its ticket ranks ${ordinal(p.rank)} of ${p.n} in ${p.stratum}${Number(p.reserves) ? ` (${p.reserves} reserves after them)` : ''}.`,
  },
  'verify.teamMissing': {
    zh: '检查组：企业 {uscc} 的第 {seat} 席应为 {name}（{certNo}），teams.csv 中没有这一席。',
    en: 'teams: seat {seat} on {uscc} should be {name} ({certNo}) but teams.csv does not have that seat.',
  },
  'verify.teamMember': {
    zh: '检查组：企业 {uscc} 的第 {seat} 席列为 {listedName}（{listedCertNo}），按抽取应为 {name}（{certNo}）。',
    en: 'teams: seat {seat} on {uscc} is listed as {listedName} ({listedCertNo}) but the draw gives {name} ({certNo}).',
  },
  'verify.teamField': {
    zh: '检查组：企业 {uscc} 第 {seat} 席的 {field} 为 "{listed}"，应为 "{computed}"。',
    en: 'teams: seat {seat} on {uscc} has {field} "{listed}" but the draw gives "{computed}".',
  },
  'verify.teamExtra': {
    zh: '检查组：teams.csv 列出企业 {uscc} 第 {seat} 席为 {name}（{certNo}），但按抽取没有这一席。',
    en: 'teams: teams.csv lists {name} ({certNo}) in seat {seat} on {uscc}, but the draw gives no such seat.',
  },
  'verify.itemMissing': {
    zh: '检查事项：企业 {uscc} 应检查 {item}，check-items.csv 中没有。',
    en: 'check items: {uscc} should be checked on {item} but check-items.csv does not list it.',
  },
  'verify.itemTicket': {
    zh: '检查事项：企业 {uscc} 的事项 {item} 号码为 {listed}，应为 {computed}。',
    en: 'check items: item {item} on {uscc} has ticket {listed} but the draw gives {computed}.',
  },
  'verify.itemExtra': {
    zh: '检查事项：check-items.csv 列出企业 {uscc} 检查 {item}，但按抽取不是它。',
    en: 'check items: check-items.csv lists {item} for {uscc}, but the draw does not pick it.',
  },
  'bundle.outIsFile': {
    zh: '--out {path} 是一个已有的文件；核验包需要一个目录（新的或空的）。请换一个目录名。',
    en: '--out {path} is an existing file; a bundle needs a directory (new or empty). Choose another name.',
  },
};
