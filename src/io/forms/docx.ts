import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Block, Cell, FormDoc } from './model.js';

/**
 * A form as .docx for Word and WPS: A4, margins after GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm),
 * titles in 方正小标宋简体 (二号, 22 pt), text in 仿宋_GB2312 (三号, 16 pt; tables 小四, 12 pt), Latin text and
 * digits in Times New Roman. These are the fonts official documents use; where one is not installed, Word and WPS
 * substitute a similar face (仿宋 / 宋体), so each run names the official font first and the form still prints.
 */
const MM = 56.7; // twips per millimetre
const BODY = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312', cs: '仿宋_GB2312' };
const TITLE = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体', cs: '方正小标宋简体' };
const PT = (pt: number) => pt * 2; // docx sizes are half-points
const TEXT_WIDTH_TWIPS = Math.round((210 - 28 - 26) * MM);

const run = (text: string, o: { size?: number; bold?: boolean; font?: typeof BODY } = {}) =>
  text
    .split('\n')
    .map(
      (line, i) =>
        new TextRun({ text: line, break: i > 0 ? 1 : 0, font: o.font ?? BODY, size: PT(o.size ?? 16), bold: o.bold }),
    );

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(c: Cell, widthPct: number, header = false): TableCell {
  const v = typeof c === 'string' ? { text: c } : c;
  const minHeight = v.height === 'box' ? 1800 : v.height === 'tall' ? 1100 : v.height === 'line' ? 560 : 0;
  return new TableCell({
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: run(v.text, { size: 12, bold: header || v.bold }),
      }),
    ],
    columnSpan: v.span,
    width: { size: Math.round((TEXT_WIDTH_TWIPS * widthPct) / 100), type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    borders,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(minHeight ? {} : {}),
  });
}

function rowHeight(cells: Cell[]): number {
  let h = 0;
  for (const c of cells)
    if (typeof c !== 'string' && c.height)
      h = Math.max(h, c.height === 'box' ? 1800 : c.height === 'tall' ? 1100 : 560);
  return h;
}

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const rows: TableRow[] = [];
  if (b.header)
    rows.push(new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, b.widths[i] ?? 10, true)) }));
  for (const r of b.rows) {
    let col = 0;
    const children = r.map((c) => {
      const span = typeof c === 'string' ? 1 : (c.span ?? 1);
      const pct = b.widths.slice(col, col + span).reduce((a, x) => a + x, 0);
      col += span;
      return cell(c, pct);
    });
    const h = rowHeight(r);
    rows.push(new TableRow({ children, ...(h ? { height: { value: h, rule: 'atLeast' as const } } : {}) }));
  }
  return new Table({
    rows,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: b.widths.map((w) => Math.round((TEXT_WIDTH_TWIPS * w) / 100)),
  });
}

function blocks(list: Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of list) {
    switch (b.kind) {
      case 'title':
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: b.sub ? 0 : 240 },
            children: run(b.text, { size: 22, font: TITLE }),
          }),
        );
        if (b.sub)
          out.push(
            new Paragraph({
              alignment: AlignmentType.CENTER,
              spacing: { after: 240 },
              children: run(b.sub, { size: 22, font: TITLE }),
            }),
          );
        break;
      case 'docNo':
        out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: run(b.text) }));
        break;
      case 'para':
        out.push(
          new Paragraph({
            alignment:
              b.align === 'right'
                ? AlignmentType.RIGHT
                : b.align === 'center'
                  ? AlignmentType.CENTER
                  : AlignmentType.LEFT,
            indent: b.indent ? { firstLine: PT(16) * 20 } : undefined,
            spacing: { line: 560, lineRule: 'exact', before: 0, after: 0 }, // 28 pt lines, as official documents set
            children: run(b.text, { bold: b.bold }),
          }),
        );
        break;
      case 'table':
        out.push(table(b), new Paragraph({ children: [], spacing: { after: 120 } }));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  }
  return out;
}

export async function formDocx(doc: FormDoc, office: string): Promise<Buffer> {
  const d = new Document({
    creator: office,
    title: doc.title,
    styles: { default: { document: { run: { font: BODY, size: PT(16) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        children: blocks(doc.blocks),
      },
    ],
  });
  return Packer.toBuffer(d);
}
