import fs from 'node:fs';
import path from 'node:path';
import { DIST_DIR } from './config';

/** The server action id of `sellAction` in the bench build, as the browser's form sends it. */
export function sellActionId(): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(DIST_DIR, 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(
    ([, v]) => v.filename === 'app/(portal)/buy/actions.ts' && v.exportedName === 'sellAction',
  );
  if (!entry) throw new Error('sellAction not found in the server-reference manifest');
  return entry[0];
}
