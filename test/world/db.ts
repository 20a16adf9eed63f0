import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, sqliteFile, type Db } from '@/db/client';
import { users } from '@/db/schema';
import { one } from '@/db/query';

/** A fresh, migrated database file per test: the real SQLite, the real settings. */
export function createTestDb(): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-'));
  const file = path.join(dir, 'portal.db');
  const db = openDatabase(file);
  return {
    db,
    file,
    cleanup: () => {
      sqliteFile(db).close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A user row with a placeholder hash: enough for ledger and purchase tests that never sign in. */
export async function insertUser(
  db: Db,
  role: 'agent' | 'admin' = 'agent',
  overrides: Partial<typeof users.$inferInsert> = {},
) {
  counter += 1;
  return await one(
    db
      .insert(users)
      .values({
        email: `user${counter}-${Date.now()}@test.local`,
        name: `Test ${role} ${counter}`,
        role,
        passwordHash: 'not-a-real-hash',
        createdAt: Date.now(),
        ...overrides,
      })
      .returning(),
  );
}
