import { afterEach, describe, expect, it } from 'vitest';
import { humanParams } from '../../src/cli/output.js';
import { ssj, ssjOk } from '../helpers/cli.js';
import { templateCopy } from '../helpers/templates.js';

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('Beijing time in every human-readable output, ISO only in --json (issue 16 part 5)', () => {
  it('message parameters that are stored instants read as Beijing time; dates and other text are left alone', () => {
    expect(humanParams('zh', { at: '2024-01-10T02:00:00.000Z', day: '2024-01-10', n: 3 })).toEqual({
      at: '2024年1月10日 10:00',
      day: '2024-01-10',
      n: 3,
    });
    expect(humanParams('en', { at: '2024-01-09T16:30:00Z' })).toEqual({ at: '2024-01-10 00:30 (UTC+8)' });
    const same = { text: 'T12:00Z is not a time', code: '91350100M000100Y43' };
    expect(humanParams('zh', same)).toBe(same);
  });

  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('audit log, plan show and verify print Beijing times; their --json keeps ISO', async () => {
    const t = templateCopy('drawn');
    cleanup = t.cleanup;
    const zh = { SSJ_LANG: 'zh' };
    const log = await ssjOk(t.dir, ['audit', 'log'], 0, zh);
    expect(log.stdout).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}/);
    // The content column summarises the entry's payload, which is data; the time column is not.
    for (const line of log.stdout.split('\n').slice(2)) expect(line.slice(0, 30)).not.toMatch(ISO_INSTANT);
    const show = await ssjOk(t.dir, ['plan', 'show', '2024Q1'], 0, zh);
    expect(show.stdout).not.toMatch(ISO_INSTANT);
    const json = JSON.parse((await ssjOk(t.dir, ['audit', 'log', '--json'])).stdout) as { entries: { at: string }[] };
    expect(json.entries[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('an error naming a stored time shows it in Beijing time', async () => {
    // Frozen, not drawn: a second freeze is refused and names when it was frozen (a drawn plan without results may
    // be frozen again, for a redraw).
    const t = templateCopy('frozen');
    cleanup = t.cleanup;
    const r = await ssj(t.dir, ['plan', 'freeze', '2024Q1', '--seed-source', 'x'], { SSJ_LANG: 'zh' });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/已于 2024年1月5日 10:00 冻结/);
    expect(r.stderr).not.toMatch(ISO_INSTANT);
  });
});
