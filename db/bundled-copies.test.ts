import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/engine';
import { createTestDb } from '@/test/world/db';

/*
 * A production build bundles db/ into several server chunks, each with its own copy of the modules
 * (route handlers, pages, instrumentation). A handle opened by one copy is used by the others
 * (lib/ reaches it through getDb's global), so what the data layer keeps per process must not be
 * kept per copy. vi.resetModules() makes another copy.
 */
async function anotherCopy() {
  vi.resetModules();
  return {
    ...(await import('./query')),
    ...(await import('./transaction')),
    ...(await import('./prepared')),
    schema: await import('./schema'),
  };
}

describe('a handle used by another bundled copy of db/', () => {
  let t: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    // The cleanup closes the handle through yet another copy of db/query.
    await t.cleanup();
  });

  it('runs raw queries and transactions on it', async () => {
    const copy = await anotherCopy();
    expect(await copy.rows<{ one: number }>(t.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
    const inside = await copy.inTransaction(t.db, (tx) =>
      copy.rows<{ two: number }>(tx, sql`select 2 as two`),
    );
    expect(inside).toEqual([{ two: 2 }]);
  });

  it('runs each copy’s prepared queries on it, however the copies number them', async () => {
    const [one, two] = [await anotherCopy(), await anotherCopy()];
    const userById = one.prepared((db: Db) =>
      db
        .select({ id: one.schema.users.id })
        .from(one.schema.users)
        .where(eq(one.schema.users.id, sql.placeholder('id'))),
    );
    const userByEmail = two.prepared((db: Db) =>
      db
        .select({ email: two.schema.users.email })
        .from(two.schema.users)
        .where(eq(two.schema.users.email, sql.placeholder('email'))),
    );
    // Each copy's first prepared query, one after the other on the pool's idle connection.
    expect(await userById(t.db).all({ id: 1 })).toEqual([]);
    expect(await userByEmail(t.db).all({ email: 'nobody@test.local' })).toEqual([]);
  });

  it('gives every prepared statement a name no other copy gives, even before a handle exists', async () => {
    // A name two copies both gave to different statements fails on PostgreSQL ("Prepared statements
    // must be unique") the moment one pooled connection has prepared both. Recorded on a stand-in
    // PostgreSQL handle, so the check holds whichever engine this run is on.
    const [one, two] = [await anotherCopy(), await anotherCopy()];
    expect(two.prepared).not.toBe(one.prepared);
    const names: string[] = [];
    const handle = { engine: 'postgres', session: {} } as unknown as Db;
    const build = () => ({
      then: undefined as never,
      prepare: (name?: string) => {
        names.push(name ?? '');
        return { execute: async () => [] };
      },
    });
    one.prepared(build)(handle);
    two.prepared(build)(handle);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
  });
});
