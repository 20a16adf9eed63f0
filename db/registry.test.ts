import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { users } from '@/db/schema';
import { createTestDb, insertUser } from '@/test/world/db';

const opened: Database.Database[] = [];
afterEach(() => opened.splice(0).forEach((raw) => raw.close()));

// Next bundles db/ once per entry (instrumentation, each route): the handle getDb() keeps on
// globalThis is opened by one copy of these modules and used by the others.
describe('a handle opened by one copy of the db modules', () => {
  it('is a SQLite handle to every other copy', async () => {
    const first = await import('./sqlite/connection');
    vi.resetModules();
    const second = await import('./sqlite/connection');
    expect(second.sqliteConnectionOf).not.toBe(first.sqliteConnectionOf);
    const raw = new Database(':memory:');
    opened.push(raw);
    const db = first.register(new first.SqliteConnection(raw));
    expect(second.sqliteConnectionOf(db).raw).toBe(raw);
  });
});

// On PostgreSQL a prepared query is a named statement of the pooled connection: two copies that each
// counted names from 1 gave two different statements the same name ("portal_q1 was used for a
// different statement").
describe('prepared queries made by two copies of db/prepared.ts', () => {
  it('run side by side on one database', async () => {
    const { db, cleanup } = await createTestDb();
    try {
      const byId = (await import('./prepared')).prepared((d) =>
        d
          .select({ id: users.id })
          .from(users)
          .where(eq(users.id, sql.placeholder('id'))),
      );
      vi.resetModules();
      const emails = (await import('./prepared')).prepared((d) =>
        d.select({ email: users.email }).from(users),
      );
      const user = await insertUser(db);
      expect(await byId(db).get({ id: user.id })).toEqual({ id: user.id });
      expect(await emails(db).all({})).toEqual([{ email: user.email }]);
    } finally {
      await cleanup();
    }
  });
});
