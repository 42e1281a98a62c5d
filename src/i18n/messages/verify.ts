import type { Catalog } from '../types.js';

/** The verification bundle (ssj export bundle) and its verification (ssj verify). */
export const verify: Catalog = {
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
};
