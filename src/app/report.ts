import { readPoolEnterprises } from '../core/canonical.js';
import { yearReport, type YearDraw, type YearInput, type YearReport } from '../core/year-report.js';
import { beijingDateTime } from '../domain/dates.js';
import type { Plan } from '../domain/plan.js';
import type { Db } from '../db/open.js';
import { getNumberSetting, getSettings } from '../db/settings.js';
import {
  drawPoolText,
  drawSeats,
  drawSelections,
  reportCorrections,
  reportDraws,
  reportEnterprises,
  reportHistory,
  reportInspectors,
  reportObjections,
  reportResults,
} from '../db/year-report.js';
import { loadCalendar } from './calendar.js';
import { findAnnualPlan } from '../db/annual-plans.js';

/**
 * `ssj report --year Y` and the site's report page: read the year (one snapshot, the caller's), compute the figures
 * (src/core/year-report.ts). Read only: nothing is written, so no audit entry.
 */
export interface ReportOptions {
  year: number;
  /** The time of the report (ctx.now()). */
  now: string;
  /**
   * For publication: leave out the draws and results of an unannounced plan (暗查暗访) whose window has not ended,
   * as the task and results pages do, so the report cannot reveal whom it checks.
   */
  forPublication?: boolean;
}

export interface ReportData {
  office: string;
  report: YearReport;
  /** Plans left out of a published report (unannounced, window not ended), with the day they can be shown. */
  withheld: { planId: string; until: string }[];
}

const dateOf = (iso: string): string => beijingDateTime(iso)?.date ?? iso.slice(0, 10);

export function loadYearReport(db: Db, o: ReportOptions): ReportData {
  const today = dateOf(o.now);
  const from = o.year - 2;
  const plans = new Map<string, Plan>();
  const planOf = (id: string, json: string): Plan => {
    let p = plans.get(id);
    if (!p) plans.set(id, (p = JSON.parse(json) as Plan));
    return p;
  };
  const withheld = new Map<string, string>();
  const hidden = (id: string, json: string): boolean => {
    const p = planOf(id, json);
    if (!o.forPublication || !p.publication?.unannounced || p.window.end < today) return false;
    withheld.set(id, p.window.end);
    return true;
  };

  const draws: YearDraw[] = reportDraws(db, from, o.year)
    .filter((d) => !hidden(d.plan_id, d.plan_json))
    .map((d) => {
      const plan = planOf(d.plan_id, d.plan_json);
      // The pool file only matters for this year's coverage by stratum; older draws need only their selections.
      const pool = d.plan_year === o.year ? readPoolEnterprises(drawPoolText(db, d.id)) : [];
      return {
        drawId: d.id,
        planId: d.plan_id,
        planTitle: plan.title,
        planYear: d.plan_year,
        status: d.status,
        drawnOn: dateOf(d.drawn_at),
        cap: {
          perYear: plan.cap.perYear,
          exempt: { credit: plan.cap.exempt?.credit ?? [], flags: plan.cap.exempt?.flags ?? [] },
        },
        strata: (JSON.parse(d.strata_json) as YearDraw['strata']).map((s) => ({
          name: s.name,
          population: s.population,
          pool: s.pool,
          selected: s.selected,
          reserves: s.reserves,
        })),
        pool: pool.map((p) => ({ stratum: p.stratum, uscc: p.uscc })),
        selections: drawSelections(db, d.id),
        seats: drawSeats(db, d.id).map((s) => ({ uscc: s.uscc, certNo: s.cert_no })),
      };
    });

  const defaultDays = getNumberSetting(db, 'deadline.resultDays');
  const input: YearInput = {
    year: o.year,
    today,
    enterprises: reportEnterprises(db).map((e) => ({
      uscc: e.uscc,
      name: e.name,
      industry: e.industry,
      region: e.region,
      credit: e.credit,
      flags: e.flags.split(';').filter((f) => f.trim() !== ''),
      active: e.active === 1,
    })),
    inspectors: reportInspectors(db).map((i) => ({
      certNo: i.cert_no,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      active: i.active === 1,
    })),
    history: reportHistory(db, from, o.year),
    draws,
    results: reportResults(db, o.year)
      .filter((r) => !hidden(r.plan_id, r.plan_json))
      .map((r) => ({
        planId: r.plan_id,
        uscc: r.uscc,
        name: r.name,
        checkDate: r.check_date,
        publishedOn: r.published_at ? dateOf(r.published_at) : null,
        resultDays: planOf(r.plan_id, r.plan_json).publication?.resultDays ?? defaultDays,
      })),
    corrections: reportCorrections(db, o.year)
      .filter((c) => !withheld.has(c.plan_id))
      .map((c) => ({
        planId: c.plan_id,
        uscc: c.uscc,
        reason: c.reason,
        approvedBy: c.approved_by,
        approvedOn: c.approved_on,
        recordedOn: dateOf(c.recorded_at),
        published: c.published_at !== null,
      })),
    objections: reportObjections(db, o.year)
      .filter((x) => !withheld.has(x.plan_id))
      .map((x) => ({
        id: x.id,
        planId: x.plan_id,
        uscc: x.uscc,
        received: x.received,
        decision: x.decision,
        reviewedOn: x.reviewed_at ? dateOf(x.reviewed_at) : null,
        answeredOn: x.answered_at ? dateOf(x.answered_at) : null,
      })),
    annual: findAnnualPlan(db, o.year)?.plan ?? null,
  };
  return {
    office: getSettings(db)['office.name'] ?? '',
    report: yearReport(input, loadCalendar(db)),
    withheld: [...withheld].map(([planId, until]) => ({ planId, until })),
  };
}
