import { extname } from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
import type { Context } from './context.js';
import { usageError } from '../errors.js';
import { parseCsvEncoding, type CsvEncoding } from '../io/csv-write.js';
import { beijingDate } from '../io/dates.js';
import type { Db } from '../db/open.js';
import { recordFirstPublication } from '../app/export-announcement.js';
import type { AnnouncementData } from '../io/announcement.js';
import { getSettings, settingKeys } from '../db/settings.js';

/** What the export subcommands share: format and encoding options, today's Beijing date, writing to --out or stdout. */

/** --format, else the --out file's extension, else the default. */
export function pickFormat<F extends string>(format: unknown, out: unknown, known: readonly F[], fallback: F): F {
  const fromExt =
    typeof out === 'string'
      ? extname(out)
          .slice(1)
          .toLowerCase()
          .replace(/^(htm|markdown|text)$/, (m) => ({ htm: 'html', markdown: 'md', text: 'txt' })[m]!)
      : '';
  const f =
    typeof format === 'string' ? format.trim().toLowerCase() : known.includes(fromExt as F) ? fromExt : fallback;
  if (!known.includes(f as F)) throw usageError('export.badFormat', { value: format, known: known.join(', ') });
  return f as F;
}

/** --encoding for CSV; refused for other formats, where it would silently do nothing. */
export function pickEncoding(encoding: unknown, format: string): CsvEncoding {
  if (encoding === undefined) return 'utf8';
  if (format !== 'csv') throw usageError('export.encodingCsvOnly', { format });
  const e = parseCsvEncoding(String(encoding));
  if (!e) throw usageError('export.badEncoding', { value: encoding });
  return e;
}

/** Today in Beijing, from ctx.now() (so --now fixes it in tests). */
export const today = (ctx: Context): string => beijingDate(ctx.now());

/** Write the document to --out (creating folders) and say so (stderr, or the JSON result with --json), or print it to stdout. */
export function emit(ctx: Context, bytes: Buffer, out: unknown): void {
  if (typeof out !== 'string') {
    ctx.io.stdout.write(bytes);
    return;
  }
  const path = ctx.path(out);
  writeFile(path, bytes);
  if (ctx.json) ctx.out.result({ file: path, bytes: bytes.length }, () => '');
  else ctx.out.note(ctx.out.msg('export.written', { path, bytes: bytes.length }));
}

/** Write one output file atomically (src/io/atomic.ts): the old file or the new one, never half of one. */
export function writeFile(path: string, bytes: Buffer | string): void {
  writeFileAtomic(path, bytes);
}

/** The first few of a list of names, for a message. */
export function listSome(names: string[], n = 5): string {
  return names.slice(0, n).join(', ') + (names.length > n ? ' …' : '');
}

/** Every publication names the issuing office: say so when it is still the placeholder default. */
export function warnIfOfficeUnset(ctx: Context, db: Db): void {
  const placeholder = settingKeys.find((k) => k.key === 'office.name')?.default;
  const name = getSettings(db)['office.name'];
  if (name === placeholder) ctx.out.warn('export.officeUnset', { name });
}

/** Record the first publication of each announcement just written; on a read-only database, say it was not. */
export function recordPublished(ctx: Context, db: Db, written: readonly AnnouncementData[]): void {
  const who = { at: ctx.now(), operator: ctx.operator };
  for (const d of written) {
    if (d.firstPublishedAt) continue;
    if (db.readonly) ctx.out.warn('publication.notRecorded', { id: d.plan.id });
    else recordFirstPublication(db, who, d);
  }
}
