/**
 * The notes and examples shown after a command's `--help` (commander's addHelpText('after')), in Chinese, keyed by the
 * command path. When the language is zh, src/cli/main.ts shows these instead of the English notes; a test fails when
 * a command has an English note and no Chinese one here. Examples keep the commands as typed.
 */
export const helpNotesZh: Record<string, string> = {
  'ssj import': `
名录：
  enterprises  检查对象名录库      主键 统一社会信用代码（uscc）
  inspectors   执法检查人员名录库  主键 执法证号（certNo）；专家的 类别 为 专家（kind=expert）
  items        随机抽查事项清单    主键 事项编码（code）；适用行业 填 * 表示所有行业
  conflicts    利害关系回避        主键 执法证号 + 统一社会信用代码
  history      检查记录            主键 统一社会信用代码 + 检查日期 + 检查机关

表头可以是规定中的中文名称，也可以是英文字段名（见 README）。
文件可以是 CSV（UTF-8，带或不带 BOM；或 Excel 保存的 GBK/GB18030，自动识别），也可以是 Excel 工作簿（.xlsx）：
读取第一个有数据的工作表，或用 --sheet 指定；表头上方的标题行和“序号”列自动跳过；日期按日期读取；以数字形式
保存的代码会被拒绝并指出单元格（如 B7）。旧的 .xls 文件请另存为 .xlsx。
“备注”列中出现 失信、严重违法、重点关注 或 黑名单 时，这些词加入“标记”，并给出提示。
逐行检查；只要有一行有误，就全部不导入，并逐条列出问题及其行号。
文件中没有的记录保留；使用 --replace 时标为停用（从不删除）。

示例：
  ssj import enterprises fixtures/enterprises.csv
  ssj import enterprises 检查对象名录库.xlsx --sheet 名录
  ssj import inspectors 人员名录.csv --errors errors.csv
  ssj import enterprises export.csv --map '统一代码=uscc,企业=name'
  ssj import enterprises 名录.csv --encoding gb18030 --dry-run
  ssj import items fixtures/items.csv --replace`,

  'ssj list': `
筛选（--where，可重复；须全部满足）：
  字段=值          完全相同；多个值用逗号分隔，满足其一即可（industry=冶金,有色）
  字段~文字        包含（name~化工）
  字段可以是英文字段名（uscc、name、industry、supervision、certNo、specialties …），也可以是中文表头
  （行业类别=冶金）。列表字段（specialties、flags、industries）用 = 时匹配其中一项。

个人信息：执法人员的身份证号和电话在任何输出中（包括 --json）都打码显示（1101**********002X、138****5678），
除非给出 --show-personal。公开的文件从不包含这些信息。

示例：
  ssj list enterprises --where supervision=重点 --where region~芦湖
  ssj list enterprises --where industry=危险化学品,烟花爆竹 --limit 0 --json
  ssj list inspectors --where specialties=冶金
  ssj list inspectors --show-personal --json > inspectors-full.json
  ssj list conflicts
  ssj list history --where date~2024`,

  'ssj show enterprise': `
显示企业的全部字段、来自哪次导入、本年度的检查（导入的检查记录，包括上级的，以及本年度计划的抽取：只有
“被抽中”计入计划的 cap.perYear 上限）及已申报的利害关系。

示例：
  ssj show enterprise 91371322MA32C3K5E6
  ssj show enterprise 91371322MA32C3K5E6 --year 2024 --json`,

  'ssj plan add': `
示例：
  ssj plan add fixtures/plan-2024Q1.json`,

  'ssj plan show': `
示例：
  ssj plan show 2024Q1 --json`,

  'ssj plan withdraw': `
示例：
  ssj plan withdraw 2024Q2 --reason "上级部署专项检查，本季度抽查取消"`,

  'ssj plan freeze': `
示例：
  ssj plan freeze 2026Q4 --seed-source "中国福利彩票双色球第2026138期开奖号码" --seed-rule rfc3797 \\
    --source "双色球第2026138期 红球" --source "双色球第2026138期 蓝球" --out 2026Q4-预告.txt

抽取时必须用 --seed-rfc3797，号码按来源顺序分组、组间用“/”分隔，组数与来源数相同。
冻结时未给 --seed-rule 的计划，抽取时接受任何写法的种子（并给出警告）。`,

  'ssj draw': `
示例：
  ssj draw --plan 2024Q1 --seed-rfc3797 "9319 / 2 5 12 8 10 / 9 18 26 34 41 45" --yes
  ssj draw --plan 2024Q1 --seed "体彩大乐透第24010期 03 11 19 27 31 + 04 09"
  ssj draw --plan 2024Q1 --seed "…" --redraw --reason "名录导入有误，经局务会决定重抽"
  ssj draw --plan 2024X --seed "…" --unfrozen --reason "上级临时部署，来不及预告"

冻结时预告了种子规则的计划，只接受按该规则写的种子（--seed-rfc3797，每个来源一组号码，按顺序，用“/”分隔），
其他写法一律拒绝（退出码 5）。冻结时承诺了秘密种子部分的计划，按 SSJ-2 连同秘密部分抽取。
在终端中运行时，显示摘要后要求确认；脚本请加 --yes。`,

  'ssj recuse': `
不给种子时，替补人员按本次抽取原有顺序取下一位符合条件的执法人员，记录中注明。
回避的执法人员与该企业登记为利害关系，以后的计划也不再派其检查该企业。只公开原因类别；
--reason 的文字只保存在数据库中。该企业已登记检查结果的，不再受理。

示例：
  ssj recuse --plan 2024Q1 --enterprise 91370300MA3C5X2K00 --inspector 37032301006 --category 近亲属 --reason "与该企业法定代表人系近亲属"
  ssj recuse --plan 2024Q1 --enterprise 91370300MA3C5X2K00 --inspector 37032301006 --category 利害关系 --seed "体彩大乐透第24011期 05 12 18 29 33 + 02 11"
  ssj recuse --plan 2024Q1 --enterprise 91370322MA3F0PDA56 --inspector 37032301002 --category 其他 --swap`,

  'ssj reassign': `
人员调整（高青 7.3 更换）在 SSJ-2 中与回避一样重放，但不登记利害关系：只在本计划内不再派其检查该企业，
以后的计划仍可能派其检查。仅适用于 SSJ-2 抽取。该企业已登记检查结果的，不再受理。

示例：
  ssj reassign --plan 2024LH1 --enterprise 91370300MA3C5X2K00 --inspector 37032301006 --category 身体原因 --reason "住院治疗"
  ssj reassign --plan 2024LH1 --enterprise 91370300MA3C5X2K00 --inspector 37032301006 --category 岗位调整 --seed "体彩大乐透第24011期 05 12 18 29 33 + 02 11"`,

  'ssj replace': `
示例：
  ssj replace --plan 2024Q1 --enterprise 91370322MA3D4RUN7G --reason "经核实已于2023年12月注销"`,

  'ssj export bundle': `
示例：
  ssj export bundle --plan 2024Q1 --out bundle-2024Q1
  ssj verify bundle-2024Q1

暗查暗访计划的核验包列出被检查对象并公开秘密种子部分：检查时间结束前导出将被拒绝（退出码 5），
确需提前公开请加 --reveal。`,

  'ssj export announcement': `
示例：
  ssj export announcement --plan 2024Q1 --out 2024Q1-抽查任务公告.html
  ssj export announcement --plan 2024Q1 --format csv --encoding gb18030 --out 2024Q1.csv
  ssj export announcement --plan 2024Q1 --out 2024Q1-抽查任务公告.xlsx     （Excel：代码为文本单元格）

不预先告知的计划（publication.unannounced，暗查暗访）在检查时段结束前（按 --now 的北京时间日期）不公开企业名称、
代码、号签和检查组，公告中予以说明。`,

  'ssj export results': `
示例：
  ssj export results --month 2024-03 --out 2024年3月抽查结果.csv
  ssj export results --plan 2024Q1 --format html --out 2024Q1-抽查结果公告.html
  ssj export results --plan 2024Q1 --out 2024Q1-抽查结果.xlsx     （Excel：代码为文本，日期为日期）

导出全部已登记的结果（无论是否已公示），更正列在原结果旁。上传后用 ssj result publish --plan 编号 标记为已公示
（有未标记的结果时本命令会提示）。不预先告知的计划在检查时段结束前不导出结果。`,

  'ssj export site': `
示例：
  ssj export site --year 2024 --out 网站/2024

每月运行一次，把整个文件夹上传：index.html 是首页。纯 HTML、内嵌样式，无脚本、无外部资源；手机可读，可打印。
每个已抽取计划的核验包写在 bundles/<计划>/ 下，并在其公告中链接（不预先告知的计划在检查时段结束前不写）。`,

  'ssj export filing': `
示例：
  ssj export filing --plan 2024Q1 --out 2024Q1-备案表.html     然后用浏览器打开并打印（A4）

备案表用于备案，不上网：即使是不预先告知的计划也完整打印。标题使用 office.region 设置
（ssj config set office.region 冷水滩区）。`,

  'ssj export forms': `
每家企业：抽查告知书、现场检查记录表（抽中的检查事项逐行列出，检查组每名成员一条签字栏：高青 8.4）、
检查报告（顺城 第十七条）和满意度反馈卡（冷水滩 第十七条）；每个计划：登记备案表（冷水滩 第十四条）。
A4，GB/T 9704 页边距，仿宋_GB2312 / 方正小标宋简体。单位名称、地区、文号和备案机关取自 ssj config
（office.name、office.region、office.docNo、office.filingOffice）。

示例：
  ssj config set office.docNo 冷应急抽〔2024〕
  ssj export forms --plan 2024Q1 --out 文书/     然后用 Word 或 WPS 打开 .docx，或打印 .html`,

  'ssj verify': `
完全复现时退出码为 0；有差异时为 1 并列出差异；无法作为核验包读取时为 3。
不用 ssj 的同样核验：python3 docs/verify.py 目录（只需 Python 3 标准库）。

示例：
  ssj export bundle --plan 2024Q1 --out bundle-2024Q1
  ssj verify bundle-2024Q1`,

  'ssj result': `
检查结果（代码 = 中文，高青 8.3）：见 README“检查结果与期限”。

示例：
  ssj result record --plan 2024Q1 --enterprise 91350100M000100Y43 --outcome no-issue --date 2024-02-08
  ssj result import results.csv
  ssj result publish --plan 2024Q1
  ssj result correct --plan 2024Q1 --enterprise 91350100M000100Y43 --outcome rectify --reason "复核发现记录有误" --approved-by 张三 --approved-on 2024-03-04`,

  'ssj result feedback': `
企业在收到书面反馈后 deadline.opinionDays（3）个工作日内提出意见（顺城 第二十条）；登记 --opinion 之前 ssj due
一直列出此项（未提出意见时登记 --opinion none）。按月公示的内容包括 反馈情况、意见建议（只公开 --publish-opinion
的文字，从不公开企业原话）和 结果运用（顺城 第二十一条）。检查结果公示后，已登记的内容只能以更正的方式修改，须给出
--reason、--approved-by 和 --approved-on（高青 9.1：检查结果一经公示，不得擅自更改）；补登尚未登记的内容不需要。

示例：
  ssj result feedback --plan 2024Q1 --enterprise 91350100M000100Y43 --date 2024-02-10
  ssj result feedback --plan 2024Q1 --enterprise 91350100M000100Y43 --opinion "检查规范，无意见" --opinion-on 2024-02-12 --publish-opinion 无意见
  ssj result feedback --plan 2024Q1 --enterprise 91350100M000100Y43 --satisfaction 满意 --card-on 2024-02-08 --use 责令整改`,

  'ssj objection': `
复核决定：异议成立（upheld）、异议不成立（rejected）、部分成立（partly）

示例：
  ssj objection add --plan 2024Q1 --enterprise 91350100M000100Y43 --received 2024-03-01 --text "对检查结果有异议"
  ssj objection resolve 1 --decision 异议成立 --text "记录有误，予以更正" --date 2024-03-15
  ssj objection answer 1 --date 2024-03-18`,

  'ssj due': `
期限（工作日，单位设置见 ssj config；计划的 publication.resultDays 优先）：
  检查报告    检查后 deadline.reportDays 个工作日（顺城 第十七条）
  结果反馈    报告后 deadline.feedbackDays 个工作日（第十八条）
  结果公示    检查后 deadline.resultDays 个工作日（高青 9.1）
  按月公示    次月第 deadline.monthlyDays 个工作日（顺城 第二十一条）
  异议        收到后 deadline.objectionReviewDays 个工作日内复核，复核后 deadline.objectionAnswerDays 个工作日内告知（高青 9.2）
  未登记结果  检查时段结束时仍无结果的被抽中企业
  企业意见    书面反馈后 deadline.opinionDays 个工作日（顺城 第二十条）

落在日历尚未覆盖年份的期限单独列出（“日历未覆盖 2027 年”），并给出补充日历的命令；其余照常显示，
ssj due 以退出码 0 结束并给出警告（--strict：退出码 5）。

示例：
  ssj due
  ssj due --today 2024-02-19 --plan 2024Q1 --json`,

  'ssj plan annual': `
文件格式（JSON；见 README“年度抽查计划”）：
  { "year": 2025, "title": "…2025年度“双随机、一公开”抽查工作计划", "scope": "本县行政区域内的生产经营单位",
    "inspectors": "持有执法证的执法人员，非煤矿山检查配备专业人员",
    "strata": [ { "name": "重点行业", "where": { "supervision": ["重点"] }, "ratio": "20%", "frequency": 2, "estimated": 30 } ],
    "schedule": [ { "name": "第一季度", "start": "2025-01-15", "end": "2025-03-31", "strata": ["重点行业"] } ],
    "estimated": { "enterprises": 50, "checks": 60 },
    "filing": { "date": "2024-12-20", "office": "青禾县市场监督管理局" } }

ratio 为每次抽取的比例；frequency 为本年度抽取该类别的次数；estimated 为预计抽查的企业数。记录后，plan add 和
plan freeze 在以下情况给出警告：检查时间不在任何时间段内、抽取层不在年度计划中或比例不同、抽取次数超过频次。
ssj report --year 对照计划与完成情况；ssj export site 公开年度计划（annual.html）；ssj export annual 导出 Word 文书。

示例：
  ssj plan annual 2025 年度计划-2025.json
  ssj plan annual 2025 年度计划-2025.json --reason "增加第四季度专项检查"`,

  'ssj export annual': `
示例：
  ssj export annual --year 2025 --out 2025年度抽查工作计划.docx`,

  'ssj report': `
检查次数的计法与年度上限相同：本年度计划的有效抽取中被抽中（非备选、非被替补）的企业，以及检查记录中本年度的
每一行（含上级检查）。
  检查覆盖    至少被检查一次的企业，按抽取层、行业、区域统计；三年内均未被检查的企业
  重复检查    本年度被检查两次及以上的企业，以及超过计划 cap.perYear 的企业（国办发〔2024〕54号），附检查记录
  人员工作量  每人被选派次数，人均、最少、最多、标准差，未被选派的人员
  公开时效    从检查到结果公开的工作日数，对照 publication.resultDays（高青 9.1）
  异议更正    收到、复核、答复的异议及复核决定；更正及签字确认人
  入选概率    每次抽取各层的 n/对象库，以及回避、替补后的实际名单

示例：
  ssj report --year 2024
  ssj report --year 2024 --out 2024年度统计.xlsx
  ssj report --year 2024 --format html --out 2024年度统计.html

ssj export site 会把同样的页面（report.html）加入该年度网站。`,

  'ssj calendar': `
法定节假日安排随 ssj 提供（chinese-days 软件包）。每年的依据是国务院办公厅关于YYYY年部分节假日安排的通知
（约每年 11 月发布，www.gov.cn）。通知发布而 ssj 尚未更新时，把它抄成 CSV，每天一行：每个假期的每一天
（含周末）以及每个调休上班日：

  date,kind,name
  2027-01-01,holiday,元旦
  2027-02-05,holiday,春节
  2027-02-20,workday,春节调休上班
  ...

ssj 未内置的年份只能整年导入：13 天法定节假日（元旦，春节 除夕至初三，清明，劳动节 2 天，端午，中秋，
国庆 3 天）都必须是休息日，且休息的工作日数减去调休上班日数必须等于 13；否则全部不导入，并指出缺少的日期。
已内置年份的本地日期可以逐天导入。

示例：
  ssj calendar import holidays-2027.csv
  ssj calendar list --year 2024`,

  'ssj audit': `
每个修改数据的命令追加一条记录：谁、何时、做了什么（含所写内容的哈希）以及上一条记录的哈希。
公告中印有链头，日后改写日志就会暴露。`,

  'ssj audit log': `
示例：
  ssj audit log --plan 2024Q1
  ssj audit log --limit 20 --json`,

  'ssj audit verify': `
示例：
  ssj audit verify
  ssj audit verify --head "42:9f3c5e0a1b2c3d4e"
  ssj --db backup.db audit verify --json`,

  'ssj backup': `
示例：
  ssj backup ssj-2024-01-10.db
  ssj --db ssj-2024-01-10.db audit verify`,

  'ssj config': `
设置项（当前值和默认值见 ssj config list）：
  office.name            公告上的发布单位
  office.region          标题中的地区名称
  office.docNo           文书的文号前缀，如 冷应急抽〔2024〕（ssj export forms）
  office.filingOffice    接收登记备案表的机关（冷水滩 第十四条）
  deadline.reportDays    检查到完成报告的工作日数（顺城 第十七条）
  deadline.feedbackDays  报告到反馈企业的工作日数（顺城 第十八条）
  deadline.resultDays    检查到公示结果的工作日数（高青 9.1；冷水滩：7）
  deadline.monthlyDays   每月前 N 个工作日公示上月名单（顺城 第二十一条）
  deadline.objectionReviewDays 复核异议的工作日数（高青 9.2）
  deadline.objectionAnswerDays 复核后告知企业的工作日数（高青 9.2）
  deadline.opinionDays   企业收到书面反馈后提出意见的工作日数（顺城 第二十条）
  publication.announceDays 检查时段开始前多少天应发布公告（汨罗）

示例：
  ssj config set office.name "某某县应急管理局"
  ssj config list --json`,

  'ssj demo': `
示例：
  npx ssj demo
  npx ssj demo --dir /tmp/try-ssj --lang en`,
};
