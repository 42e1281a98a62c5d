import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';

/** A stderr stand-in that records what the bar writes. */
function sink(isTTY: boolean) {
  const s = { isTTY, text: '', write: (c: string) => ((s.text += c), true) };
  return s as typeof s & NodeJS.WritableStream;
}

describe('import progress bar', () => {
  it('draws on a terminal for a large file, at most every 100 ms, and erases itself when done', () => {
    const err = sink(true);
    let now = 0;
    const bar = progressBar(err, 'en', 'Importing enterprises', () => now)!;
    bar.start(100 << 20);
    now = 1000;
    bar.advance(50 << 20);
    expect(err.text).toBe(`\r\x1b[KImporting enterprises [${'#'.repeat(15)}${'-'.repeat(15)}] 50%  50/100 MB`);
    bar.advance(60 << 20); // same instant: not redrawn
    expect(err.text).not.toContain('60%');
    bar.phase('roster.progress.writing');
    expect(err.text.endsWith('\r\x1b[KImporting enterprises writing to the database…')).toBe(true);
    bar.done();
    expect(err.text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('stays silent for small files, and does not exist when stderr is not a terminal', () => {
    const err = sink(true);
    const bar = progressBar(err, 'zh', 'x', () => 0)!;
    bar.start(1 << 20);
    bar.advance(1 << 20);
    bar.phase('roster.progress.writing');
    bar.done();
    expect(err.text).toBe('');
    expect(progressBar(sink(false), 'en', 'x')).toBeUndefined();
  });
});
