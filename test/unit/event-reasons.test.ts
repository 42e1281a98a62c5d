import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { DrawEvent } from '../../src/core/types.js';
import { openDb, type Db } from '../../src/db/open.js';
import { parseReasonCategory, publishedReason } from '../../src/domain/event-reasons.js';
import { tempDir } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db.js';
import { storeDrawnInput } from '../helpers/drawn-db.js';
import { tinyInput, VECTORS } from '../helpers/protocol.js';

/**
 * #15 "Published recusal reasons carry personal facts verbatim": with --category only the category is published;
 * the officer's words stay in the database (the conflict record) and the audit log.
 */
async function ssjIn(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) =>
    ({ write: (s: string) => (add(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await run(['node', 'ssj', ...args], {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env: { SSJ_LANG: 'en', SSJ_OPERATOR: 'tester', NO_COLOR: '1', SSJ_NOW: '2024-01-11T02:00:00Z' },
    cwd: dir,
    stdinIsTTY: false,
  });
  return { code, stdout, stderr };
}

function withDb<T>(path: string, fn: (db: Db) => T): T {
  const db = openDb(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('reason categories', () => {
  it.each([
    ['recusal', '近亲属', '近亲属'],
    ['recusal', 'relative', '近亲属'],
    ['recusal', 'Conflict of interest', '利害关系'],
    ['recusal', 'prior-service', '曾提供服务'],
    ['recusal', '其它', '其他'],
    ['reassign', 'health', '身体原因'],
    ['reassign', '岗位调整', '岗位调整'],
    ['reassign', 'work conflict', '工作冲突'],
    ['reassign', '近亲属', undefined],
    ['recusal', '身体原因', undefined],
  ] as const)('%s %s → %s (高青 7.3: 回避 and 更换 are different things)', (kind, typed, expected) => {
    expect(parseReasonCategory(kind, typed)).toBe(expected);
  });
});

describe('publishedReason: what an event publishes, whatever was recorded (old databases carry free text)', () => {
  it.each([
    ['recusal', '近亲属', '近亲属'],
    ['recusal', '与该企业法定代表人系近亲属', '近亲属'],
    ['swap', '存在利害关系', '利害关系'],
    ['recusal', '其弟在该企业任安全主管', '其他'],
    ['recusal', 'relative', '近亲属'],
    ['reassign', '身体原因', '身体原因'],
    ['reassign', '因身体原因住院', '身体原因'],
    ['reassign', '调往县局办公室', '其他'],
    ['reassign', '近亲属', '其他'],
    ['replacement', '经核实已注销', '经核实已注销'],
  ] as const)('%s "%s" publishes "%s"', (type, recorded, published) => {
    expect(publishedReason(type, recorded)).toBe(published);
  });
});

describe('ssj recuse --category: only the category is published', () => {
  const t = tempDir('ssj-reasons-');
  const path = join(t.dir, 'ssj.db');
  const SECRET = '其弟在该企业任安全主管';
  const recusal = (
    JSON.parse(readFileSync(join(VECTORS, 'tiny-events.json'), 'utf8')) as { events: DrawEvent[] }
  ).events.find((e) => e.type === 'recusal' && !e.seed)!;
  afterAll(t.cleanup);

  beforeAll(() => withDb(path, (db) => storeDrawnInput(db, tinyInput())));

  it('refuses an unknown category (exit 2), listing the categories, and changes nothing', async () => {
    const before = dumpDb(path);
    const args = ['recuse', '--plan', '2024Q1', '--enterprise', recusal.uscc, '--inspector', recusal.certNo];
    const r = await ssjIn(t.dir, [...args, '--category', '身体原因', '--reason', SECRET]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('利害关系 | 近亲属 | 曾提供服务 | 其他');
    expect(dumpDb(path)).toEqual(before);
  });

  it('records the category as the reason and keeps the words in the conflict record and the audit log', async () => {
    const r = await ssjIn(t.dir, [
      '--json',
      'recuse',
      '--plan',
      '2024Q1',
      '--enterprise',
      recusal.uscc,
      '--inspector',
      recusal.certNo,
      '--category',
      'relative',
      '--reason',
      SECRET,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).event.reason).toBe('近亲属');
    expect(r.stdout).not.toContain(SECRET);
    withDb(path, (db) => {
      expect(db.prepare('SELECT reason FROM draw_events').all()).toEqual([{ reason: '近亲属' }]);
      expect(
        db.prepare('SELECT reason FROM conflicts WHERE cert_no = ? AND uscc = ?').get(recusal.certNo, recusal.uscc),
      ).toEqual({ reason: SECRET });
      const audit = db.prepare("SELECT payload FROM audit_log WHERE action = 'event.recusal'").get() as {
        payload: string;
      };
      expect(JSON.parse(audit.payload).note).toBe(SECRET);
    });
  });

  it('no export carries the free text: bundle, announcement in every format, site (scan)', async () => {
    const out = join(t.dir, 'out');
    const runs = [
      ['export', 'bundle', '--plan', '2024Q1', '--out', join(out, 'bundle')],
      ['export', 'announcement', '--plan', '2024Q1', '--out', join(out, 'a.html')],
      ['export', 'announcement', '--plan', '2024Q1', '--out', join(out, 'a.md')],
      ['export', 'announcement', '--plan', '2024Q1', '--out', join(out, 'a.txt')],
      ['export', 'announcement', '--plan', '2024Q1', '--out', join(out, 'a.csv')],
      ['export', 'site', '--year', '2024', '--out', join(out, 'site')],
    ];
    for (const args of runs) {
      const r = await ssjIn(t.dir, args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
    }
    const files = filesUnder(out);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toContain(SECRET);
    expect(readFileSync(join(out, 'bundle', 'events.csv'), 'utf8')).toContain('近亲属');
  });
});
