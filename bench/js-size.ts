/**
 * JS an agent page ships beyond the framework, read from the production build (no server needed).
 * A page loads the build's `rootMainFiles` (React, React DOM, the Next router runtime, the Turbopack
 * runtime: the framework/main chunks) plus the `entryJSFiles` its client-reference manifest lists for
 * each of its segments (root layout, portal layout, page). Polyfills are `nomodule`: modern browsers
 * skip them. Each chunk is gzipped (zlib level 6, what a typical proxy serves) and counted once.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const AGENT_PAGES = [
  'dashboard',
  'buy/airtime',
  'buy/data',
  'transactions',
  'transactions/[id]',
  'wallet',
  'wallet/funding',
  'beneficiaries',
];

export interface PageJs {
  page: string;
  chunks: number;
  beyondFrameworkGzipBytes: number;
  totalGzipBytes: number;
}

export interface JsSizes {
  frameworkGzipBytes: number;
  frameworkChunks: string[];
  pages: PageJs[];
  maxBeyondFrameworkGzipBytes: number;
}

const gzipSize = (distDir: string, file: string) =>
  zlib.gzipSync(fs.readFileSync(path.join(distDir, file)), { level: 6 }).length;

function entryFiles(distDir: string, page: string): string[] {
  const file = path.join(
    distDir,
    'server',
    'app',
    '(portal)',
    page,
    'page_client-reference-manifest.js',
  );
  const sandbox = { globalThis: {} as Record<string, unknown> };
  // The manifest is a script that assigns to globalThis.__RSC_MANIFEST.
  new Function('globalThis', fs.readFileSync(file, 'utf8'))(sandbox.globalThis);
  const manifests = sandbox.globalThis.__RSC_MANIFEST as Record<
    string,
    { entryJSFiles: Record<string, string[]> }
  >;
  const manifest = Object.values(manifests)[0];
  if (!manifest) throw new Error(`no client-reference manifest for ${page}`);
  return [...new Set(Object.values(manifest.entryJSFiles).flat())];
}

export function measureJs(distDir: string): JsSizes {
  const build = JSON.parse(fs.readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  const framework = new Set(build.rootMainFiles.filter((f) => f.endsWith('.js')));
  const frameworkGzipBytes = [...framework].reduce((sum, f) => sum + gzipSize(distDir, f), 0);
  const pages = AGENT_PAGES.map((page) => {
    const beyond = entryFiles(distDir, page).filter((f) => f.endsWith('.js') && !framework.has(f));
    const beyondFrameworkGzipBytes = beyond.reduce((sum, f) => sum + gzipSize(distDir, f), 0);
    return {
      page: `/${page}`,
      chunks: beyond.length,
      beyondFrameworkGzipBytes,
      totalGzipBytes: beyondFrameworkGzipBytes + frameworkGzipBytes,
    };
  });
  return {
    frameworkGzipBytes,
    frameworkChunks: [...framework],
    pages,
    maxBeyondFrameworkGzipBytes: Math.max(...pages.map((p) => p.beyondFrameworkGzipBytes)),
  };
}
