import { describe, expect, it } from 'vitest';
import { distinctKeys, parseCsv, poolEnterprisesCsv, poolIsCanonical } from '../../src/core/canonical.js';
import { csvRows } from '../../src/core/csv-rows.js';

/** The character loop parseCsv used before src/core/csv-rows.ts: the oracle the fast reader must equal. */
function oracleRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
    i++;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A small deterministic PRNG (mulberry32): the same cases on every run. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('csvRows: the fast CSV reader equals the character loop it replaced', () => {
  it('on 20,000 random texts of quotes, commas, line ends and plain runs (malformed ones included)', () => {
    const next = rng(17);
    const alphabet = ['a', 'bc', ',', '"', '""', '\n', '\r', '\r\n', '企业', '\uFEFF', ' ', 'x"y'];
    for (let k = 0; k < 20_000; k++) {
      const parts: string[] = [];
      const len = Math.floor(next() * 30);
      for (let j = 0; j < len; j++) parts.push(alphabet[Math.floor(next() * alphabet.length)]!);
      const text = parts.join('');
      expect(csvRows(text), JSON.stringify(text)).toEqual(oracleRows(text));
    }
  });

  it('on canonical rows with quoted names, a BOM and a missing final line end', () => {
    const text =
      '\uFEFFstratum,uscc,name,industry\n一般,9137,"青禾""精工"",有限公司",机械\r\n重点,9138,"a\nb",\n一般,9139,,x';
    expect(csvRows(text)).toEqual(oracleRows(text));
    expect(parseCsv(text)[0]).toEqual({ stratum: '一般', uscc: '9137', name: '青禾"精工",有限公司', industry: '机械' });
    expect(parseCsv(text)).toHaveLength(3);
  });
});

describe('poolIsCanonical and distinctKeys: the verifiers fast checks equal the slow ones', () => {
  it('poolIsCanonical(order, pool, text) is poolEnterprisesCsv(order, pool) === text, on texts changed by one character', () => {
    const next = rng(5);
    const names = ['青禾化工', 'a,b', 'say "hi"', 'x\ny', ''];
    for (let k = 0; k < 300; k++) {
      const pool = Array.from({ length: Math.floor(next() * 8) }, (_, i) => ({
        stratum: next() < 0.5 ? '重点' : '一般',
        uscc: `U${Math.floor(next() * 50)}-${i}`,
        name: names[Math.floor(next() * names.length)]!,
        industry: next() < 0.5 ? '机械' : '',
      }));
      const order = ['重点', '一般'];
      const text = poolEnterprisesCsv(order, pool);
      expect(poolIsCanonical(order, pool, text)).toBe(true);
      const at = Math.floor(next() * text.length);
      for (const changed of [
        text.slice(0, at) + text.slice(at + 1),
        `${text.slice(0, at)}X${text.slice(at)}`,
        `${text}\n`,
      ])
        expect(poolIsCanonical(order, pool, changed)).toBe(poolEnterprisesCsv(order, pool) === changed);
    }
  });

  it('distinctKeys is false exactly when a key repeats', () => {
    const next = rng(9);
    for (let k = 0; k < 500; k++) {
      const keys = Array.from({ length: Math.floor(next() * 20) }, () => `K${Math.floor(next() * 30)}`);
      expect(distinctKeys(keys)).toBe(new Set(keys).size === keys.length);
    }
  });
});
