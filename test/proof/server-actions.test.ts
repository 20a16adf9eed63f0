// Every 'use server' file anywhere in the tree is enumerated, and each action it exports is declared in the
// authorisation table (e2e/server-actions.ts) with the role its action() wrapper enforces. The e2e matrix then
// calls every declared action as each identity; this test is the fast gate that a new door cannot open unlisted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, exportedActions, serverActionFiles } from '@/e2e/server-actions';

describe('server actions are all declared', () => {
  it('finds every file with a use-server directive, not only app/**/actions.ts, and all of them live under app/', () => {
    const files = serverActionFiles().map((f) => f.file);
    expect(files).toContain(path.join('app', '(portal)', 'transactions', 'receipt-actions.ts'));
    expect(
      files.filter((f) => !f.startsWith(`app${path.sep}`)),
      'use-server files outside app/',
    ).toEqual([]);
    expect(
      serverActionFiles()
        .filter((f) => f.inline)
        .map((f) => f.file),
      'inline use-server functions',
    ).toEqual([]);
  });

  it('declares each exported action once, with the role of its action() wrapper', () => {
    const actions = exportedActions();
    expect(
      actions.filter((a) => !(a.name in ACTIONS)).map((a) => `${a.file}: ${a.name}`),
      'undeclared server actions',
    ).toEqual([]);
    expect(
      actions
        .filter((a) => a.role !== ACTIONS[a.name])
        .map((a) => `${a.file}: ${a.name} uses ${a.role ?? 'no action() wrapper'}`),
    ).toEqual([]);
    expect(
      Object.keys(ACTIONS).filter((n) => !actions.some((a) => a.name === n)),
      'declared actions that no longer exist',
    ).toEqual([]);
    expect(new Set(actions.map((a) => a.name)).size, 'two actions with one name').toBe(
      actions.length,
    );
  });

  it('notices a new use-server file wherever it is put, including an inline directive', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'use-server-'));
    try {
      fs.mkdirSync(path.join(root, 'lib', 'deep', 'er'), { recursive: true });
      fs.mkdirSync(path.join(root, 'node_modules', 'x'), { recursive: true });
      fs.writeFileSync(
        path.join(root, 'lib', 'deep', 'er', 'thing.ts'),
        `// header\n"use server";\nexport async function leakAction() {}\n`,
      );
      fs.writeFileSync(
        path.join(root, 'lib', 'inline.tsx'),
        `export function Form() {\n  async function go() {\n    'use server';\n  }\n}\n`,
      );
      fs.writeFileSync(
        path.join(root, 'lib', 'mention.ts'),
        `// this comment talks about use server without the quotes\n`,
      );
      fs.writeFileSync(
        path.join(root, 'node_modules', 'x', 'a.ts'),
        `'use server';\nexport const ignored = 1;\n`,
      );
      expect(serverActionFiles(root)).toEqual([
        { file: path.join('lib', 'deep', 'er', 'thing.ts'), inline: false },
        { file: path.join('lib', 'inline.tsx'), inline: true },
      ]);
      expect(exportedActions(root)).toEqual([
        { name: 'leakAction', role: null, file: path.join('lib', 'deep', 'er', 'thing.ts') },
        { name: 'Form', role: null, file: path.join('lib', 'inline.tsx') },
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
