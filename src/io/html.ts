/**
 * HTML for publication: escaping, a tagged template that escapes every interpolated value, a responsive table and
 * the page shell (inline CSS, no scripts, no external resources) shared by announcements, results, the filing
 * form and the static site.
 *
 * Why a tagged template: a page is built from many database fields (enterprise names come from imported
 * spreadsheets); escaping by default means a forgotten call cannot turn `<script>` in a name into markup.
 * Only `Html` values (built by `html` itself or `trusted` for constants) pass through unescaped.
 */

/** Markup that is already safe. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Content = Html | string | number | null | undefined | false | readonly Content[];

/**
 * C0 and C1 control characters other than tab and newline, and the bidirectional overrides/isolates that can make
 * published text display differently from what it says ("Trojan Source"). They have no place in names or codes.
 */
const UNSAFE_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Replace control and bidi-override characters with U+FFFD so they show as "something was here" instead of acting. */
export function cleanText(s: string): string {
  return s.replace(UNSAFE_CHARS, '\ufffd');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for element content and for quoted attribute values alike. */
export function esc(s: string | number): string {
  return cleanText(String(s)).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(v: Content): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return esc(v as string | number);
}

/** html`<td>${name}</td>`: every interpolation is escaped unless it is Html. */
export function html(strings: TemplateStringsArray, ...values: Content[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Html(out);
}

/** Mark a constant string as markup. Never call this with data. */
export const trusted = (s: string): Html => new Html(s);

/** Join pieces of content with a separator (escaped like any other content). */
export function join(items: readonly Content[], sep: Content): Html {
  return new Html(items.map((x, i) => (i ? render(sep) : '') + render(x)).join(''));
}

export interface Column {
  label: string;
  /**
   * CSS class for the cells: `hash` for 64-digit hex (narrow column, breaks anywhere), `id` for codes that must stay
   * on one line (统一社会信用代码, 执法证号), `num` right-aligns, `nowrap` keeps short words whole.
   */
  cls?: 'hash' | 'id' | 'num' | 'nowrap' | 'name' | 'wide';
}

/**
 * A table that stacks on a phone: under 640 px each row becomes a card and each cell shows its column label
 * (data-label), so nothing needs scrolling sideways on a 375-px screen. Printing keeps the ordinary table.
 */
export function table(
  columns: readonly Column[],
  rows: readonly (readonly Content[])[],
  caption?: string,
  extraClass?: 'results',
): Html {
  return html`<table class="stack${extraClass ? html` ${extraClass}` : ''}">${caption ? html`<caption>${caption}</caption>` : ''}
<thead><tr>${columns.map((c) => html`<th${c.cls ? html` class="${c.cls}"` : ''} scope="col">${c.label}</th>`)}</tr></thead>
<tbody>
${rows.map(
  (
    r,
  ) => html`<tr>${r.map((cell, i) => html`<td data-label="${columns[i]?.label ?? ''}"${columns[i]?.cls ? html` class="${columns[i]!.cls!}"` : ''}>${cell}</td>`)}</tr>
`,
)}</tbody>
</table>`;
}

/** A definition list of label/value pairs (the facts of an announcement). */
export function facts(pairs: readonly (readonly [string, Content])[]): Html {
  return html`<dl class="facts">
${pairs.map(
  ([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>
`,
)}</dl>`;
}

/**
 * Styles for every page. System CJK fonts only (a web font would be an external resource); tables stack on
 * narrow screens; print hides navigation and starts each `.page` on a new sheet.
 */
export const CSS = `
:root { --ink: #1a1a1a; --muted: #5b5b5b; --line: #d0d0d0; --accent: #a8071a; --band: #f6f3f0; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.7; font-size: 16px;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "SimSun", sans-serif; }
header.masthead { border-bottom: 3px solid var(--accent); padding: 0.8rem 1rem 0.6rem; }
header.masthead .office { color: var(--accent); font-weight: 700; font-size: 1.15rem; letter-spacing: 0.05em; }
header.masthead .sub { color: var(--muted); font-size: 0.85rem; }
nav.site { background: var(--band); border-bottom: 1px solid var(--line); padding: 0.4rem 1rem; }
nav.site ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 1.1rem; }
nav.site a { color: var(--ink); text-decoration: none; }
nav.site a[aria-current="page"] { color: var(--accent); font-weight: 700; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.45rem; text-align: center; margin: 0.6rem 0 0.2rem; line-height: 1.4; }
h1 + .subtitle { text-align: center; color: var(--muted); margin: 0 0 1rem; }
h2 { font-size: 1.15rem; border-left: 4px solid var(--accent); padding-left: 0.5rem; margin: 1.6rem 0 0.6rem; }
h3 { font-size: 1.02rem; margin: 1.2rem 0 0.4rem; }
p, li { overflow-wrap: anywhere; }
a { color: #0b4f9c; }
.notice { border: 1px solid #e0b252; background: #fff8e6; padding: 0.6rem 0.8rem; margin: 0.8rem 0; }
.muted { color: var(--muted); }
.hash, .id, code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", Consolas, monospace; font-size: 0.88em; }
.hash { word-break: break-all; overflow-wrap: anywhere; }
.id, .nowrap { white-space: nowrap; }
pre { white-space: pre-wrap; word-break: break-all; background: var(--band); padding: 0.6rem; font-size: 0.85rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
caption { text-align: left; color: var(--muted); padding-bottom: 0.3rem; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--band); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
th.hash, td.hash { width: 11em; font-size: 0.8em; }
.leader { display: inline-block; border: 1px solid var(--accent); color: var(--accent); font-size: 0.75em; padding: 0 0.25em; margin-left: 0.25em; line-height: 1.4; }
footer.page-footer { max-width: 62rem; margin: 2rem auto 1rem; padding: 0.6rem 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; }
.signature { text-align: right; margin-top: 2rem; }
main:has(table.results) { max-width: 110rem; }
h2.task { font-size: 1.05rem; }
h2.task .muted { font-weight: normal; font-size: 0.9rem; }
table.results th, table.results td { min-width: calc(4em + 1rem + 1px); } /* four characters plus padding */
table.results td.name { min-width: 9em; font-weight: 600; }
table.results td.wide { min-width: 12em; }
@media screen and (max-width: 640px) {
  /* results: one line per field (label left), the enterprise's name as the card's title, no 序号 line */
  table.stack.results td { min-width: 0; padding: 0.15rem 0.6rem; display: grid; grid-template-columns: 6em 1fr; gap: 0.4rem; }
  table.stack.results td[data-label]::before { display: inline; font-size: 0.8rem; line-height: 2; white-space: normal; }
  table.stack.results td.num { display: none; }
  table.stack.results td.name { display: block; font-size: 1.02rem; padding-top: 0.4rem; }
  table.stack.results td.name::before { display: none; }
  table.stack.results td:empty { display: none; }
  table.stack.results tr { margin-bottom: 0.5rem; }
  body { font-size: 15px; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dt { margin-top: 0.4rem; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack thead { display: none; }
  table.stack tr { border: 1px solid var(--line); margin-bottom: 0.7rem; }
  table.stack td { border: none; border-bottom: 1px solid #eee; }
  table.stack td:last-child { border-bottom: none; }
  table.stack td:empty { display: none; }
  table.stack td[data-label]::before { content: attr(data-label); display: block; color: var(--muted); font-size: 0.8rem; }
  td.num { text-align: left; }
}
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { font-size: 11pt; }
  nav.site, .noprint { display: none; }
  header.masthead { border-bottom-width: 2px; }
  a { color: inherit; text-decoration: none; }
  main { max-width: none; padding: 0; }
  thead { display: table-header-group; }
  tr, dl.facts { break-inside: avoid; page-break-inside: avoid; }
  .page { break-after: page; page-break-after: always; }
  .page:last-child { break-after: auto; page-break-after: auto; }
}
`;

/**
 * No scripts, no external fetches of any kind; inline styles only. Links still navigate. The empty data: icon
 * keeps browsers from asking the server for /favicon.ico (a 404 in every upload's logs).
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface PageOptions {
  /** <title> and the browser tab. */
  title: string;
  /** Issuing office, printed in the masthead. */
  office: string;
  /** Small line under the office (e.g. "“双随机、一公开”监管信息公开"). */
  subtitle?: string;
  nav?: Html;
  body: Html;
  footer?: Content;
  /** Extra CSS appended after the shared styles (the filing form's print layout). */
  css?: string;
}

/** A complete, self-contained HTML document. */
export function page(o: PageOptions): string {
  return `${html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<link rel="icon" href="data:,">
<title>${o.title}</title>
<style>${trusted(CSS + (o.css ?? ''))}</style>
</head>
<body>
<header class="masthead"><div class="office">${o.office}</div>${o.subtitle ? html`<div class="sub">${o.subtitle}</div>` : ''}</header>
${o.nav ?? ''}<main>
${o.body}
</main>
${
  o.footer
    ? html`<footer class="page-footer">${o.footer}</footer>
`
    : ''
}</body>
</html>`}\n`;
}
