import type { Catalog } from '../types.js';

/** Races between ssj processes (src/db/tx.ts). */
export const ledger: Catalog = {
  'db.raced': {
    zh: '在本命令计算期间，另一个 ssj 命令修改了计划或数据。本命令未做任何更改，请重新运行。',
    en: 'Another ssj command changed the plan while this one was computing; nothing was changed. Run the command again.',
  },
};
