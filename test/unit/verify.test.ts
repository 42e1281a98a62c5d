import { beforeAll, describe, expect, it } from 'vitest';
import { describeDifference } from '../../src/cli/commands/verify.js';
import { BundleError, verifyBundle, type Difference } from '../../src/core/verify.js';
import { openDb } from '../../src/db/open.js';
import { hasMessage } from '../../src/i18n/index.js';
import { bundleFiles } from '../../src/app/export-bundle.js';
import {
  putRows,
  rehash,
  rows,
  storeSyntheticDrawWithEvents,
  TAMPERS,
  tampered,
  type Bundle,
} from '../helpers/bundle.js';
import { storeDrawnInput } from '../helpers/drawn-db.js';
import { tinyInput } from '../helpers/protocol.js';

let original: Bundle;
beforeAll(() => {
  const db = openDb(':memory:');
  storeSyntheticDrawWithEvents(db);
  original = bundleFiles(db, 'T1');
});

const codes = (ds: Difference[]) => [...new Set(ds.map((d) => d.code))];

function edited(edit: (b: Bundle) => void, updateManifest = true): Bundle {
  const b = new Map(original);
  edit(b);
  if (updateManifest) rehash(b);
  return b;
}

function bundleError(b: Bundle): BundleError {
  try {
    verifyBundle(b);
  } catch (e) {
    if (e instanceof BundleError) return e;
    throw e;
  }
  throw new Error('the bundle was accepted');
}

describe('verifyBundle on untouched bundles', () => {
  it('verifies a bundle with recusals, a swap, a fresh-seed recusal and a replacement', () => {
    expect(rows(original, 'events.csv').map((e) => e.type)).toEqual([
      'recusal',
      'recusal',
      'swap',
      'recusal',
      'replacement',
    ]);
    const r = verifyBundle(original);
    expect(r.differences).toEqual([]);
    expect(r.verified).toBe(true);
    expect(r.summary).toMatchObject({ planId: 'T1', seed: 'synthetic seed 2024', events: 5 });
    expect(r.summary.strata.map((s) => [s.name, s.pool, s.selected, s.reserves])).toEqual([
      ['重点', 75, 15, 3],
      ['一般', 225, 12, 3],
    ]);
  });

  it('verifies the ALGORITHM.md example draw', () => {
    const db = openDb(':memory:');
    const input = tinyInput();
    storeDrawnInput(db, input, { seedInput: input.seedRfc3797, seedKind: 'rfc3797' });
    expect(verifyBundle(bundleFiles(db, '2024Q1')).differences).toEqual([]);
  });
});

describe('verifyBundle finds every forgery of issue 5', () => {
  const expected: Record<string, string[]> = {
    'a selected enterprise swapped for a reserve': ['verify.selectionField', 'verify.teamMissing', 'verify.teamExtra'],
    'a team member changed': ['verify.teamMember'],
    'a check item changed': ['verify.itemMissing', 'verify.itemExtra'],
    'a pool row removed': ['verify.poolCount'],
    'a pool row added': ['verify.poolCount'],
    'the seed changed': ['verify.selectionField', 'verify.selectionRank'],
    "the plan's ratio changed": ['verify.stratumCount'],
    'an event removed': ['verify.selectionRole'],
    'two events reordered (and renumbered)': ['verify.eventMismatch', 'verify.teamMember'],
    'a file edited without updating the manifest': ['verify.fileHash', 'verify.selectionField'],
  };
  it.each(TAMPERS.map((t) => [t.name, t] as const))('%s', (name, t) => {
    const r = verifyBundle(tampered(original, t));
    expect(r.verified).toBe(false);
    expect(codes(r.differences)).toEqual(expect.arrayContaining(expected[name]!));
    // Every difference reads as a sentence in both languages, never as a bare code.
    for (const d of r.differences) {
      expect(hasMessage(d.code)).toBe(true);
      for (const lang of ['en', 'zh'] as const) expect(describeDifference(lang, d)).not.toMatch(/\{\w+\}|verify\./);
    }
  });

  it('says where a wrongly listed enterprise really ranks', () => {
    const b = edited((x) => {
      const sel = rows(x, 'selection.csv');
      const listed = new Set(sel.map((r) => r.uscc));
      const outsider = rows(x, 'pool-enterprises.csv').find((e) => e.stratum === '一般' && !listed.has(e.uscc))!;
      const row = sel.find((r) => r.stratum === '一般' && r.role === 'selected')!;
      Object.assign(row, { uscc: outsider.uscc, name: outsider.name });
      putRows(x, 'selection.csv', sel);
    });
    const d = verifyBundle(b).differences.find((x) => x.code === 'verify.selectionRank')!;
    expect(d).toMatchObject({ listedRole: 'selected', n: 12, reserves: 3, stratum: '一般' });
    expect(Number(d.rank)).toBeGreaterThan(15);
    expect(describeDifference('en', d)).toMatch(
      new RegExp(
        `^selection: ${d.uscc} is listed as selected but its ticket ranks ${d.rank}(st|nd|rd|th) of 12 in 一般`,
      ),
    );
    expect(describeDifference('zh', d)).toContain(`排第 ${d.rank}`);
  });
});

describe('verifyBundle checks the manifest against the files', () => {
  it('flags a file that is not in the manifest, and a listed file that is missing', () => {
    const b = edited((x) => x.set('notes.txt', 'hello\n'));
    const m = JSON.parse(b.get('manifest.json')!);
    m.files['extra.csv'] = '0'.repeat(64);
    b.set('manifest.json', JSON.stringify(m));
    expect(verifyBundle(b).differences).toEqual([
      { code: 'verify.fileListedMissing', file: 'extra.csv' },
      { code: 'verify.fileNotInManifest', file: 'notes.txt' },
    ]);
  });

  it('flags a pool hash that is not the hash of pool-enterprises.csv', () => {
    const b = new Map(original);
    const m = JSON.parse(b.get('manifest.json')!);
    m.poolHash = 'f'.repeat(64);
    b.set('manifest.json', JSON.stringify(m));
    expect(codes(verifyBundle(b).differences)).toEqual(['verify.poolHash']);
  });

  it('flags a seed that does not come from the published lottery numbers', () => {
    const db = openDb(':memory:');
    const input = tinyInput();
    storeDrawnInput(db, input, { seedInput: '9319 / 2 5 12 8 11 / 9 18 26 34 41 45', seedKind: 'rfc3797' });
    expect(verifyBundle(bundleFiles(db, '2024Q1')).differences).toEqual([
      {
        code: 'verify.seedInput',
        seed: input.seed,
        seedInput: '9319 / 2 5 12 8 11 / 9 18 26 34 41 45',
        seedKind: 'rfc3797',
        expected: '9319./2.5.8.11.12./9.18.26.34.41.45./',
      },
    ]);
  });

  it('flags rows that are reordered but otherwise unchanged', () => {
    const b = edited((x) => {
      const [h, ...rest] = x.get('pool-inspectors.csv')!.trimEnd().split('\n');
      x.set('pool-inspectors.csv', `${[h, ...rest.reverse()].join('\n')}\n`);
    });
    expect(verifyBundle(b).differences).toEqual([{ code: 'verify.notCanonical', file: 'pool-inspectors.csv' }]);
  });
});

describe('verifyBundle replays events without crashing', () => {
  const editEvent = (patch: Record<string, string>, index = 0) =>
    edited((x) => {
      const evs = rows(x, 'events.csv');
      Object.assign(evs[index]!, patch);
      putRows(x, 'events.csv', evs);
    });

  it('reports a recorded replacement the rules do not give', () => {
    const d = verifyBundle(editEvent({ replacementCertNo: '37032300000' })).differences;
    expect(d[0]).toMatchObject({
      code: 'verify.eventMismatch',
      seq: 1,
      field: 'replacementCertNo',
      recorded: '37032300000',
    });
  });

  it('reports an event that cannot apply, and stops comparing there', () => {
    const d = verifyBundle(editEvent({ certNo: 'NOBODY' })).differences;
    expect(d).toEqual([expect.objectContaining({ code: 'verify.eventRefused', seq: 1, reason: 'event.notOnTeam' })]);
    expect(describeDifference('en', d[0]!)).toMatch(
      /^event 1 \(recusal on \w+\) cannot be applied under the rules: Inspector NOBODY is not on the team/,
    );
  });

  it('reports an unknown event type', () => {
    const d = verifyBundle(editEvent({ type: 'bribe' })).differences;
    expect(d).toEqual([expect.objectContaining({ code: 'verify.eventRefused', reason: 'event.unknownType' })]);
  });

  it('reports a gap in the event numbers', () => {
    const d = verifyBundle(editEvent({ seq: '7' }, 4)).differences;
    expect(d).toContainEqual({ code: 'verify.eventSeq', line: 6, seq: 7, expected: 5 });
  });
});

describe('verifyBundle refuses what is not a bundle (exit 3)', () => {
  const withManifest = (patch: Record<string, unknown>) => {
    const b = new Map(original);
    b.set('manifest.json', JSON.stringify({ ...JSON.parse(b.get('manifest.json')!), ...patch }));
    return b;
  };
  const without = (file: string) => () => {
    const b = new Map(original);
    b.delete(file);
    return b;
  };
  it.each([
    ['no manifest', without('manifest.json'), 'verify.notBundle'],
    ['a missing file', without('teams.csv'), 'verify.fileMissing'],
    ['bad JSON', () => edited((b) => b.set('plan.json', '{"id": ')), 'verify.badJson'],
    ['an unknown protocol version', () => withManifest({ algorithm: 'SSJ-2' }), 'verify.unknownAlgorithm'],
    ['an unknown format', () => withManifest({ format: 'ssj-bundle/9' }), 'verify.unknownFormat'],
    ['a manifest without strata', () => withManifest({ strata: 'x' }), 'verify.badManifest'],
    [
      'a wrong header',
      () => edited((b) => b.set('teams.csv', b.get('teams.csv')!.replace('certNo', 'idNumber'))),
      'verify.badHeader',
    ],
    ['a byte-order mark', () => edited((b) => b.set('items.csv', `\uFEFF${b.get('items.csv')}`)), 'verify.bom'],
    [
      'a plan without a team size',
      () => edited((b) => b.set('plan.json', b.get('plan.json')!.replace('"size"', '"sise"'))),
      'verify.badPlan',
    ],
  ] as const)('%s', (_name, make, code) => {
    const e = bundleError(make());
    expect(e.code).toBe(code);
    expect(hasMessage(e.code)).toBe(true);
  });
});
