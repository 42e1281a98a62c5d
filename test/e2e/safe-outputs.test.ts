import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ssj, ssjOk } from '../helpers/cli.js';
import { drawnFixtureDb, type FixtureDb } from '../helpers/drawn-db.js';

/**
 * Issue 13, findings 1, 2, 3 and 6: no output lands on the database or an input, whatever name, symlink or hard
 * link points there; every file is replaced whole or not at all; a folder export is swapped in whole.
 */

let fx: FixtureDb;
beforeAll(() => {
  fx = drawnFixtureDb();
});
afterAll(() => fx?.cleanup());

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Names for the database: itself, a symlink, a hard link, its -wal; each must be refused as an output. */
function aliases(dir: string): string[] {
  const sym = join(dir, 'alias-sym.db');
  const hard = join(dir, 'alias-hard.db');
  if (!existsSync(sym)) symlinkSync('ssj.db', sym);
  if (!existsSync(hard)) linkSync(join(dir, 'ssj.db'), hard);
  return ['ssj.db', sym, hard, 'ssj.db-wal', './sub/../ssj.db'];
}

describe('finding 1: --errors aimed at the database or the input never writes it', () => {
  it('refuses (exit 2) the database, its symlink, its hard link, its -wal and the input itself; all byte-identical', async () => {
    mkdirSync(join(fx.dir, 'sub'), { recursive: true });
    const input = join(fx.dir, 'bad-ids.csv');
    writeFileSync(input, readFileSync(join(FIXTURES, 'bad', 'bad-id-check.csv')));
    const inputLink = join(fx.dir, 'input-link.csv');
    symlinkSync(input, inputLink);
    const before = digest(fx.db);
    const inputBefore = digest(input);
    for (const target of [...aliases(fx.dir), input, inputLink]) {
      const r = await ssj(fx.dir, ['import', 'inspectors', input, '--errors', target]);
      expect({ target, code: r.code }).toEqual({ target, code: 2 });
      expect(r.stderr).toMatch(/--errors names/);
      expect(digest(fx.db)).toBe(before);
      expect(digest(input)).toBe(inputBefore);
    }
    const audit = await ssj(fx.dir, ['audit', 'verify']);
    expect(audit.code).toBe(0);
    expect(audit.stdout).not.toMatch(/\b0 entries/);
  });
});

describe('finding 2: --out aimed at the database never writes it', () => {
  const commands: [string, string[]][] = [
    ['export announcement', ['export', 'announcement', '--plan', '2024Q1', '--out']],
    ['export results', ['export', 'results', '--plan', '2024Q1', '--out']],
    ['export filing', ['export', 'filing', '--plan', '2024Q1', '--out']],
    ['plan freeze', ['plan', 'freeze', '2024Q1', '--seed-source', 'x', '--out']],
    ['backup', ['backup', '--force']],
  ];
  it.each(commands)(
    '%s: the database, its symlink, hard link and -wal are refused (exit 2), byte-identical',
    async (_n, args) => {
      const before = digest(fx.db);
      for (const target of aliases(fx.dir)) {
        const r = await ssj(fx.dir, [...args, target]);
        expect({ target, code: r.code }).toEqual({ target, code: 2 });
        expect(digest(fx.db)).toBe(before);
      }
    },
  );

  it('export site and export bundle refuse a folder that holds the database (it would be swapped away)', async () => {
    const before = digest(fx.db);
    for (const args of [
      ['export', 'site', '--year', '2024', '--out', '.'],
      ['export', 'bundle', '--plan', '2024Q1', '--out', fx.dir],
    ]) {
      const r = await ssj(fx.dir, args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/holds the database/);
    }
    expect(digest(fx.db)).toBe(before);
  });
});

describe('finding 3: plan freeze --out that cannot be written commits nothing', () => {
  it('--out /dev/full is exit 5 (disk full) and the plan is not frozen; a retry with a good file works', async () => {
    const { dir, cleanup } = drawnFixtureDb();
    try {
      const plan = JSON.parse(readFileSync(join(FIXTURES, 'plan-2024Q1.json'), 'utf8'));
      writeFileSync(join(dir, 'q2.json'), JSON.stringify({ ...plan, id: '2024Q2', title: 'Q2' }));
      await ssjOk(dir, ['plan', 'add', 'q2.json']);
      const before = digest(join(dir, 'ssj.db'));
      if (existsSync('/dev/full')) {
        const r = await ssj(dir, ['plan', 'freeze', '2024Q2', '--seed-source', 'x', '--out', '/dev/full']);
        expect(r.code).toBe(5);
        expect(r.stderr).toMatch(/disk is full/);
        expect(digest(join(dir, 'ssj.db'))).toBe(before);
      }
      const ok = await ssjOk(dir, ['plan', 'freeze', '2024Q2', '--seed-source', 'x', '--out', 'pre.txt']);
      expect(readFileSync(join(dir, 'pre.txt'), 'utf8')).toBe(ok.stdout);
    } finally {
      cleanup();
    }
  });
});

describe('finding 6: half-written files', () => {
  it('backup leaves no -wal, -shm or .partial file beside the copy', async () => {
    mkdirSync(join(fx.dir, 'backups'), { recursive: true });
    await ssjOk(fx.dir, ['backup', join('backups', 'copy.db')]);
    expect(readdirSync(join(fx.dir, 'backups'))).toEqual(['copy.db']);
  });

  it('export over an earlier export replaces it whole; files of the office in the folder are refused, not lost', async () => {
    const site = join(fx.dir, 'site-replace');
    await ssjOk(fx.dir, ['--now', '2024-01-10T02:00:00Z', 'export', 'site', '--year', '2024', '--out', site]);
    writeFileSync(join(site, 'tasks', 'stale.html'), 'an old page of an earlier export');
    await ssjOk(fx.dir, ['--now', '2024-06-01T02:00:00Z', 'export', 'site', '--year', '2024', '--out', site]);
    expect(existsSync(join(site, 'tasks', 'stale.html'))).toBe(false);
    writeFileSync(join(site, 'my-notes.docx'), 'the office’s own');
    const r = await ssj(fx.dir, ['export', 'site', '--year', '2024', '--out', site]);
    expect(r.code).toBe(5);
    expect(readFileSync(join(site, 'my-notes.docx'), 'utf8')).toBe('the office’s own');
  });

  it('a symlink planted inside an earlier export is never followed', async () => {
    const site = join(fx.dir, 'site-planted');
    await ssjOk(fx.dir, ['export', 'site', '--year', '2024', '--out', site]);
    const victim = join(fx.dir, 'victim.txt');
    writeFileSync(victim, 'keep');
    const page = join(site, 'items.html');
    rmSync(page);
    symlinkSync(victim, page);
    await ssjOk(fx.dir, ['export', 'site', '--year', '2024', '--out', site]);
    expect(readFileSync(victim, 'utf8')).toBe('keep');
    expect(statSync(page).isFile()).toBe(true);
  });
});
