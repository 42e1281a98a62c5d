import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../src/core/verify.js';
import { type Bundle, putRows, pyVerify, readBundle, rehash, rows, writeBundleDir } from '../helpers/bundle.js';
import { ssj } from '../helpers/cli.js';

/**
 * Both verifiers on ssj-bundle/2 (DESIGN.md SSJ-2 "Bundle"): the reference vector bundles verify; every tampering
 * below, with the manifest's hashes updated as a careful forger would, is rejected by `ssj verify` (the code named)
 * and by docs/verify.py (exit 1) — now also on the group and department columns, the seed rule, the secret and its
 * commitment, pool-removed.csv and the published reason categories.
 */
const VECTORS = join(import.meta.dirname, '..', 'vectors');
const joint = readBundle(join(VECTORS, 'ssj2-joint'));
const override = readBundle(join(VECTORS, 'ssj2-override'));
const tmp = mkdtempSync(join(tmpdir(), 'ssj2-verify-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Manifest = Record<string, unknown> & { strata: Record<string, unknown>[] };
const manifest = (b: Bundle) => JSON.parse(b.get('manifest.json')!) as Manifest;
const putManifest = (b: Bundle, m: Manifest) => b.set('manifest.json', `${JSON.stringify(m, null, 2)}\n`);
const editRow = (
  b: Bundle,
  file: string,
  pick: (r: Record<string, string>) => boolean,
  edit: (r: Record<string, string>) => void,
) => {
  const rs = rows(b, file);
  const r = rs.find(pick);
  if (!r) throw new Error(`no row to tamper with in ${file}`);
  edit(r);
  putRows(b, file, rs);
};

interface Tamper {
  name: string;
  base: Bundle;
  code: string;
  apply: (b: Bundle) => void;
}

const TAMPERS: Tamper[] = [
  {
    name: 'teams.csv: an expert seat relabelled as an officer seat (group column)',
    base: joint,
    code: 'verify.teamField',
    apply: (b) =>
      editRow(
        b,
        'teams.csv',
        (r) => r.group === 'experts',
        (r) => (r.group = 'officers'),
      ),
  },
  {
    name: 'teams.csv: a department seat moved to the other department (group column)',
    base: joint,
    code: 'verify.teamField',
    apply: (b) =>
      editRow(
        b,
        'teams.csv',
        (r) => r.group === '区市场监督管理局',
        (r) => (r.group = '区应急管理局'),
      ),
  },
  {
    name: 'teams.csv: the expert put in seat 1 (组长) and the leader in the expert seat',
    base: joint,
    code: 'verify.teamMember',
    apply: (b) => {
      const rs = rows(b, 'teams.csv');
      const u = rs[0]!.uscc;
      const lead = rs.find((r) => r.uscc === u && r.seat === '1')!;
      const expert = rs.find((r) => r.uscc === u && r.group === 'experts')!;
      [lead.certNo, expert.certNo, lead.name, expert.name] = [expert.certNo, lead.certNo, expert.name, lead.name];
      putRows(b, 'teams.csv', rs);
    },
  },
  {
    name: 'pool-inspectors.csv: an expert listed as an officer (kind column)',
    base: joint,
    code: 'verify.eventRefused',
    apply: (b) =>
      editRow(
        b,
        'pool-inspectors.csv',
        (r) => r.certNo === 'ZJ-2024-004',
        (r) => (r.kind = 'officer'),
      ),
  },
  {
    name: 'pool-inspectors.csv: an unknown kind',
    base: joint,
    code: 'verify.inspectorKind',
    apply: (b) =>
      editRow(
        b,
        'pool-inspectors.csv',
        (r) => r.certNo === 'ZJ-2024-003',
        (r) => (r.kind = '顾问'),
      ),
  },
  {
    name: 'pool-inspectors.csv: an officer moved to the other department (department column)',
    base: joint,
    code: 'verify.eventMismatch',
    apply: (b) =>
      editRow(
        b,
        'pool-inspectors.csv',
        (r) => r.certNo === '37032302004',
        (r) => (r.department = '区应急管理局'),
      ),
  },
  {
    name: 'items.csv: an item moved to the other department (department column)',
    base: joint,
    code: 'verify.itemMissing',
    apply: (b) =>
      editRow(
        b,
        'items.csv',
        (r) => r.code === 'SC-002',
        (r) => (r.department = '区应急管理局'),
      ),
  },
  {
    name: 'manifest: the seed rule announced three sources, the seed has two',
    base: joint,
    code: 'verify.seedRule',
    apply: (b) => {
      const m = manifest(b);
      (m.seedRule as { sources: string[] }).sources.push('双色球第2025030期 快乐星期天');
      putManifest(b, m);
    },
  },
  {
    name: 'manifest: a text seed on a plan frozen with an rfc3797 rule',
    base: joint,
    code: 'verify.seedRule',
    apply: (b) => {
      const m = manifest(b);
      m.seedKind = 'text';
      m.seedInput = m.publicSeed;
      putManifest(b, m);
    },
  },
  {
    name: 'manifest: another secret revealed than the one committed',
    base: joint,
    code: 'verify.secretCommitment',
    apply: (b) => {
      const m = manifest(b);
      const secret = m.seedSecret as string;
      m.seedSecret = `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`;
      m.seed = `${m.publicSeed}#${m.seedSecret}`;
      putManifest(b, m);
    },
  },
  {
    name: 'manifest: a commitment without its revealed secret',
    base: joint,
    code: 'verify.secretMissing',
    apply: (b) => {
      const m = manifest(b);
      m.seedSecret = null;
      m.seed = m.publicSeed;
      putManifest(b, m);
    },
  },
  {
    name: 'manifest: a secret that was never committed',
    base: joint,
    code: 'verify.commitmentMissing',
    apply: (b) => {
      const m = manifest(b);
      m.secretCommitment = null;
      putManifest(b, m);
    },
  },
  {
    name: 'manifest: the seed without the secret part',
    base: joint,
    code: 'verify.seedSecret',
    apply: (b) => {
      const m = manifest(b);
      m.seed = m.publicSeed;
      putManifest(b, m);
    },
  },
  {
    name: 'pool-removed.csv: the removed enterprise put back (count updated too)',
    base: joint,
    code: 'verify.selectionMissing',
    apply: (b) => {
      putRows(b, 'pool-removed.csv', []);
      const m = manifest(b);
      m.strata[0]!.removed = 0;
      putManifest(b, m);
    },
  },
  {
    name: 'pool-removed.csv: a row removed, the manifest count left',
    base: joint,
    code: 'verify.removedCount',
    apply: (b) => putRows(b, 'pool-removed.csv', []),
  },
  {
    name: 'pool-removed.csv: an enterprise that is not in the frozen pool',
    base: override,
    code: 'verify.removedRow',
    apply: (b) =>
      putRows(b, 'pool-removed.csv', [{ stratum: '非煤矿山', uscc: '91210411MA0UZZZZZZ', byPlan: '2025Q1' }]),
  },
  {
    name: "events.csv: a recusal's free text published instead of its category",
    base: joint,
    code: 'verify.eventReason',
    apply: (b) =>
      editRow(
        b,
        'events.csv',
        (r) => r.type === 'recusal',
        (r) => (r.reason = '其弟在该企业任安全主管'),
      ),
  },
  {
    name: 'events.csv: a swap recorded with another partner',
    base: joint,
    code: 'verify.eventMismatch',
    apply: (b) =>
      editRow(
        b,
        'events.csv',
        (r) => r.type === 'swap',
        (r) => (r.replacementUscc = '91370322MA3R4V7K0L'),
      ),
  },
  {
    name: 'plan.json: the stratum override removed',
    base: override,
    code: 'verify.eventMismatch',
    apply: (b) => {
      const plan = JSON.parse(b.get('plan.json')!) as { strata: { team?: unknown }[] };
      delete plan.strata[0]!.team;
      b.set('plan.json', `${JSON.stringify(plan, null, 2)}\n`);
    },
  },
];

describe('SSJ-2 bundles in both verifiers', () => {
  it.each([
    ['ssj2-joint', joint],
    ['ssj2-override', override],
  ])('%s verifies in ssj verify and docs/verify.py', (name, b) => {
    expect(verifyBundle(b).differences).toEqual([]);
    const py = pyVerify(writeBundleDir(join(tmp, `ok-${name}`), b));
    expect(py.stdout).toContain('VERIFIED');
    expect(py.code).toBe(0);
  });

  it.each(TAMPERS.map((t, i) => [t.name, t, i] as const))('rejects: %s', (_name, t, i) => {
    const b = new Map(t.base);
    t.apply(b);
    rehash(b);
    const r = verifyBundle(b);
    expect(r.verified).toBe(false);
    expect(r.differences.map((d) => d.code)).toContain(t.code);
    const py = pyVerify(writeBundleDir(join(tmp, `t${i}`), b));
    expect(py.stdout, py.stderr).toContain('FAILED');
    expect(py.code).toBe(1);
  });

  it('rejects a twelfth file the manifest does not list', () => {
    const b = new Map(joint);
    b.set('notes.txt', 'extra');
    expect(verifyBundle(b).differences.map((d) => d.code)).toContain('verify.fileNotInManifest');
    expect(pyVerify(writeBundleDir(join(tmp, 'extra'), b)).code).toBe(1);
  });

  it('a bundle without pool-removed.csv cannot be read as ssj-bundle/2', () => {
    const b = new Map(joint);
    b.delete('pool-removed.csv');
    expect(() => verifyBundle(b)).toThrow(/fileMissing/);
    expect(pyVerify(writeBundleDir(join(tmp, 'missing'), b)).code).toBe(3);
  });

  it('ssj verify (the command) accepts an SSJ-2 bundle and explains a broken seed rule in Chinese', async () => {
    const ok = await ssj(tmp, ['verify', join(VECTORS, 'ssj2-joint')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('SSJ-2');
    const b = new Map(joint);
    TAMPERS.find((t) => t.code === 'verify.seedRule')!.apply(b);
    rehash(b);
    const bad = await ssj(tmp, ['verify', writeBundleDir(join(tmp, 'zh-rule'), b)], { SSJ_LANG: 'zh' });
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toContain('种子不符合冻结时公布的规则');
  });
});
