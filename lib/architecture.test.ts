// The house picture, checked: lib/ (and db/) never import components/ or app/, components/ never
// imports a route's module from app/ (reusable pieces take actions as props), and no chain of imports
// comes back to where it started. Type-only imports count: they are arrows in the picture too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const SKIP = new Set([
  'node_modules',
  '.git',
  'data',
  'scratch',
  '.stryker-tmp',
  'reports',
  'public',
]);
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.mjs', '/index.ts', '/index.tsx'];

/** Every source file under root (relative, forward slashes), skipping dependencies and build output. */
function sourceFiles(root: string, dir = ''): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory())
      return SKIP.has(entry.name) || entry.name.startsWith('.next') ? [] : sourceFiles(root, rel);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

function resolve(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null; // a package
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (
      fs.existsSync(path.join(root, candidate)) &&
      fs.statSync(path.join(root, candidate)).isFile()
    )
      return candidate;
  }
  return null;
}

/** file -> the project files it imports (static, type-only, re-exports and dynamic imports alike). */
function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const info = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
    const targets = info.importedFiles
      .map((i) => resolve(root, file, i.fileName))
      .filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The import circles: each strongly connected group of files larger than one, or a file importing itself. */
function importCircles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return circles;
}

const arrows = (graph: Map<string, string[]>, from: RegExp, to: RegExp) =>
  [...graph].flatMap(([file, targets]) =>
    from.test(file) ? targets.filter((t) => to.test(t)).map((t) => `${file} -> ${t}`) : [],
  );
const UPWARD = { from: /^(lib|db)\//, to: /^(app|components)\// };

describe('the import graph', () => {
  const graph = importGraph('.');

  it('has no arrow from lib/ or db/ up to components/ or app/', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(arrows(graph, UPWARD.from, UPWARD.to)).toEqual([]);
  });

  it('has no arrow from components/ into app/: a reusable piece takes its action as a prop', () => {
    expect(arrows(graph, /^components\//, /^app\//)).toEqual([]);
  });

  it('has no circles', () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it('sees an upward arrow and a circle when a tree has them, however they are imported', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'import-graph-'));
    try {
      const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
      };
      write('lib/a.ts', `import type { B } from '@/components/b';\nexport { c } from './c';\n`);
      write('lib/c.ts', `export const c = () => import('./d');\n`);
      write('lib/d.ts', `import { c } from '@/lib/c';\nexport const d = c;\n`);
      write('components/b.tsx', `export type B = number;\n`);
      write('node_modules/x/index.ts', `import '@/app/page';\n`);
      const fake = importGraph(root);
      expect(arrows(fake, UPWARD.from, UPWARD.to)).toEqual(['lib/a.ts -> components/b.tsx']);
      expect(importCircles(fake)).toEqual([['lib/c.ts', 'lib/d.ts']]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
