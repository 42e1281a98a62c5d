import type { Register } from '../register.js';
import { settingKeys, getSettings, setSetting } from '../../db/settings.js';
import { appendAudit } from '../../audit/log.js';
import { usageError } from '../../errors.js';

export const register: Register = (program, wrap) => {
  const config = program
    .command('config')
    .description('office settings: name, deadlines in working days / 单位设置：名称、工作日期限')
    .addHelpText(
      'after',
      `\nKeys:\n${settingKeys.map((k) => `  ${k.key.padEnd(22)} ${k.help} (default: ${k.default})`).join('\n')}\n\nExamples:\n  ssj config set office.name "某某县应急管理局"\n  ssj config list --json`,
    );

  config
    .command('list')
    .description('show every setting and its value')
    .action(
      wrap((ctx) => {
        const s = getSettings(ctx.db());
        ctx.out.result(s, (v) => Object.entries(v).map(([k, val]) => `${k} = ${val}`));
      }),
    );

  config
    .command('get <key>')
    .description('print one setting')
    .action(
      wrap((ctx, [key]) => {
        const s = getSettings(ctx.db()) as Record<string, string | number>;
        if (!(String(key) in s))
          throw usageError('config.unknownKey', { key, keys: settingKeys.map((k) => k.key).join(', ') });
        ctx.out.result({ [String(key)]: s[String(key)] }, () => String(s[String(key)]));
      }),
    );

  config
    .command('set <key> <value>')
    .description('change one setting (recorded in the audit log)')
    .action(
      wrap((ctx, [key, value]) => {
        const db = ctx.db();
        db.transaction(() => {
          setSetting(db, String(key), String(value));
          appendAudit(db, {
            at: ctx.now(),
            operator: ctx.operator,
            action: 'config.set',
            payload: { key, value },
            tables: ['settings'],
          });
        }).immediate();
        ctx.out.result({ [String(key)]: value }, () => `${key} = ${value}`);
      }),
    );
};
