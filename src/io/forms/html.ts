import { html, join, page, type Html } from '../html.js';
import type { Block, Cell, FormDoc } from './model.js';

/** The same forms as an HTML print view (A4, the official fonts named first with common fallbacks). */
const FORMS_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
.form-doc { font-family: "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt; }
.form-doc h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 0.6em; }
.form-doc .doc-no { text-align: center; margin-bottom: 0.6em; }
.form-doc p { margin: 0; white-space: pre-line; }
.form-doc p.indent { text-indent: 2em; }
.form-doc p.right { text-align: right; }
.form-doc p.center { text-align: center; }
.form-doc table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 12pt; line-height: 1.5; margin: 0.4em 0 0.8em; }
.form-doc th, .form-doc td { border: 1px solid #000; padding: 0.2em 0.4em; vertical-align: middle; white-space: pre-line; }
.form-doc th { font-weight: bold; text-align: center; background: none; }
.form-doc td.b { font-weight: bold; }
.form-doc td.line { height: 2.2em; } .form-doc td.tall { height: 4em; } .form-doc td.box { height: 7em; }
.form-doc .break { break-after: page; page-break-after: always; }
@media print { header.masthead { display: none; } }
`;

function td(c: Cell, width?: number): Html {
  const v = typeof c === 'string' ? { text: c } : c;
  const cls = [v.bold ? 'b' : '', v.height ?? ''].filter(Boolean).join(' ');
  return html`<td${v.span ? html` colspan="${v.span}"` : ''}${cls ? html` class="${cls}"` : ''}${width ? html` style="width:${width}%"` : ''}>${v.text}</td>`;
}

function block(b: Block): Html {
  switch (b.kind) {
    case 'title':
      return html`<h1>${b.text}${b.sub ? html`<br>${b.sub}` : ''}</h1>`;
    case 'docNo':
      return html`<div class="doc-no">${b.text}</div>`;
    case 'para': {
      const cls = [b.indent ? 'indent' : '', b.align && b.align !== 'left' ? b.align : ''].filter(Boolean).join(' ');
      const text = b.bold ? html`<strong>${b.text}</strong>` : b.text;
      return html`<p${cls ? html` class="${cls}"` : ''}>${b.text === '' ? html`&nbsp;` : text}</p>`;
    }
    case 'table':
      return html`<table>${html`<colgroup>${b.widths.map((w) => html`<col style="width:${w}%">`)}</colgroup>`}${
        b.header ? html`<thead><tr>${b.header.map((h) => html`<th>${h}</th>`)}</tr></thead>` : ''
      }<tbody>${b.rows.map((r) => html`<tr>${r.map((c) => td(c))}</tr>`)}</tbody></table>`;
    case 'pageBreak':
      return html`<div class="break"></div>`;
  }
}

/** One HTML page holding the given forms, each starting on a new sheet. */
export function formsHtml(forms: FormDoc[], office: string, title: string): string {
  return page({
    title,
    office,
    body: join(
      forms.map((f) => html`<section class="form-doc">${f.blocks.map(block)}</section>`),
      html`<div class="break"></div>`,
    ),
    css: FORMS_CSS,
  });
}
