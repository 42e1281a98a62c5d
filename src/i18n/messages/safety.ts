import type { Catalog } from '../types.js';

/** Messages of the safety layer: outputs that would clobber the database or an input, atomic writes, faults. */
export const safety: Catalog = {
  'output.clobbers': {
    zh: (p) =>
      p.folder
        ? `${p.option} 指向文件夹 ${p.path}，其中有${p.role === 'database' ? '数据库' : '输入文件'} ${p.target}。导出会整体替换这个文件夹，因此未做任何操作。请指定一个单独的新文件夹。`
        : `${p.option} 指向 ${p.path}，它就是${p.role === 'database' ? '数据库' : '输入文件'} ${p.target}（同一文件、符号链接或硬链接）。写入会毁掉它，因此未做任何操作。请换一个文件名。`,
    en: (p) =>
      p.folder
        ? `${p.option} names the folder ${p.path}, which holds the ${p.role === 'database' ? 'database' : 'input file'} ${p.target}. An export replaces the whole folder, so nothing was done. Name a folder of its own.`
        : `${p.option} names ${p.path}, which is the ${p.role === 'database' ? 'database' : 'input file'} ${p.target} (the same file, a symlink or a hard link to it). Writing it would destroy it, so nothing was done. Choose another name.`,
  },
  'output.twice': {
    zh: '{first} 和 {second} 指向同一个位置（{path}）。请为它们分别指定不同的文件。',
    en: '{first} and {second} name the same place ({path}). Give each its own file.',
  },
  'export.site.foreignFiles': {
    zh: '文件夹 {path} 中有不是网站导出生成的文件（{files}）。导出会整体替换该文件夹，为免丢失这些文件，未做任何操作。请指定一个新的或只含以前导出网站的文件夹。',
    en: 'The folder {path} holds files a site export did not write ({files}). An export replaces the whole folder, so to keep them nothing was done. Name a new folder, or one holding only an earlier site export.',
  },
  'fs.diskFull': {
    zh: '磁盘已满，无法写入 {path}。未做任何更改。请腾出空间（或换一个磁盘）后重新运行。',
    en: 'The disk is full: cannot write {path}. Nothing was changed. Free some space (or use another disk) and run again.',
  },
  'fs.readOnlyMedia': {
    zh: '{path} 所在的磁盘是只读的。未做任何更改。请把文件复制到可写的磁盘，或写到另一个位置。',
    en: '{path} is on read-only media. Nothing was changed. Copy the file to a writable disk, or write somewhere else.',
  },
  'fs.notWritable': {
    zh: '没有权限写入 {path}。未做任何更改。请检查文件和文件夹的权限，或写到另一个位置。',
    en: 'Not allowed to write {path}. Nothing was changed. Check the permissions of the file and its folder, or write somewhere else.',
  },
  'freeze.fileLost': {
    zh: '计划已冻结，但预告无法写入 {path}（{reason}）。预告全文已打印在下方，请复制保存并公布。',
    en: 'The plan is frozen, but the pre-announcement could not be written to {path} ({reason}). Its full text is printed below: save it and publish it.',
  },
  'verify.symlink': {
    zh: '{file} 是符号链接。核验包只能包含普通文件：请下载文件本身。',
    en: '{file} is a symlink. A bundle holds plain files only: download the files themselves.',
  },
  'verify.subfolder': {
    zh: '{file} 是子文件夹。核验包是一个只含清单所列文件的文件夹。',
    en: '{file} is a subfolder. A bundle is one flat folder of the files its manifest lists.',
  },
  'verify.notPlainFile': {
    zh: '{file} 不是普通文件。核验包只能包含普通文件。',
    en: '{file} is not a plain file. A bundle holds plain files only.',
  },
  'verify.frozenAfterDraw': {
    zh: '清单的冻结时间 {frozenAt} 不早于抽取时间 {drawnAt}：对象库必须在种子产生之前冻结。',
    en: 'The manifest says the pool was frozen at {frozenAt}, not before the draw at {drawnAt}: the pool must be frozen before the seed exists.',
  },
  'verify.claims': {
    zh: '清单声明（无法由核验包验证，请与本单位此前的公告核对）：',
    en: "Claims of the manifest (not verifiable from the bundle; check them against the office's earlier publications):",
  },
};
