import type { Catalog } from '../types.js';

/** Messages shared by every command: the error model, the database, prompts. */
export const common: Catalog = {
  'error.prefix': { zh: '错误', en: 'Error' },
  'warning.prefix': { zh: '警告', en: 'Warning' },
  'error.internal': {
    zh: '内部错误：{message}。请用 --debug 重新运行并把输出报告给维护者。',
    en: 'Internal error: {message}. Run again with --debug and report the output to the maintainers.',
  },
  'error.cancelled': { zh: '已取消，未做任何更改。', en: 'Cancelled; nothing was changed.' },
  'error.usage': { zh: '用法错误：{message}', en: 'Usage error: {message}' },
  'error.notTerminal': {
    zh: '此操作需要确认，但当前不是交互终端。确认无误后请加 --yes 重新运行。',
    en: 'This needs a confirmation but no terminal is attached. Run again with --yes once you have checked it.',
  },
  'error.badLang': { zh: '--lang 只能是 zh 或 en（收到 "{value}"）。', en: '--lang must be zh or en (got "{value}").' },
  'error.badNow': {
    zh: '--now 的时间 "{value}" 无法识别，请使用 ISO 8601 格式，例如 2024-01-10T09:00:00+08:00。',
    en: 'Cannot read the --now time "{value}": use ISO 8601, e.g. 2024-01-10T09:00:00+08:00.',
  },
  'error.badDate': {
    zh: '{field} 的日期 "{value}" 无效，请使用 YYYY-MM-DD 格式的真实日期。',
    en: 'The {field} date "{value}" is not valid: use a real date as YYYY-MM-DD.',
  },
  'db.newerVersion': {
    zh: '数据库 {path} 由更新版本的 ssj 创建（结构版本 {found}，本程序最高支持 {supported}）。为保护数据，未做任何修改。请升级 ssj 后再打开。',
    en: 'The database {path} was written by a newer ssj (schema {found}; this program knows up to {supported}). It was not modified. Upgrade ssj to open it.',
  },
  'db.notDatabase': {
    zh: '{path} 不是 ssj 数据库（{reason}）。请用 --db 指定正确的文件。',
    en: '{path} is not an ssj database ({reason}). Point --db at the right file.',
  },
  'db.missing': {
    zh: '数据库 {path} 不存在。请先用 ssj import 导入名录，或用 --db 指定已有的数据库。',
    en: 'The database {path} does not exist. Import the rosters first with ssj import, or point --db at an existing one.',
  },
  'db.busy': {
    zh: '数据库正被另一个 ssj 进程使用，等待超时。请稍后重试。',
    en: 'The database is busy in another ssj process and the wait timed out. Try again shortly.',
  },
  'file.notFound': { zh: '找不到文件 {path}。请检查路径。', en: 'File not found: {path}. Check the path.' },
  'file.unreadable': { zh: '无法读取 {path}：{reason}', en: 'Cannot read {path}: {reason}' },
  'file.unwritable': { zh: '无法写入 {path}：{reason}', en: 'Cannot write {path}: {reason}' },
  'usage.missingArgument': {
    zh: '缺少参数 {name}。用法见 {command} --help',
    en: 'Missing argument {name}. See {command} --help',
  },
  'usage.optionMissingArgument': {
    zh: '选项 {name} 需要一个值。用法见 {command} --help',
    en: 'Option {name} needs a value. See {command} --help',
  },
  'usage.missingOption': {
    zh: '缺少必需的选项 {name}。用法见 {command} --help',
    en: 'The option {name} is required. See {command} --help',
  },
  'usage.unknownOption': {
    zh: '未知选项 {name}。用法见 {command} --help',
    en: 'Unknown option {name}. See {command} --help',
  },
  'usage.unknownCommand': {
    zh: '未知命令 {name}。可用命令见 ssj --help',
    en: 'Unknown command {name}. See ssj --help for the commands',
  },
  'usage.excessArguments': {
    zh: '参数过多（{message}）。用法见 {command} --help',
    en: 'Too many arguments ({message}). See {command} --help',
  },
  'usage.invalidArgument': {
    zh: '参数无效：{message}。用法见 {command} --help',
    en: 'Invalid argument: {message}. See {command} --help',
  },
  'usage.other': {
    zh: '用法错误：{message}。用法见 {command} --help',
    en: 'Usage error: {message}. See {command} --help',
  },
  'file.noPermission': {
    zh: '没有读取 {path} 的权限。请检查文件权限，或把文件复制到自己的目录后再试。',
    en: 'No permission to read {path}. Check its permissions, or copy it to a folder of your own and try again.',
  },
  'file.isDirectory': {
    zh: '{path} 是一个目录，这里需要一个文件。',
    en: '{path} is a directory; a file is needed here.',
  },
  'db.dirMissing': {
    zh: '数据库所在的目录 {dir} 不存在。请先创建该目录，或用 --db 指定其他位置。',
    en: 'The folder {dir} for the database does not exist. Create it first or point --db elsewhere.',
  },
  'confirm.proceed': { zh: '确认执行？', en: 'Proceed?' },
  'operator.label': { zh: '操作人', en: 'Operator' },
};

export const config: Catalog = {
  'config.unknownKey': {
    zh: '未知的设置项 "{key}"。可用的设置项：{keys}',
    en: 'Unknown setting "{key}". Known settings: {keys}',
  },
  'config.badDays': {
    zh: '设置项 {key} 需要一个工作日天数（整数），收到 "{value}"。',
    en: 'Setting {key} needs a number of working days (an integer); got "{value}".',
  },
};
