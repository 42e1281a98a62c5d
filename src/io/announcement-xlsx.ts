import {
  ANNOUNCEMENT_COLUMNS,
  announcementRows,
  type AnnouncedEvent,
  type AnnouncementData,
  eventText,
  factRows,
  seedRows,
  voidedText,
  withheldText,
} from './announcement.js';
import { officialDate } from './dates.js';
import { type SheetSpec, xlsxBytes } from './xlsx-write.js';

/**
 * The task announcement as an Excel workbook (issue 16 part 3) for the office that files or forwards it in Excel:
 * 抽查任务 (the facts and the seed, one per row), 抽查名单 (the same columns as the CSV, codes as text cells) and,
 * when there are any, 事件 (recusals, replacements, with their dates). What the published announcement leaves out
 * (an unannounced plan's names before the window ends) the workbook leaves out too: it is built from the same data.
 */
export function announcementXlsx(d: AnnouncementData): Promise<Buffer> {
  const facts: [string, string][] = [
    ['发布单位', d.office],
    ['发布日期', officialDate(d.issuedOn)],
    ...factRows(d),
    ...seedRows(d),
    ...d.draw.voided.map((v): [string, string] => ['作废的抽取', voidedText(v)]),
    ...(d.withheld ? [['暂不公开', withheldText(d.withheld)] as [string, string]] : []),
  ];
  const sheets = [
    sheet<[string, string]>({
      name: '抽查任务',
      columns: [
        { header: '项目', value: ([k]) => k },
        { header: '内容', value: ([, v]) => v },
      ],
      rows: facts,
    }),
    sheet({ name: '抽查名单', columns: ANNOUNCEMENT_COLUMNS, rows: announcementRows(d) }),
  ];
  if (d.events.length)
    sheets.push(
      sheet<{ n: number; e: AnnouncedEvent }>({
        name: '事件',
        columns: [
          { header: '序号', value: (r) => r.n },
          { header: '事件', value: (r) => eventText(r.e) },
        ],
        rows: d.events.map((e, i) => ({ n: i + 1, e })),
      }),
    );
  return xlsxBytes(sheets);
}

/** A sheet of any row type, checked where it is built, in one workbook with sheets of other row types. */
function sheet<R>(spec: SheetSpec<R>): SheetSpec<unknown> {
  return spec as SheetSpec<unknown>;
}
