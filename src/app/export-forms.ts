import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormRosterDetails } from '../db/forms.js';
import type { Settings } from '../db/settings.js';
import { refused } from '../errors.js';
import { eventText, isDirected, type AnnouncementData } from '../io/announcement.js';
import { formsHtml } from '../io/forms/html.js';
import { allForms, type FormMember, type FormsData } from '../io/forms/model.js';
import { isGrouped, leadOfficerUnit, teamGroups } from '../io/team-groups.js';

/**
 * `ssj export forms`: the paperwork of a drawn plan as .docx (Word/WPS) and one HTML print view, from the draw's
 * own record (teams, items, tickets, events) plus the roster details the forms print (addresses, item contents).
 */
export interface FormsOptions {
  outDir: string;
  /** Only this enterprise's forms (and its page of the filing form). */
  enterprise?: string | undefined;
  showPersonal: boolean;
}

export interface FormsResult {
  plan: string;
  dir: string;
  files: string[];
  enterprises: number;
}

/**
 * The team of an enterprise as forms show it. SSJ-1 seats give 组长 / 组员, experts 专家 (by the roster). SSJ-2 seats
 * come by group (io/team-groups.ts: 组长, 组员 by department in a joint plan, 专家) with the kind the draw's pool
 * records, so an expert's number is printed as 专家编号.
 */
export function formTeam(
  team: AnnouncementData['enterprises'][number]['team'],
  details: FormRosterDetails,
  showPersonal: boolean,
): FormMember[] {
  const personal = (certNo: string) => {
    const r = details.inspectors.get(certNo);
    return showPersonal && r ? { idNumber: r.idNumber, phone: r.phone } : {};
  };
  if (isGrouped(team))
    return teamGroups(team).flatMap((g) =>
      g.members.map((m) => ({
        name: m.name,
        certNo: m.certNo,
        unit: m.unit,
        group: g.label,
        kind: m.kind ?? (m.group === 'experts' ? ('expert' as const) : ('officer' as const)),
        ...personal(m.certNo),
      })),
    );
  return team.map((m) => {
    const expert = details.inspectors.get(m.certNo)?.kind === 'expert';
    return {
      name: m.name,
      certNo: m.certNo,
      unit: m.unit,
      group: m.seat === 1 ? '组长' : expert ? '专家' : '组员',
      ...personal(m.certNo),
    };
  });
}

export function formsData(
  d: AnnouncementData,
  details: FormRosterDetails,
  settings: Settings,
  showPersonal: boolean,
): FormsData {
  return {
    office: {
      name: d.office,
      region: settings['office.region'] ?? '',
      docNo: settings['office.docNo'] ?? '',
      filingOffice: settings['office.filingOffice'] || '区优化办',
    },
    plan: {
      id: d.plan.id,
      title: d.plan.title,
      window: d.plan.window,
      unannounced: d.plan.unannounced,
      directed: isDirected(d.strata),
    },
    draw: { drawnAt: d.draw.drawnAt, algorithm: d.draw.algorithm, seed: d.draw.seed },
    issuedOn: d.issuedOn,
    enterprises: d.enterprises.map((e) => ({
      uscc: e.uscc,
      name: e.name,
      address: details.enterprises.get(e.uscc)?.address ?? '',
      legalRep: details.enterprises.get(e.uscc)?.legalRep ?? '',
      ticket: e.ticket,
      team: formTeam(e.team, details, showPersonal),
      leadUnit: leadOfficerUnit(e.team),
      items: e.items.map((it) => ({ ...it, content: '', basis: '', method: '', ...details.items.get(it.code) })),
      events: d.events
        .filter((ev) => ev.enterprise.uscc === e.uscc || ev.otherEnterprise?.uscc === e.uscc)
        .map((ev) => eventText(ev)),
    })),
  };
}

export async function exportForms(
  d: AnnouncementData,
  details: FormRosterDetails,
  settings: Settings,
  o: FormsOptions,
): Promise<FormsResult> {
  if (o.enterprise !== undefined && !d.enterprises.some((e) => e.uscc === o.enterprise))
    throw refused('forms.notSelected', { plan: d.plan.id, uscc: o.enterprise });
  const data = formsData(d, details, settings, o.showPersonal);
  const forms = allForms(data, o.enterprise);
  mkdirSync(o.outDir, { recursive: true });
  // docx loads only for this command (it costs every other command's start-up otherwise).
  const { formDocx } = await import('../io/forms/docx.js');
  const files: string[] = [];
  for (const f of forms) {
    const name = `${f.file}.docx`;
    writeFileSync(join(o.outDir, name), await formDocx(f, data.office.name));
    files.push(name);
  }
  const htmlName = `打印-${d.plan.id}${o.enterprise ? `-${o.enterprise}` : ''}.html`;
  writeFileSync(join(o.outDir, htmlName), formsHtml(forms, data.office.name, `${d.plan.title}：检查文书`));
  files.push(htmlName);
  return { plan: d.plan.id, dir: o.outDir, files, enterprises: o.enterprise ? 1 : d.enterprises.length };
}
