import fs from 'node:fs';

/**
 * Remembers tsconfig.json and returns the function that puts it back. `next build` adds its output
 * folder's type globs to the tsconfig's include; the portal's own `.next` globs are listed already,
 * but every build into another folder (an e2e port's, the benchmark's) would leave its lines behind.
 */
export function snapshotTsconfig(file = 'tsconfig.json'): () => void {
  const before = fs.readFileSync(file, 'utf8');
  return () => {
    if (fs.readFileSync(file, 'utf8') !== before) fs.writeFileSync(file, before);
  };
}
