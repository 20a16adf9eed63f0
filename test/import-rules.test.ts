// Production code never imports test code: the world builder, the proofs and the contract harness live
// under test/ so that a build, a deployment or a reader of lib/ never meets them. Tests beside their
// module (*.test.ts) may use the test world; every other file of the production folders may not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const PRODUCTION_DIRS = ['app', 'components', 'lib', 'db', 'simulator', 'scripts'];
const PRODUCTION_ROOT_FILES = [
  'proxy.ts',
  'instrumentation.ts',
  'next.config.mjs',
  'drizzle.config.ts',
  'drizzle.pg.config.ts',
];
const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const TEST_FILE = /\.test\.tsx?$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)['"]([^'"]+)['"]/g;

function productionFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(rel);
      else if (entry.isFile() && SOURCE.test(entry.name) && !TEST_FILE.test(entry.name))
        found.push(rel);
    }
  };
  for (const dir of PRODUCTION_DIRS) if (fs.existsSync(path.join(root, dir))) walk(dir);
  return [
    ...PRODUCTION_ROOT_FILES.filter((f) => fs.existsSync(path.join(root, f))),
    ...found.sort(),
  ];
}

function pointsIntoTest(file: string, specifier: string): boolean {
  if (specifier === '@/test' || specifier.startsWith('@/test/')) return true;
  if (!specifier.startsWith('.')) return false;
  const target = path.normalize(path.join(path.dirname(file), specifier));
  return target === 'test' || target.startsWith(`test${path.sep}`);
}

/** Every import of test code from a production file, as "file → specifier". */
function testImportsInProduction(root = process.cwd()): string[] {
  return productionFiles(root).flatMap((file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    return [...text.matchAll(SPECIFIER)]
      .map((m) => m[1]!)
      .filter((s) => pointsIntoTest(file, s))
      .map((s) => `${file} → ${s}`);
  });
}

describe('production code does not import test code', () => {
  it('finds no import of test/ in app, components, lib, db, simulator, scripts or the root files', () => {
    expect(productionFiles(process.cwd())).toContain(
      path.join('lib', 'purchases', 'start-sale.ts'),
    );
    expect(testImportsInProduction()).toEqual([]);
  });

  it('notices an alias, a relative path and a dynamic import into test/, and lets tests beside their module in', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'import-rules-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    try {
      write('lib/a.ts', `import { createWorld } from '@/test/world';\n`);
      write('lib/deep/b.ts', `export { x } from '../../test/proof/helpers';\n`);
      write(
        'app/page.tsx',
        `export default async function P() {\n  await import("@/test/world/db");\n}\n`,
      );
      write('proxy.ts', `import type { World } from './test/world';\n`);
      write('lib/a.test.ts', `import { createWorld } from '@/test/world';\n`);
      write(
        'lib/c.ts',
        `import { x } from '@/tests/x';\nimport { y } from './test/y';\nimport { z } from '@/lib/testing-ish';\n`,
      );
      write('test/world/index.ts', `import { seed } from '@/test/world/seed';\n`);
      write('e2e/spec.ts', `import { createTestCa } from '../test/world/certs';\n`);
      expect(testImportsInProduction(root)).toEqual([
        'proxy.ts → ./test/world',
        `${path.join('app', 'page.tsx')} → @/test/world/db`,
        `${path.join('lib', 'a.ts')} → @/test/world`,
        `${path.join('lib', 'deep', 'b.ts')} → ../../test/proof/helpers`,
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
