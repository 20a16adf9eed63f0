import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '@/test/world/db';
import { sqliteFile, type Db } from './client';
import { prepared } from './prepared';
import { settings } from './schema';
import { inTransaction } from '@/db/transaction';

const cleanups: (() => void)[] = [];
async function testDb(): Promise<{ db: Db; file: string }> {
  const { db, file, cleanup } = await createTestDb();
  cleanups.push(cleanup);
  return { db, file };
}
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const settingByKey = prepared((db) =>
  db
    .select()
    .from(settings)
    .where(eq(settings.key, sql.placeholder('key'))),
);

describe('prepared', () => {
  // A transaction's handle is not its database's (db/sqlite/connection.ts: the database's handle waits
  // for the open transaction), so each handle has its own prepared query, run inside the transaction.
  it('prepares once per handle, serves the database and its transactions, and never mixes two databases', async () => {
    const a = (await testDb()).db;
    const b = (await testDb()).db;
    await a.insert(settings).values({ key: 'k', value: 'in a' });
    await b.insert(settings).values({ key: 'k', value: 'in b' });

    expect(settingByKey(a)).toBe(settingByKey(a));
    expect(settingByKey(a)).not.toBe(settingByKey(b));
    expect((await settingByKey(a).get({ key: 'k' }))?.value).toBe('in a');
    expect((await settingByKey(b).get({ key: 'k' }))?.value).toBe('in b');
    await inTransaction(a, async (tx) => {
      expect(settingByKey(tx)).toBe(settingByKey(tx));
      await tx.insert(settings).values({ key: 'written in tx', value: 'uncommitted' });
      expect((await settingByKey(tx).get({ key: 'written in tx' }))?.value).toBe('uncommitted');
    });
    expect(await settingByKey(a).get({ key: 'missing' })).toBeUndefined();
  });
});

describe('immediate', () => {
  it('commits what the body wrote and returns its value', async () => {
    const { db } = await testDb();
    const value = await inTransaction(db, async (tx) => {
      await tx.insert(settings).values({ key: 'a', value: 1 });
      return 'done';
    });
    expect(value).toBe('done');
    expect(await db.select().from(settings)).toHaveLength(1);
  });

  it('rolls back everything when the body throws', async () => {
    const { db } = await testDb();
    await expect(
      inTransaction(db, async (tx) => {
        await tx.insert(settings).values({ key: 'a', value: 1 });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await db.select().from(settings)).toHaveLength(0);
    expect(sqliteFile(db).inTransaction).toBe(false);
  });

  it('takes the write lock at BEGIN: another connection cannot write until it commits', async () => {
    const { db, file } = await testDb();
    const other = new Database(file, { timeout: 0 });
    await inTransaction(db, async () => {
      expect(() =>
        other.prepare("insert into settings (key, value) values ('b', '1')").run(),
      ).toThrow(/locked|busy/i);
    });
    other.prepare("insert into settings (key, value) values ('b', '1')").run();
    other.close();
  });

  it('inside another transaction becomes a savepoint that rolls back alone', async () => {
    const { db } = await testDb();
    await inTransaction(db, async (tx) => {
      await tx.insert(settings).values({ key: 'outer', value: 1 });
      await expect(
        inTransaction(tx, async (inner) => {
          await inner.insert(settings).values({ key: 'inner', value: 2 });
          throw new Error('inner refused');
        }),
      ).rejects.toThrow('inner refused');
    });
    expect(await db.select({ key: settings.key }).from(settings)).toEqual([{ key: 'outer' }]);
  });
});
