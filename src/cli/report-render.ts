import type { ReportData } from '../app/report.js';
import type { CoverageRow, PublishStatus } from '../core/year-report.js';
import type { Context } from './context.js';
import { displayWidth, table } from './output.js';

/**
 * `ssj report --year Y` on a terminal: the key figures, each as a bar chart of block characters (no colour needed,
 * so it survives a pipe and a printer), then the warnings with the rows behind them. The tables, files and site page
 * carry the rest (--format html|xlsx|json).
 */
const BAR = 28;

/** "label  ████████░░░░  text" lines, labels padded to one width (CJK counted double). */
export function textBars(rows: { label: string; value: number; text: string }[], max?: number): string[] {
  if (!rows.length) return [];
  const top = max ?? Math.max(1, ...rows.map((r) => r.value));
  const lw = Math.min(20, Math.max(...rows.map((r) => displayWidth(r.label))));
  return rows.map((r) => {
    let label = r.label;
    while (displayWidth(label) > lw) label = label.slice(0, -1);
    const full = top > 0 ? Math.round((Math.min(r.value, top) / top) * BAR) : 0;
    const n = r.value > 0 ? Math.max(1, full) : 0;
    return `  ${label}${' '.repeat(lw - displayWidth(label))}  ${'█'.repeat(n)}${'░'.repeat(BAR - n)}  ${r.text}`;
  });
}

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);

export function renderReport(ctx: Context, d: ReportData): string[] {
  const m = (k: string, p: Record<string, unknown> = {}) => ctx.out.msg(k, p);
  const r = d.report;
  const t = r.totals;
  const cov = (rows: CoverageRow[]) =>
    textBars(
      rows.map((x) => ({ label: x.key, value: x.share, text: `${pct(x.share)} (${x.checked}/${x.members})` })),
      1,
    );
  const out: string[] = [
    m('report.header', { year: r.year, today: r.today, office: d.office }),
    m('report.totals', {
      enterprises: t.enterprises,
      own: t.checkedOwn,
      share: pct(t.enterprises ? t.checkedOwn / t.enterprises : null),
      any: t.checkedAny,
      plans: t.plans,
      draws: t.draws,
      voids: t.voidDraws,
      seats: t.seats,
      results: t.results,
      published: t.published,
    }),
  ];
  for (const w of d.withheld) out.push(m('report.withheld', { plan: w.planId, until: w.until }));
  out.push('', m('report.coverageStratum'), ...cov(r.coverage.byStratum));
  out.push('', m('report.coverageIndustry'), ...cov(r.coverage.byIndustry));
  out.push('', m('report.coverageRegion'), ...cov(r.coverage.byRegion));
  out.push(
    '',
    m('report.never', {
      from: r.neverChecked.from,
      to: r.neverChecked.to,
      count: r.neverChecked.enterprises.length,
    }),
  );

  out.push('', m('report.repeats', { count: r.repeats.length, over: r.repeats.filter((x) => x.overCap).length }));
  if (r.repeats.length)
    out.push(
      table(
        [
          m('report.col.enterprise'),
          m('report.col.checks'),
          m('report.col.cap'),
          m('report.col.warning'),
          m('report.col.rows'),
        ],
        r.repeats.map((x) => [
          `${x.uscc} ${x.name}`,
          x.count,
          x.cap ?? '-',
          m(x.overCap ? 'report.overCap' : 'report.repeat'),
          x.checks
            .map((c) =>
              c.kind === 'draw'
                ? `${c.date} ${m('report.byDraw', { plan: c.planId, draw: c.drawId })}`
                : `${c.date} ${c.source}`,
            )
            .join('; '),
        ]),
      ),
    );

  const wl = r.workload;
  out.push('', m('report.workload', { seats: wl.seats, people: wl.inspectors.length, idle: wl.idle.length }));
  if (wl.spread) out.push(m('report.spread', { ...wl.spread }));
  out.push(
    ...textBars(wl.inspectors.map((i) => ({ label: i.name || i.certNo, value: i.seats, text: String(i.seats) }))),
  );
  if (wl.idle.length) out.push(m('report.idle', { names: wl.idle.map((i) => i.name || i.certNo).join('、') }));

  const pub = r.publishing;
  out.push('', m('report.publishing', { median: pub.median ?? '-', longest: pub.longest ?? '-' }));
  out.push(
    ...textBars(
      (Object.keys(pub.counts) as PublishStatus[])
        .filter((k) => pub.counts[k] > 0)
        .map((k) => ({ label: m(`report.publish.${k}`), value: pub.counts[k], text: String(pub.counts[k]) })),
    ),
  );

  out.push(
    '',
    m('report.objections', {
      count: r.objections.count,
      reviewed: r.objections.reviewed,
      answered: r.objections.answered,
      corrections: r.corrections.count,
      approved: r.corrections.approved,
    }),
  );

  if (r.annual) {
    const a = r.annual;
    out.push(
      '',
      m('report.annual', {
        planned: a.estimated.enterprises ?? '-',
        done: a.done.enterprises,
        plannedChecks: a.estimated.checks ?? '-',
        doneChecks: a.done.checks,
      }),
      table(
        [
          m('report.col.stratum'),
          m('report.col.ratio'),
          m('report.col.frequency'),
          m('report.col.draws'),
          m('report.col.estimated'),
          m('report.col.checked'),
        ],
        a.strata.map((s) => [s.name, s.ratio, s.frequency, s.draws, s.estimated ?? '-', s.checked]),
      ),
    );
    if (a.outside.length) out.push(m('report.outsideSchedule', { plans: a.outside.join(', ') }));
  }
  out.push('', m('report.probabilities'));
  for (const p of r.probabilities) {
    out.push(
      m('report.draw', { plan: p.planId, draw: p.drawId, on: p.drawnOn, void: p.status === 'void' ? ' ✗' : '' }),
    );
    out.push(
      ...textBars(
        p.strata.map((s) => ({
          label: s.name,
          value: s.p ?? 0,
          text: `${pct(s.p)} = ${s.selected}/${s.pool}; ${m('report.observed', { ...s.observed })}`,
        })),
        1,
      ),
    );
  }
  out.push('', m('report.more', { year: r.year }));
  return out;
}
