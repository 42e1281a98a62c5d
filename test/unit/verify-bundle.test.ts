import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FILES, type Manifest } from '../../src/core/verify.js';
import { openDb } from '../../src/db/open.js';
import { bundleFiles } from '../../src/app/export-bundle.js';
import type { SsjError } from '../../src/errors.js';
import { storeDrawnInput } from '../helpers/drawn-db.js';
import { tinyInput } from '../helpers/protocol.js';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

function tinyDb() {
  const db = openDb(':memory:');
  const input = tinyInput();
  storeDrawnInput(db, input, {
    seedInput: input.seedRfc3797,
    seedKind: 'rfc3797',
    seedSource: 'RFC 3797 example',
    title: '测试',
  });
  return db;
}

describe('bundleFiles', () => {
  it('lists every bundle file with its SHA-256 in a manifest laid out as ALGORITHM.md section 11', () => {
    const files = bundleFiles(tinyDb(), '2024Q1');
    expect([...files.keys()]).toEqual([
      'check-items.csv',
      'conflicts.csv',
      'events.csv',
      'items.csv',
      'manifest.json',
      'plan.json',
      'pool-enterprises.csv',
      'pool-inspectors.csv',
      'selection.csv',
      'teams.csv',
    ]);
    const text = files.get('manifest.json')!;
    expect(text.endsWith('}\n')).toBe(true);
    const m = JSON.parse(text) as Manifest;
    expect(Object.keys(m)).toEqual([
      'format',
      'algorithm',
      'planId',
      'title',
      'seed',
      'seedInput',
      'seedKind',
      'seedSource',
      'frozenAt',
      'drawnAt',
      'poolHash',
      'strata',
      'files',
    ]);
    expect(m).toMatchObject({
      format: 'ssj-bundle/1',
      algorithm: 'SSJ-1',
      planId: '2024Q1',
      seed: '9319./2.5.8.10.12./9.18.26.34.41.45./',
      seedKind: 'rfc3797',
    });
    expect(Object.keys(m.files)).toEqual([...BUNDLE_FILES]);
    for (const name of BUNDLE_FILES) expect(m.files[name]).toBe(sha(files.get(name)!));
    expect(m.poolHash).toBe(sha(files.get('pool-enterprises.csv')!));
    expect(m.strata).toEqual([
      { name: '重点行业', population: 5, pool: 4, selected: 2, reserves: 1 },
      { name: '一般行业', population: 4, pool: 4, selected: 1, reserves: 2 },
    ]);
    expect(text).toBe(`${JSON.stringify(m, null, 2)}\n`);
  });

  it('writes the selection, teams and check items of the ALGORITHM.md example', () => {
    const files = bundleFiles(tinyDb(), '2024Q1');
    expect(files.get('selection.csv')!.split('\n').slice(0, 3)).toEqual([
      'stratum,rank,uscc,name,ticket,role',
      '重点行业,1,91370300MA3C5X2K00,淄博鑫源化工有限公司,05eaac6aee25e2d36191f21948be94d852aeedf4e244a752940d7ee278ebbfaf,selected',
      '重点行业,2,91370322MA3D4RUN7G,高青县华安烟花爆竹有限公司,6ab6628e03164a7ff8d6261c17b55042cf25a1cfdb5ac26281497d5f10eec304,selected',
    ]);
    expect(files.get('teams.csv')!.split('\n')[1]).toBe(
      '91370300MA3C5X2K00,1,37032301005,陈静,b3f4ab1687f4bc4a4bd0a7e4cfc8abacf3bed79d3ac6466eccc9df2175d45d17',
    );
    expect(files.get('check-items.csv')!.split('\n')[1]).toBe(
      '91370300MA3C5X2K00,AQ-03,1dbdc556aee68598da13a6f716176c3be458a9007c17a9890c9cca2e547e2a82',
    );
    expect(files.get('events.csv')).toBe('seq,type,uscc,certNo,replacementCertNo,replacementUscc,seed,reason\n');
  });

  it('gives the same bytes every time', () => {
    const db = tinyDb();
    expect(bundleFiles(db, '2024Q1')).toEqual(bundleFiles(db, '2024Q1'));
  });

  it('refuses a plan that is not drawn (exit 5) and an unknown plan (exit 4)', () => {
    const db = tinyDb();
    db.prepare(`UPDATE draws SET status = 'void'`).run();
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as SsjError;
      }
      throw new Error('no error');
    };
    expect(err(() => bundleFiles(db, '2024Q1'))).toMatchObject({ code: 'bundle.notDrawn', exitCode: 5 });
    expect(err(() => bundleFiles(db, 'nope'))).toMatchObject({ code: 'plan.notFound', exitCode: 4 });
  });
});
