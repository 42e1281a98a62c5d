import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The architecture (docs/DESIGN.md "Architecture") as a test: dependencies point down only,
 * cli → app → (core, domain, db, io, audit) → core/domain; db and io never import each other; core and domain
 * import nothing from outside themselves but node:crypto; and no module imports itself through a cycle.
 * A small scanner of our own reads every import in src/**\/*.ts, so a wrong import fails here naming the file
 * and the import.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

/**
 * Which layers each layer may import (besides itself). A layer is a folder of src; `errors` is src/errors.ts.
 * i18n and errors are leaves that any layer above the pure ones may use.
 */
const ALLOWED: Record<string, readonly string[]> = {
  cli: ['app', 'audit', 'core', 'db', 'domain', 'errors', 'i18n', 'io', 'parallel'],
  app: ['audit', 'core', 'db', 'domain', 'errors', 'i18n', 'io', 'parallel'],
  audit: ['core', 'db', 'domain', 'errors'],
  db: ['core', 'domain', 'errors'],
  io: ['core', 'domain', 'errors', 'i18n'],
  parallel: ['core', 'domain'],
  core: ['domain'],
  domain: [],
  i18n: [],
  errors: [],
};

/** Node built-ins and packages the pure layers may use: core and domain compute, they do not touch the world. */
const PURE_EXTERNAL = new Set(['node:crypto']);
const PURE = new Set(['core', 'domain']);

interface Import {
  /** The importing file, relative to the repository root. */
  file: string;
  line: number;
  /** The specifier as written. */
  spec: string;
}

/** Every `import … from '…'`, `export … from '…'`, side-effect `import '…'` and dynamic `import('…')` in a source. */
function scanImports(file: string, text: string): Import[] {
  const found: Import[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  const code = stripComments(text);
  for (const re of patterns)
    for (const m of code.matchAll(re)) {
      const line = code.slice(0, m.index).split('\n').length;
      found.push({ file, line, spec: m[1]! });
    }
  return found.sort((a, b) => a.line - b.line);
}

/** Comments removed (kept as blank lines, so line numbers stay right); strings are left alone. */
function stripComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, (_, p: string) => p);
}

/** The layer of a file under src: its first folder, or `errors` for src/errors.ts. */
function layerOf(srcRelative: string): string {
  const parts = srcRelative.split('/');
  return parts.length === 1 ? parts[0]!.replace(/\.ts$/, '') : parts[0]!;
}

interface Violation {
  file: string;
  line: number;
  spec: string;
  why: string;
}

/** Layer violations among the given files (paths relative to src, with their text). */
function checkLayers(files: Map<string, string>): Violation[] {
  const out: Violation[] = [];
  for (const [rel, text] of files) {
    const from = layerOf(rel);
    for (const imp of scanImports(`src/${rel}`, text)) {
      if (!imp.spec.startsWith('.')) {
        if (PURE.has(from) && !PURE_EXTERNAL.has(imp.spec))
          out.push({ ...imp, why: `${from} is pure: it may import only ${[...PURE_EXTERNAL].join(', ')}` });
        continue;
      }
      const target = toSrcRelative(rel, imp.spec);
      if (target === undefined || target.startsWith('..')) {
        out.push({ ...imp, why: 'imports from outside src' });
        continue;
      }
      const to = layerOf(target);
      if (to === from) continue;
      const allowed = ALLOWED[from];
      if (allowed === undefined) out.push({ ...imp, why: `${from} is not a known layer (add it to ALLOWED)` });
      else if (!allowed.includes(to))
        out.push({ ...imp, why: `${from} may not import ${to} (allowed: ${allowed.join(', ') || 'nothing'})` });
    }
  }
  return out;
}

/** Cycles between files: each reported once, as the list of files around it. */
function findCycles(files: Map<string, string>): string[][] {
  const graph = new Map<string, string[]>();
  for (const [rel, text] of files)
    graph.set(
      rel,
      scanImports(rel, text)
        .filter((i) => i.spec.startsWith('.'))
        .map((i) => toSrcRelative(rel, i.spec))
        .filter((t): t is string => t !== undefined && files.has(t)),
    );
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') cycles.push([...stack.slice(stack.indexOf(g)), g]);
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of [...graph.keys()].sort()) if (!state.has(f)) visit(f);
  return cycles;
}

/** '../db/open.js' from 'cli/context.ts' → 'db/open.ts'. */
function toSrcRelative(fromRel: string, spec: string): string | undefined {
  if (!/\.(js|ts)$/.test(spec)) return undefined;
  return relative(SRC, resolve(SRC, dirname(fromRel), spec)).replace(/\.js$/, '.ts');
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const readSrc = () => new Map(sources(SRC).map((f) => [relative(SRC, f), readFileSync(f, 'utf8')]));

const show = (v: Violation) => `${v.file}:${v.line} imports '${v.spec}': ${v.why}`;

describe('architecture boundaries (docs/DESIGN.md "Architecture")', () => {
  it('every import in src points down the layers', () => {
    expect(checkLayers(readSrc()).map(show)).toEqual([]);
  });

  it('no import cycle between files of src', () => {
    expect(findCycles(readSrc()).map((c) => c.join(' → '))).toEqual([]);
  });

  it('no command file imports another command file (only its own subcommands, in the folder of its name)', () => {
    const bad = [...readSrc()]
      // index.ts is the list of commands, not a command.
      .filter(([rel]) => rel.startsWith('cli/commands/') && rel !== 'cli/commands/index.ts')
      .flatMap(([rel, text]) =>
        scanImports(`src/${rel}`, text).filter((i) => {
          const t = i.spec.startsWith('.') ? toSrcRelative(rel, i.spec) : undefined;
          if (!t?.startsWith('cli/commands/')) return false;
          // `ssj export` (commands/export.ts) registers its subcommands from commands/export/*.ts.
          return !t.startsWith(`${rel.replace(/\.ts$/, '')}/`);
        }),
      );
    expect(bad.map((i) => `${i.file}:${i.line} imports '${i.spec}'`)).toEqual([]);
  });

  it('the scanner sees static, re-export, type-only, side-effect and dynamic imports, not comments', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../db/b.js';",
      "export { c } from '../io/c.js';",
      "export * from './d.js';",
      "import './e.js';",
      "const f = await import('../app/f.js');",
      "// import { g } from '../cli/g.js';",
      "/* import { h } from '../cli/h.js'; */",
      'import {',
      '  i,',
      "} from '../core/i.js';",
    ].join('\n');
    expect(scanImports('x.ts', text).map((i) => [i.line, i.spec])).toEqual([
      [1, './a.js'],
      [2, '../db/b.js'],
      [3, '../io/c.js'],
      [4, './d.js'],
      [5, './e.js'],
      [6, '../app/f.js'],
      [9, '../core/i.js'],
    ]);
  });

  it('flags an upward import and a cycle, naming the file and the import', () => {
    const files = new Map([
      ['db/x.ts', "import { y } from '../io/y.js';"],
      ['io/y.ts', "import { x } from '../db/x.js';"],
      ['core/z.ts', "import { readFileSync } from 'node:fs';\nimport { w } from '../errors.js';"],
    ]);
    expect(checkLayers(files).map(show)).toEqual([
      "src/db/x.ts:1 imports '../io/y.js': db may not import io (allowed: core, domain, errors)",
      "src/io/y.ts:1 imports '../db/x.js': io may not import db (allowed: core, domain, errors, i18n)",
      "src/core/z.ts:1 imports 'node:fs': core is pure: it may import only node:crypto",
      "src/core/z.ts:2 imports '../errors.js': core may not import errors (allowed: domain)",
    ]);
    expect(findCycles(files)).toEqual([['db/x.ts', 'io/y.ts', 'db/x.ts']]);
  });
});
