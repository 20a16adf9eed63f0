import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, sqliteFile, type Db } from '@/db/client';
import { users } from '@/db/schema';
import { connectPostgres } from '@/db/pg/runtime';
import { closeDatabase, one } from '@/db/query';
import { cloneDatabase, dropDatabase, migratedTemplate, pgUrl, testEngine } from './engine';

/**
 * A fresh, migrated database per test: a SQLite file with the real settings, or on PostgreSQL (the
 * suite's second run, TEST_ENGINE=postgres) a copy of the migrated template. `file` is where another
 * process opens it (db/index.ts `openAt`).
 */
export async function createTestDb(): Promise<{
  db: Db;
  file: string;
  cleanup: () => Promise<void>;
}> {
  if (testEngine() === 'postgres') {
    const name = await cloneDatabase(await migratedTemplate());
    const db = connectPostgres(pgUrl(name), { max: 4 });
    return {
      db,
      file: pgUrl(name),
      cleanup: async () => {
        await closeDatabase(db);
        await dropDatabase(name);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-'));
  const file = path.join(dir, 'portal.db');
  const db = openDatabase(file);
  return {
    db,
    file,
    cleanup: async () => {
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
