import { isAscii, isUtf8 } from 'node:buffer';
import { sha256Stream } from '../core/hash.js';
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { inputError, notFound } from '../errors.js';

/**
 * Which text encoding a roster file is in. Chinese Excel saves "CSV" as GBK (GB18030 is its superset, so we
 * decode it as GB18030), "CSV UTF-8" as UTF-8 with a byte-order mark; other tools write UTF-8 without one.
 * Detection is a strict UTF-8 check of the whole file: GBK text is practically never valid UTF-8, while UTF-8
 * Chinese text decoded as GBK would be silent mojibake, so "valid UTF-8, else GB18030" is the safe order.
 */
export type Encoding = 'utf-8' | 'gb18030' | 'gbk';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'gb18030', 'gbk'];

/** What the one pass over the raw bytes learned (before any decoding). */
export interface FileScan {
  bytes: number;
  sha256: string;
  /** The encoding to decode with. */
  encoding: Encoding;
  /** The file started with the UTF-8 byte-order mark (it is dropped when decoding). */
  bom: boolean;
  /** Encoding label for the imports record and the summary: 'utf-8', 'utf-8 (BOM)', 'gb18030'. */
  label: string;
  /** The encoding was forced with --encoding although the bytes suggest another (a hint for mojibake). */
  suspicious?: 'looksUtf8';
}

/** Parse the --encoding option; undefined means detect. Accepts common spellings (UTF8, GBK, gb2312, cp936). */
export function parseEncodingOption(value: string | undefined): Encoding | undefined | null {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase().replace(/_/g, '-');
  if (v === 'utf-8' || v === 'utf8' || v === 'utf-8-bom' || v === 'utf-8-sig') return 'utf-8';
  if (v === 'gb18030') return 'gb18030';
  if (v === 'gbk' || v === 'gb2312' || v === 'cp936' || v === 'windows-936') return 'gbk';
  return null;
}

/** Signatures of files people export by mistake instead of CSV, so the error can say what the file is. */
export type BinaryKind = 'xlsx' | 'xls' | 'utf16' | 'binary';

export function binaryKind(head: Uint8Array, hasNul: boolean): BinaryKind | undefined {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx'; // zip container
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xls'; // OLE2 compound file
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'utf16'; // Excel "Unicode text"
  return hasNul ? 'binary' : undefined; // no text encoding we accept contains NUL bytes
}

export const hasUtf8Bom = (head: Uint8Array): boolean => head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;

/**
 * Streaming strict UTF-8 check. Chunks may split a multi-byte character; the incomplete tail is carried over.
 * Records the byte offset of the first invalid sequence (for the error message's line number).
 */
export class Utf8Check {
  private carry: Buffer = Buffer.alloc(0);
  private offset = 0;
  firstInvalid = -1;

  push(chunk: Buffer): void {
    if (this.firstInvalid >= 0) return;
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completeLength(data);
    const body = data.subarray(0, cut);
    if (!isUtf8(body)) {
      this.firstInvalid = this.offset + firstInvalidUtf8(body);
      return;
    }
    this.offset += cut;
    this.carry = Buffer.from(data.subarray(cut));
  }

  /** True when every byte pushed was valid UTF-8, including the end of the input. */
  end(): boolean {
    if (this.firstInvalid < 0 && this.carry.length) this.firstInvalid = this.offset;
    return this.firstInvalid < 0;
  }
}

/** Length of the prefix of `b` that does not end inside a multi-byte UTF-8 sequence. */
export function completeLength(b: Uint8Array): number {
  const n = b.length;
  for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
    const c = b[i]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    if (c < 0x80) return n;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    return n - i >= need ? n : i;
  }
  return n;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (or b.length if all are). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need =
      c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (need === 0 || i + need > b.length) return i;
    if (need > 1 && !isUtf8(b.subarray(i, i + need))) return i;
    i += need;
  }
  return b.length;
}

const CHUNK = 1 << 20;

/**
 * Read the file once: size, SHA-256 of the exact bytes (recorded with the import), NUL bytes and known binary
 * signatures, and whether it is valid UTF-8. Then choose the encoding, or check the forced one.
 * Throws an input error (exit 3) for binary files and for a forced UTF-8 that the bytes contradict.
 */
export async function scanFile(path: string, forced: Encoding | undefined, name = path): Promise<FileScan> {
  try {
    return await scan(path, forced, name);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw notFound('file.notFound', { path: name });
    if (code === 'EISDIR') throw inputError('file.isDirectory', { path: name });
    if (code === 'EACCES' || code === 'EPERM') throw inputError('file.noPermission', { path: name });
    throw e;
  }
}

async function scan(path: string, forced: Encoding | undefined, name: string): Promise<FileScan> {
  const hash = sha256Stream();
  const utf8 = new Utf8Check();
  let bytes = 0;
  let head: Buffer | undefined;
  let nulAt = -1;
  let nonAscii = false;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    if (!head) head = Buffer.from(chunk.subarray(0, 4));
    hash.update(chunk);
    const i = chunk.indexOf(0);
    if (i >= 0) {
      // Refused as soon as seen (issue 13 part 6): a NUL is never text, and /dev/zero never ends.
      nulAt = bytes + i;
      break;
    }
    utf8.push(chunk);
    nonAscii ||= !isAscii(chunk);
    bytes += chunk.length;
  }
  const validUtf8 = utf8.end();
  const first = head ?? Buffer.alloc(0);
  const kind = binaryKind(first, nulAt >= 0);
  if (kind)
    throw inputError(`encoding.${kind}`, { file: name, line: kind === 'binary' ? await lineAt(path, nulAt) : 1 });
  const bom = hasUtf8Bom(first);
  const base = { bytes, sha256: hash.digest('hex'), bom };
  const utf8Scan = { ...base, encoding: 'utf-8' as const, label: bom ? 'utf-8 (BOM)' : 'utf-8' };
  if (forced === undefined) {
    if (validUtf8) return utf8Scan;
    // A BOM promises UTF-8: invalid bytes after it are damage, not GBK.
    if (bom) throw inputError('encoding.bomButInvalid', { file: name, line: await lineAt(path, utf8.firstInvalid) });
    return { ...base, encoding: 'gb18030', label: 'gb18030' };
  }
  if (forced === 'utf-8') {
    if (!validUtf8) throw inputError('encoding.notUtf8', { file: name, line: await lineAt(path, utf8.firstInvalid) });
    return utf8Scan;
  }
  // Forced GBK/GB18030 on a file that is valid UTF-8 with Chinese text in it: it will decode, as mojibake.
  return {
    ...base,
    encoding: forced,
    label: forced,
    ...(validUtf8 && nonAscii ? { suspicious: 'looksUtf8' as const } : {}),
  };
}

/** 1-based line number of a byte offset (re-reads the start of the file; only used on the error path). */
export async function lineAt(path: string, offset: number): Promise<number> {
  let line = 1;
  let seen = 0;
  for await (const chunk of createReadStream(path, {
    highWaterMark: CHUNK,
    end: Math.max(0, offset - 1),
  }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) line++;
    seen += chunk.length;
  }
  return offset <= 0 || seen === 0 ? 1 : line;
}

/** A streaming decoder for the chosen encoding. `fatal` so undecodable bytes are an error, never U+FFFD. */
export function decoderFor(encoding: Encoding): TextDecoder {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
}
