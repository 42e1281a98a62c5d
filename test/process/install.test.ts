import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

/**
 * Installed like a tool (issue 16): `npm pack`, then `npm install -g --prefix <tmp>` of the tarball, gives an `ssj`
 * on the PATH that runs outside the clone, and the demo's "try next" commands work with it.
 *
 * This machine has no network: when npm cannot install the dependencies offline (ENOTCACHED), the test installs
 * the packed tarball the way npm lays it out (prefix/lib/node_modules/shuangsuiji, prefix/bin/ssj linking to its
 * bin) with the clone's already-installed dependencies linked in. That still proves what the pack must prove:
 * the published files (package.json "files") are enough to run, from any directory, through the bin link. It does
 * not prove that the registry resolves the dependencies; the log says which way was taken.
 */
const { dir: root, cleanup } = tempDir('ssj-install-');
afterAll(cleanup);

/** A process run asynchronously (a blocking spawn for a minute starves vitest's worker channel). */
function sh(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const p = spawn(cmd, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    p.on('error', (e) => done({ status: -1, stdout, stderr: stderr + String(e) }));
    p.on('close', (status) => done({ status, stdout, stderr }));
  });
}

describe('installed like a tool', () => {
  it('npm pack + npm install -g gives an ssj that runs the demo and its "try next" commands outside the clone', async () => {
    const packDir = join(root, 'pack');
    mkdirSync(packDir);
    // dist/ is fresh (test/setup/dist.ts); --ignore-scripts skips the second compile of "prepare".
    const pack = await sh('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir, ROOT], root);
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);

    const prefix = join(root, 'prefix');
    const install = await sh(
      'npm',
      ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball],
      root,
    );
    let how = 'npm install -g --offline';
    if (install.status !== 0) {
      expect(install.stderr, 'only an offline cache miss may force the fallback').toMatch(
        /ENOTCACHED|ENOTFOUND|EAI_AGAIN/,
      );
      how = 'tarball laid out as npm -g does, clone dependencies linked (no network for npm)';
      const pkg = join(prefix, 'lib', 'node_modules', 'shuangsuiji');
      mkdirSync(pkg, { recursive: true });
      execFileSync('tar', ['-xzf', tarball, '-C', pkg, '--strip-components=1']);
      symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
      mkdirSync(join(prefix, 'bin'), { recursive: true });
      symlinkSync(join(pkg, 'bin', 'ssj.js'), join(prefix, 'bin', 'ssj'));
    }
    console.log(`install: ${how}`);
    expect(existsSync(join(prefix, 'bin', 'ssj'))).toBe(true);

    const work = join(root, 'office');
    mkdirSync(work);
    const env = { PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, HOME: work, NO_COLOR: '1', SSJ_LANG: 'en' };
    const version = await sh('ssj', ['--version'], work, env);
    expect(version.status, version.stderr).toBe(0);
    const demo = await sh('ssj', ['demo'], work, env);
    expect(demo.status, demo.stderr + demo.stdout).toBe(0);
    const out = demo.stdout.includes('Try next:') ? demo.stdout : demo.stderr;
    const next = out
      .slice(out.indexOf('Try next:'))
      .split('\n')
      .slice(1)
      .map((l) => l.trim())
      .filter(Boolean);
    expect(next[0]).toBe('cd ssj-demo');
    expect(next).toContain('ssj plan show 2024Q1');
    expect(next).toContain('ssj audit verify');
    for (const cmd of next.slice(1)) {
      if (cmd.startsWith('python3') && (await sh('python3', ['--version'], work)).status !== 0) continue;
      const r = await sh('sh', ['-c', cmd], join(work, 'ssj-demo'), env);
      expect(r.status, `${cmd}\n${r.stderr}`).toBe(0);
    }
    // Nothing of the clone was needed: the docs/verify.py the demo names is the installed one.
    expect(next.find((c) => c.startsWith('python3'))).toContain(prefix);
  }, 600_000);
});
