import { publishedReason } from '../domain/event-reasons.js';
import { poolRemovals } from '../db/year-checks.js';
import { chainHead } from '../audit/log.js';
import { readItems, readPoolInspectors } from '../core/canonical.js';
import { activeDraw, drawEvents, drawFiles, drawsOfPlan } from '../db/draws.js';
import { publicDrawSeed } from '../db/seeds.js';
import type { Db } from '../db/open.js';
import { getPlan } from '../db/plans.js';
import { getSettings } from '../db/settings.js';
import { findPublication, insertPublication } from '../db/publications.js';
import { appendAudit } from '../audit/log.js';
import { inWrite } from '../db/tx.js';
import type { Who } from './results.js';
import { validatePlan } from '../domain/plan.js';
import { refused } from '../errors.js';
import type { AnnouncedEnterprise, AnnouncedEvent, AnnouncementData, TeamMember } from '../io/announcement.js';
import { beijingDate } from '../io/dates.js';
import { isSsj2, verifiedState } from '../db/drawing.js';
import { readPoolInspectors2 } from '../core/ssj2/canonical.js';

/**
 * Everything the announcement says, from the plan's active draw: the plan as drawn, the draw's own snapshot of the
 * inspector pool and items (names and 执法证号 only), the current state after events, and the audit chain head.
 * Not yet withheld: callers pass it through forPublication.
 */
export function loadAnnouncement(db: Db, planId: string, now: string): AnnouncementData {
  getPlan(db, planId);
  const draw = activeDraw(db, planId);
  if (!draw) throw refused('export.notDrawn', { id: planId });
  const plan = validatePlan(JSON.parse(draw.planJson));
  const first = findPublication(db, draw.id);
  const files = drawFiles(db, draw.id);
  const ssj2 = isSsj2(draw);
  // SSJ-2's pool says each inspector's kind, so an expert's number is never shown as a 执法证号 (team-groups.ts).
  const inspectors = new Map<string, { name: string; unit: string; kind?: 'officer' | 'expert' }>(
    ssj2
      ? readPoolInspectors2(files.poolInspectors).map((i) => [i.certNo, { name: i.name, unit: i.unit, kind: i.kind }])
      : readPoolInspectors(files.poolInspectors).map((i) => [i.certNo, i]),
  );
  const itemNames = new Map(readItems(files.items).map((i) => [i.code, i.name]));
  const state = verifiedState(db, draw);
  const member = (certNo: string, seat = 0, name = inspectors.get(certNo)?.name ?? '', group?: string): TeamMember => {
    const kind = inspectors.get(certNo)?.kind;
    return {
      seat,
      certNo,
      name,
      unit: inspectors.get(certNo)?.unit ?? '',
      ...(group !== undefined ? { group } : {}),
      ...(kind ? { kind } : {}),
    };
  };

  const strataOrder = new Map(plan.strata.map((s, i) => [s.name, i]));
  const byUscc = new Map(state.selection.map((r) => [r.uscc, r]));
  const enterprises: AnnouncedEnterprise[] = state.selection
    .filter((r) => r.role === 'selected')
    .sort((a, b) => (strataOrder.get(a.stratum) ?? 0) - (strataOrder.get(b.stratum) ?? 0) || a.rank - b.rank)
    .map((r) => ({
      stratum: r.stratum,
      rank: r.rank,
      uscc: r.uscc,
      name: r.name,
      ticket: r.ticket,
      team: (state.teams.get(r.uscc) ?? []).map((s) => member(s.certNo, s.seat, s.name, ssj2 ? s.group : undefined)),
      items: (state.checkItems.get(r.uscc) ?? []).map((c) => ({ code: c.code, name: itemNames.get(c.code) ?? '' })),
    }));

  const firm = (uscc: string) => ({ uscc, name: byUscc.get(uscc)?.name ?? '' });
  const events: AnnouncedEvent[] = drawEvents(db, draw.id).map((e) => ({
    seq: e.seq,
    type: e.type as AnnouncedEvent['type'],
    ...(ssj2 ? { protocol: draw.algorithm } : {}),
    at: e.at,
    enterprise: firm(e.uscc),
    inspector: e.certNo ? member(e.certNo) : null,
    replacement: e.replacementCertNo ? member(e.replacementCertNo) : null,
    otherEnterprise: e.replacementUscc ? firm(e.replacementUscc) : null,
    freshSeed: e.seed,
    // The category only (a recusal's or reassign's words stay internal; domain/event-reasons.ts).
    reason: publishedReason(e.type, e.reason),
  }));

  return {
    office: getSettings(db)['office.name'] ?? '',
    plan: {
      id: plan.id,
      title: plan.title,
      year: plan.year,
      window: plan.window,
      unannounced: plan.publication.unannounced,
      cap: plan.cap,
      teams: { team: plan.team, joint: plan.joint, strata: plan.strata },
      itemsPerEnterprise: plan.items.perEnterprise,
    },
    strata: plan.strata.map((s) => {
      const c = draw.strata.find((x) => x.name === s.name) ?? { population: 0, pool: 0, selected: 0, reserves: 0 };
      return {
        name: s.name,
        where: s.where,
        ratio: s.ratio,
        count: s.count,
        min: s.min,
        population: c.population,
        pool: c.pool,
        selected: c.selected,
        reserves: c.reserves,
      };
    }),
    draw: {
      algorithm: draw.algorithm,
      seed: draw.seed,
      seedSource: draw.seedSource,
      frozenAt: draw.frozenAt,
      drawnAt: draw.drawnAt,
      poolHash: draw.poolHash,
      redrawReason: draw.redrawReason,
      voided: drawsOfPlan(db, planId)
        .filter((d) => d.status === 'void')
        .map((d) => ({ drawnAt: d.drawnAt, seed: d.seed, reason: d.voidReason ?? '' })),
      ...removedOf(db, draw.id),
      ...seedFieldsOf(db, draw.id),
    },
    // Dated once: after the first publication every export keeps its day and chain head (publishAnnouncement).
    chainHead: first?.head ?? chainHead(db),
    issuedOn: beijingDate(first?.firstAt ?? now),
    firstPublishedAt: first?.firstAt ?? null,
    enterprises,
    events,
    withheld: null,
  };
}

/** What the freeze fixed about the seed and why a plan was drawn unfrozen (never the secret; db/seeds.ts). */
function seedFieldsOf(
  db: Db,
  drawId: number,
): { unfrozenReason?: string; seedRule?: { kind: string; sources: string[] }; secretCommitment?: string } {
  const s = publicDrawSeed(db, drawId);
  return {
    ...(s.unfrozenReason ? { unfrozenReason: s.unfrozenReason } : {}),
    ...(s.seedRule ? { seedRule: { kind: s.seedRule.kind, sources: s.seedRule.sources } } : {}),
    ...(s.secretCommitment ? { secretCommitment: s.secretCommitment } : {}),
  };
}

/** The pool-after-freeze removals of a draw as the announcement states them: a count and the plans, no enterprises. */
function removedOf(db: Db, drawId: number): { removed?: { count: number; plans: string[] } } {
  const rows = poolRemovals(db, drawId);
  if (rows.length === 0) return {};
  return { removed: { count: rows.length, plans: [...new Set(rows.map((r) => r.byPlan))].sort() } };
}

/**
 * Record the first publication of an announcement just written (file, standard output or site page): its time and
 * the chain head it printed, with an audit entry, in one transaction. Called after the output was written, with the
 * data that was printed, so a failed write records nothing and the record equals the page. Once recorded, every later
 * export keeps that date and head and lists later events under 更新记录 (loadAnnouncement), so the site no longer
 * loses when the list was announced (汨罗: 15 days before the checks). Returns false when there was one already, when
 * the draw printed is no longer the plan's active one, or when the database is open read-only (a copy on read-only
 * media: the caller warns that the publication was not recorded).
 */
export function recordFirstPublication(db: Db, who: Who, d: AnnouncementData): boolean {
  if (d.firstPublishedAt || db.readonly) return false;
  return inWrite(db, () => {
    const draw = activeDraw(db, d.plan.id);
    if (!draw || draw.drawnAt !== d.draw.drawnAt || findPublication(db, draw.id)) return false;
    insertPublication(db, { drawId: draw.id, planId: d.plan.id, firstAt: who.at, head: d.chainHead });
    appendAudit(db, {
      at: who.at,
      operator: who.operator,
      action: 'publication.first',
      planId: d.plan.id,
      tables: ['publications'],
      payload: { drawId: draw.id, firstAt: who.at, head: d.chainHead },
    });
    return true;
  });
}
