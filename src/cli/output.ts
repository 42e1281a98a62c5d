import { beijingDateTime, beijingIso } from '../domain/dates.js';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/index.js';
import { t } from '../i18n/index.js';
import { officialDateTime } from '../io/dates.js';
import { scrubPersonal } from '../domain/personal.js';

export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Colour only on a terminal and never when NO_COLOR is set (https://no-color.org). */
export function makeChalk(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): ChalkInstance {
  const off = (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || !stream.isTTY || env.TERM === 'dumb';
  return new Chalk({ level: off ? 0 : 1 });
}

/** Printing, separate from the commands: commands return data, this writes it as text or JSON. */
export class Output {
  readonly color: ChalkInstance;
  readonly errColor: ChalkInstance;
  /** --show-personal: the office's own use; ID numbers and phones in full in --json output. */
  showPersonal = false;

  constructor(
    readonly streams: Streams,
    readonly lang: Lang,
    readonly json: boolean,
    env: NodeJS.ProcessEnv,
  ) {
    this.color = makeChalk(streams.stdout, env);
    this.errColor = makeChalk(streams.stderr, env);
  }

  /** Print a command's result: JSON when --json, else the text renderer's lines. */
  result<T>(data: T, text: (data: T) => string | string[]): void {
    if (this.json) {
      // Every --json output masks ID numbers and phones unless the command was given --show-personal.
      const shown = this.showPersonal ? data : scrubPersonal(data);
      this.streams.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
      return;
    }
    const lines = text(data);
    const s = Array.isArray(lines) ? lines.join('\n') : lines;
    if (s.length) this.streams.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  }

  /** A line of text on stdout (not in --json mode, where only the JSON result is printed). */
  line(s = ''): void {
    if (!this.json) this.streams.stdout.write(`${s}\n`);
  }

  /** A warning on stderr; stdout stays clean for --json and pipes. */
  warn(code: string, params: Record<string, unknown> = {}): void {
    this.streams.stderr.write(
      `${this.errColor.yellow(t(this.lang, 'warning.prefix'))}: ${t(this.lang, code, humanParams(this.lang, params))}\n`,
    );
  }

  /** Progress and notes on stderr. */
  note(s: string): void {
    this.streams.stderr.write(`${s}\n`);
  }

  msg(code: string, params: Record<string, unknown> = {}): string {
    return t(this.lang, code, humanParams(this.lang, params));
  }
}

/** A plain text table; width counts CJK characters as two columns so Chinese tables line up. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  const fmt = (r: string[]) =>
    r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - displayWidth(c)))).join('  ');
  return [fmt(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(fmt)].join('\n');
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w +=
      cp >= 0x1100 &&
      (cp <= 0x115f ||
        (cp >= 0x2e80 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) ||
        cp >= 0x20000)
        ? 2
        : 1;
  }
  return w;
}

/** A stored instant: ISO 8601 in UTC, as ssj writes them (ctx.now(), the database, bundles). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/**
 * A message's parameters as a person reads them: every stored instant in Beijing time (issue 16: ISO only in --json,
 * whose data objects never pass through here). Dates, codes and other text are left as they are.
 */
export function humanParams(lang: Lang, params: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(params))
    if (typeof v === 'string' && ISO_INSTANT.test(v)) (out ??= { ...params })[k] = displayTime(lang, v);
  return out ?? params;
}

/**
 * A stored time (ISO, UTC) as an officer reads it: Beijing time, to the minute. China has one time zone (UTC+8),
 * so this is the same on every machine. zh: "2024年1月10日 10:00"; en: "2024-01-10 10:00 (UTC+8)".
 */
export function displayTime(lang: Lang, iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '-';
  const b = beijingDateTime(iso);
  if (b === undefined) return iso;
  // The audit log needs the second: several entries of one command share a minute.
  const seconds = withSeconds ? beijingIso(iso)!.slice(16, 19) : '';
  return lang === 'zh' ? `${officialDateTime(iso)}${seconds}` : `${b.date} ${b.time}${seconds} (UTC+8)`;
}
