import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotTsconfig } from './keep-tsconfig';

describe('tsconfig.json', () => {
  it('names only the portal’s own build folder: no lines a build into another folder left behind', () => {
    const config = JSON.parse(fs.readFileSync('tsconfig.json', 'utf8')) as {
      include: string[];
      exclude: string[];
    };
    const buildFolders = [...config.include, ...config.exclude]
      .filter((entry) => entry.startsWith('.next'))
      .map((entry) => entry.split('/')[0]);
    expect([...new Set(buildFolders)]).toEqual(['.next']);
  });

  it('is put back as it was after a build rewrote it, and left alone when the build did not', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsconfig-'));
    const file = path.join(dir, 'tsconfig.json');
    try {
      const original = '{ "include": ["**/*.ts", ".next/types/**/*.ts"] }\n';
      fs.writeFileSync(file, original);
      const restore = snapshotTsconfig(file);
      fs.writeFileSync(
        file,
        '{ "include": ["**/*.ts", ".next/types/**/*.ts", ".next-e2e-3204/types/**/*.ts"] }\n',
      );
      restore();
      expect(fs.readFileSync(file, 'utf8')).toBe(original);
      const untouched = fs.statSync(file).mtimeMs;
      snapshotTsconfig(file)();
      expect(fs.statSync(file).mtimeMs).toBe(untouched);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
