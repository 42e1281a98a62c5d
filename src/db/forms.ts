import type { Db } from './open.js';

/**
 * Roster details the forms print beside what the draw recorded: an enterprise's address and legal
 * representative (public registration data), an item's 检查内容/依据/方式, an inspector's kind (专家) and, only
 * when the office asks with --show-personal, ID number and phone. Read by key, inactive rows included (a row
 * deactivated after the draw still names the same enterprise or person).
 */
export interface FormRosterDetails {
  enterprises: Map<string, { address: string; legalRep: string }>;
  items: Map<string, { content: string; basis: string; method: string }>;
  inspectors: Map<string, { kind: string; idNumber: string; phone: string }>;
}

export function formRosterDetails(db: Db, personal: boolean): FormRosterDetails {
  const enterprises = new Map(
    (db.prepare('SELECT uscc, address, legal_rep FROM enterprises').all() as Record<string, string>[]).map((r) => [
      r.uscc!,
      { address: r.address ?? '', legalRep: r.legal_rep ?? '' },
    ]),
  );
  const items = new Map(
    (db.prepare('SELECT code, content, basis, method FROM items').all() as Record<string, string>[]).map((r) => [
      r.code!,
      { content: r.content ?? '', basis: r.basis ?? '', method: r.method ?? '' },
    ]),
  );
  const inspectors = new Map(
    (
      db
        .prepare(
          personal
            ? 'SELECT cert_no, kind, id_number, phone FROM inspectors'
            : "SELECT cert_no, kind, '' AS id_number, '' AS phone FROM inspectors",
        )
        .all() as Record<string, string>[]
    ).map((r) => [r.cert_no!, { kind: r.kind ?? '', idNumber: r.id_number ?? '', phone: r.phone ?? '' }]),
  );
  return { enterprises, items, inspectors };
}
