import iconv from 'iconv-lite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SsjError } from '../../src/errors.js';
import {
  binaryKind,
  completeLength,
  firstInvalidUtf8,
  parseEncodingOption,
  scanFile,
  Utf8Check,
  type Encoding,
} from '../../src/io/encoding.js';
import { readCsv } from '../../src/io/csv-read.js';

const dir = mkdtempSync(join(tmpdir(), 'ssj-encoding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (bytes: Buffer | string) => {
  const p = join(dir, `f${n++}.csv`);
  writeFileSync(p, bytes);
  return p;
};

const TEXT = '统一社会信用代码,单位名称\r\n91371322MA32C3K5E6,青禾县齐润化工（分厂）有限公司\r\n';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function errorOf(p: Promise<unknown>): Promise<[string, Record<string, unknown>] | undefined> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SsjError) return [e.code, e.details];
    throw e;
  }
  return undefined;
}

async function readAll(path: string, encoding: Encoding): Promise<string[][]> {
  const out: string[][] = [];
  for await (const batch of readCsv(path, encoding)) out.push(...batch.map((r) => r.fields));
  return out;
}

describe('encoding detection', () => {
  const ROWS = [
    ['统一社会信用代码', '单位名称'],
    ['91371322MA32C3K5E6', '青禾县齐润化工（分厂）有限公司'],
  ];
  it.each([
    ['UTF-8 without BOM', Buffer.from(TEXT), 'utf-8', 'utf-8', ROWS],
    [
      'UTF-8 with BOM (the BOM is not part of the first header)',
      Buffer.concat([BOM, Buffer.from(TEXT)]),
      'utf-8',
      'utf-8 (BOM)',
      ROWS,
    ],
    ['GBK as Chinese Excel saves it', iconv.encode(TEXT, 'gbk'), 'gb18030', 'gb18030', ROWS],
    [
      'GB18030 with a character outside GBK',
      iconv.encode(`${TEXT}𠀀,x\r\n`, 'gb18030'),
      'gb18030',
      'gb18030',
      [...ROWS, ['𠀀', 'x']],
    ],
    [
      'plain ASCII',
      Buffer.from('uscc,name\r\nA,B\r\n'),
      'utf-8',
      'utf-8',
      [
        ['uscc', 'name'],
        ['A', 'B'],
      ],
    ],
  ])('%s', async (_, bytes, encoding, label, rows) => {
    const path = file(bytes);
    const scan = await scanFile(path, undefined);
    expect([scan.encoding, scan.label, scan.bytes]).toEqual([encoding, label, bytes.length]);
    expect(await readAll(path, scan.encoding)).toEqual(rows);
  });

  it('hashes the exact bytes', async () => {
    const scan = await scanFile(file('abc'), undefined);
    expect(scan.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('refuses GBK forced as UTF-8, naming the first bad line', async () => {
    const bytes = Buffer.concat([Buffer.from('uscc,name\r\nA,B\r\n'), iconv.encode('C,青禾县\r\n', 'gbk')]);
    expect(await errorOf(scanFile(file(bytes), 'utf-8', 'roster.csv'))).toEqual([
      'encoding.notUtf8',
      { file: 'roster.csv', line: 3 },
    ]);
  });

  it('warns (does not refuse) when UTF-8 Chinese text is forced to GBK', async () => {
    expect((await scanFile(file(TEXT), 'gbk')).suspicious).toBe('looksUtf8');
    expect((await scanFile(file('ascii,only\n'), 'gbk')).suspicious).toBeUndefined();
  });

  it('refuses a BOM followed by invalid UTF-8 instead of guessing GBK', async () => {
    const bytes = Buffer.concat([BOM, Buffer.from('a,b\n'), iconv.encode('青,禾\n', 'gbk')]);
    expect(await errorOf(scanFile(file(bytes), undefined, 'x.csv'))).toEqual([
      'encoding.bomButInvalid',
      { file: 'x.csv', line: 2 },
    ]);
  });

  it.each([
    ['NUL bytes', Buffer.from('a,b\nc\u0000d\n'), 'encoding.binary', 2],
    [
      'a PNG (two line breaks before its first NUL)',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      'encoding.binary',
      3,
    ],
    ['an .xlsx workbook', Buffer.from('PK\u0003\u0004rest', 'latin1'), 'encoding.xlsx', 1],
    ['an .xls workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'encoding.xls', 1],
    [
      'UTF-16 "Unicode text"',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b', 'utf16le')]),
      'encoding.utf16',
      1,
    ],
  ])('refuses %s', async (_, bytes, code, line) => {
    expect(await errorOf(scanFile(file(bytes), undefined, 'x.csv'))).toEqual([code, { file: 'x.csv', line }]);
  });

  it('reports a missing file as not found', async () => {
    expect(await errorOf(scanFile(join(dir, 'nope.csv'), undefined, 'nope.csv'))).toEqual([
      'file.notFound',
      { path: 'nope.csv' },
    ]);
  });
});

describe('streaming UTF-8 check', () => {
  const text = Buffer.from('a青𠀀b,禾\n');

  it('accepts valid text split at every byte', () => {
    for (let cut = 0; cut <= text.length; cut++) {
      const c = new Utf8Check();
      c.push(text.subarray(0, cut));
      c.push(text.subarray(cut));
      expect(c.end()).toBe(true);
    }
  });

  it('finds the offset of the first invalid byte across chunks, and a truncated last character', () => {
    const c = new Utf8Check();
    c.push(Buffer.from('abc'));
    c.push(Buffer.from([0x64, 0xc3, 0x28]));
    expect(c.end()).toBe(false);
    expect(c.firstInvalid).toBe(4);
    const t = new Utf8Check();
    t.push(text.subarray(0, 2));
    expect(t.end()).toBe(false);
    expect(t.firstInvalid).toBe(1);
  });

  it.each([
    [[0x61, 0xe9, 0x9d], 1],
    [[0x61, 0xe9, 0x9d, 0x92], 4],
    [[0xf0, 0xa0, 0x80], 0],
    [[0x61, 0x62], 2],
  ])('completeLength(%j) = %d', (bytes, n) => expect(completeLength(Uint8Array.from(bytes))).toBe(n));

  it.each([
    [[0x61, 0xff], 1],
    [[0xc0, 0x80], 0],
    [[0xe9, 0x9d, 0x92, 0x80], 3],
    [[0x61, 0x62], 2],
  ])('firstInvalidUtf8(%j) = %d', (bytes, n) => expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(n));
});

describe('--encoding values', () => {
  it.each([
    ['utf-8', 'utf-8'],
    ['UTF8', 'utf-8'],
    ['utf-8-sig', 'utf-8'],
    ['GB18030', 'gb18030'],
    ['gbk', 'gbk'],
    ['GB2312', 'gbk'],
    ['cp936', 'gbk'],
    ['latin1', null],
    [undefined, undefined],
  ])('%j → %j', (value, expected) => expect(parseEncodingOption(value)).toBe(expected));

  it('tells binary signatures apart', () => {
    expect(binaryKind(Buffer.from('abc'), false)).toBeUndefined();
    expect(binaryKind(Buffer.from('abc'), true)).toBe('binary');
  });
});
