// Run a command and measure it: wall time here; CPU and peak RSS from GNU time when present, else peak RSS by
// polling /proc/PID/status (VmHWM, Linux), else unknown. Shared by the benches.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

export const onPath = (cmd) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

export function measure(cmd, args, opts = {}) {
  return new Promise((resolvePromise, reject) => {
    const timeFile = join(opts.cwd, `time-${process.pid}.txt`);
    rmSync(timeFile, { force: true });
    const [file, argv] = GNU_TIME ? [GNU_TIME, ['-o', timeFile, '-f', '%U %S %M', cmd, ...args]] : [cmd, args];
    const started = performance.now();
    const child = spawn(file, argv, { cwd: opts.cwd, stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let polledKb = 0;
    const poll = GNU_TIME
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) polledKb = Math.max(polledKb, Number(m[1]));
          } catch {
            /* not Linux, or already gone */
          }
        }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      const wallS = (performance.now() - started) / 1000;
      if (code !== 0 && !(opts.okCodes ?? []).includes(code))
        return reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${stderr}`));
      let cpu = {};
      if (GNU_TIME && existsSync(timeFile)) {
        const [user, sys, kb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
        cpu = { userS: user, sysS: sys, maxRssMB: Math.round(kb / 1024) };
        rmSync(timeFile, { force: true });
      } else if (polledKb) cpu = { maxRssMB: Math.round(polledKb / 1024) };
      resolvePromise({
        wallS: Math.round(wallS * 100) / 100,
        ...cpu,
        code,
        stdout: stdout.trim(),
        stderr: stderr.trim(),
      });
    });
  });
}

export const fmt = (r) =>
  r
    ? `${r.wallS.toFixed(2).padStart(7)} s wall  ${r.userS !== undefined ? `${(r.userS + r.sysS).toFixed(2).padStart(6)} s CPU` : '    n/a CPU'}  ${r.maxRssMB !== undefined ? `${String(r.maxRssMB).padStart(4)} MB peak` : 'n/a peak'}`
    : 'not run';
