import { esc, trusted, type Html } from './html.js';

/**
 * Horizontal bar charts as inline SVG (the year report, issue 18 part 6): no script, no external font or image, so
 * the page stays self-contained under the site's Content-Security-Policy. The viewBox is 340 units wide and the
 * figure is scaled to the column (max-width in CSS): on a 390-px phone one unit is about 1.05 px and the 13-unit text
 * is about 14 px; on a desktop or paper it grows. Every bar also carries its number as text, and the figure has a
 * <title>/<desc> for screen readers; the same figures are in the table beside each chart.
 */
export interface Bar {
  label: string;
  value: number;
  /** What is printed after the bar (default: the value). */
  text?: string;
  /** Highlight (over the cap, late, never went). */
  warn?: boolean;
}

const WIDTH = 340;
const LABEL = 96;
const VALUE = 96;
const ROW = 22;
const FONT = 13;

/** Cut a label to what fits in the label column (a CJK character is about one em, Latin half). */
function fitLabel(label: string, room = LABEL - 6): string {
  let w = 0;
  let out = '';
  for (const ch of label) {
    const cw = /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? FONT : FONT * 0.58;
    if (w + cw > room) return `${out}…`;
    w += cw;
    out += ch;
  }
  return out;
}

/**
 * One bar per row, scaled to `max` (default: the largest value; pass 1 for shares). An empty list gives an empty
 * string: the caller prints 暂无 instead.
 */
export function barChart(title: string, bars: readonly Bar[], max?: number): Html {
  if (!bars.length) return trusted('');
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const room = WIDTH - LABEL - VALUE;
  const height = bars.length * ROW + 8;
  const rows = bars.map((b, i) => {
    const y = 4 + i * ROW;
    const w = top > 0 ? Math.max(b.value > 0 ? 1.5 : 0, (Math.min(b.value, top) / top) * room) : 0;
    const text = b.text ?? String(b.value);
    return (
      `<g><title>${esc(`${b.label}：${text}`)}</title>` +
      `<text x="${LABEL - 6}" y="${y + 15}" text-anchor="end">${esc(fitLabel(b.label))}</text>` +
      `<rect x="${LABEL}" y="${y + 3}" width="${room}" height="${ROW - 6}" class="track"/>` +
      `<rect x="${LABEL}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" class="${b.warn ? 'bar warn' : 'bar'}"/>` +
      `<text x="${LABEL + w + 4}" y="${y + 15}" class="val">${esc(text)}</text></g>`
    );
  });
  const desc = bars.map((b) => `${b.label} ${b.text ?? b.value}`).join('；');
  return trusted(
    `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${esc(title)}" font-size="${FONT}">` +
      `<title>${esc(title)}</title><desc>${esc(desc)}</desc>${rows.join('')}</svg>` +
      `<figcaption>${esc(title)}</figcaption></figure>`,
  );
}

/** Styles of the charts (appended to the page's CSS). Printed in grey and black so a laser printer keeps them. */
export const CHART_CSS = `
figure.chart { margin: 0.6rem 0 1rem; max-width: 28rem; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { width: 100%; height: auto; display: block; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
figure.chart text { fill: #1a1a1a; }
figure.chart text.val { fill: #5b5b5b; }
figure.chart rect.track { fill: #f1eeea; }
figure.chart rect.bar { fill: #0b4f9c; }
figure.chart rect.bar.warn { fill: #a8071a; }
figure.chart figcaption { color: #5b5b5b; font-size: 0.85rem; }
@media screen and (min-width: 900px) { .pair { display: grid; grid-template-columns: minmax(0, 26rem) minmax(0, 1fr); gap: 0 2rem; align-items: start; } .pair table.figures { width: 100%; margin-top: 0.6rem; } }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 0 1.5rem; }
.kpi { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.5rem; margin: 0.8rem 0; }
.kpi div { border: 1px solid #d0d0d0; padding: 0.4rem 0.6rem; }
.kpi strong { display: block; font-size: 1.35rem; }
.kpi span { color: #5b5b5b; font-size: 0.85rem; }
table.figures { width: auto; min-width: 60%; max-width: 100%; }
@media screen and (min-width: 641px) { table.figures td, table.figures th { overflow-wrap: normal; word-break: keep-all; } }
@media screen and (max-width: 640px) { table.figures { width: 100%; font-size: 0.85rem; } table.figures td.num { text-align: right; } table.figures th.num { white-space: normal; } table.figures td, table.figures th { padding: 0.25rem 0.3rem; } }
@media print { figure.chart rect.bar { fill: #333; } figure.chart rect.bar.warn { fill: #000; } figure.chart rect.track { fill: #eee; } }
`;
