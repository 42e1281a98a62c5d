import type { Catalog } from '../types.js';

export const demo: Catalog = {
  'demo.dirNotEmpty': {
    zh: '目录 {dir} 已存在且不为空。演示需要一个新目录：请删除它，或用 --dir 指定另一个目录。',
    en: 'The directory {dir} exists and is not empty. The demo needs a new directory: remove it or pass --dir elsewhere.',
  },
  'demo.stepFailed': {
    zh: '演示步骤失败（退出码 {code}）：{step}\n{output}',
    en: 'A demo step failed (exit {code}): {step}\n{output}',
  },
  'demo.done': {
    zh: '完成，用时 {seconds} 秒。生成的文件在 {dir}：',
    en: 'Done in {seconds} s. What was made, in {dir}:',
  },
  'demo.next': { zh: '接下来可以试试：', en: 'Try next:' },
};
