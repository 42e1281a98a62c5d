import type { Progress } from '../app/import-roster.js';
import { t, type Lang } from '../i18n/index.js';

/** Files smaller than this import in about a second: no bar. */
const MIN_BYTES = 8 << 20;
const WIDTH = 30;
const EVERY_MS = 100;

/**
 * A one-line progress bar on stderr, only when stderr is a terminal (never in logs, pipes or tests) and the
 * file is large. Redrawn at most ten times a second; erased when done so the summary stands alone.
 */
export function progressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  lang: Lang,
  label: string,
  clock: () => number = Date.now,
): Progress | undefined {
  if (!stream.isTTY) return undefined;
  let total = 0;
  let last = 0;
  let shown = false;
  const draw = (text: string) => {
    stream.write(`\r\x1b[K${text}`);
    shown = true;
  };
  return {
    start(totalBytes) {
      total = totalBytes;
    },
    advance(bytesRead) {
      if (total < MIN_BYTES) return;
      const now = clock();
      if (now - last < EVERY_MS && bytesRead < total) return;
      last = now;
      const share = Math.min(1, bytesRead / total);
      const filled = Math.round(share * WIDTH);
      draw(
        `${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}%  ${(bytesRead / 1048576).toFixed(0)}/${(total / 1048576).toFixed(0)} MB`,
      );
    },
    phase(code) {
      if (total >= MIN_BYTES) draw(`${label} ${t(lang, code)}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
