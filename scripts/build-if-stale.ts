import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { snapshotTsconfig } from './keep-tsconfig';

const SOURCES = [
  'app',
  'components',
  'lib',
  'db',
  'public',
  'next.config.mjs',
  'package.json',
  'proxy.ts',
  'instrumentation.ts',
  'postcss.config.mjs',
];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .filter((name) => !name.endsWith('.test.ts'))
    .reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** Builds the production bundle unless the one on disk is newer than every source file. */
export function buildIfStale(): void {
  const buildId = path.join(process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map(newestMtime));
  if (built > newest) return;
  console.log('[start] building the portal (first start or sources changed)…');
  const restoreTsconfig = snapshotTsconfig();
  const result = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  restoreTsconfig();
  if (result.status !== 0) throw new Error('next build failed');
}
