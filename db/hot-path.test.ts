import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '@/test/world/db';
import type { Db } from './client';
import { prepared } from './prepared';
import { settings } from './schema';
import { immediate } from './transaction';

const cleanups: (() => void)[] = [];
function testDb(): { db: Db; file: string } {
  const { db, file, cleanup } = createTestDb();
  cleanups.push(cleanup);
  return { db, file };
}
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const settingByKey = prepared((db) =>
  db
    .select()
    .from(settings)
    .where(eq(settings.key, sql.placeholder('key')))
    .prepare(),
);

describe('prepared', () => {
  it('prepares once per connection, serves the database and its transactions, and never mixes two databases', () => {
    const a = testDb().db;
    const b = testDb().db;
    a.insert(settings).values({ key: 'k', value: 'in a' }).run();
    b.insert(settings).values({ key: 'k', value: 'in b' }).run();

    expect(settingByKey(a)).toBe(settingByKey(a));
    expect(settingByKey(a)).not.toBe(settingByKey(b));
    expect(settingByKey(a).get({ key: 'k' })?.value).toBe('in a');
    expect(settingByKey(b).get({ key: 'k' })?.value).toBe('in b');
    a.transaction((tx) => expect(settingByKey(tx)).toBe(settingByKey(a)));
    expect(settingByKey(a).get({ key: 'missing' })).toBeUndefined();
  });
});

describe('immediate', () => {
  it('commits what the body wrote and returns its value', () => {
    const { db } = testDb();
    const value = immediate(db, (tx) => {
      tx.insert(settings).values({ key: 'a', value: 1 }).run();
      return 'done';
    });
    expect(value).toBe('done');
    expect(db.select().from(settings).all()).toHaveLength(1);
  });

  it('rolls back everything when the body throws', () => {
    const { db } = testDb();
    expect(() =>
      immediate(db, (tx) => {
        tx.insert(settings).values({ key: 'a', value: 1 }).run();
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(db.select().from(settings).all()).toHaveLength(0);
    expect(db.$client.inTransaction).toBe(false);
  });

  it('takes the write lock at BEGIN: another connection cannot write until it commits', () => {
    const { db, file } = testDb();
    const other = new Database(file, { timeout: 0 });
    immediate(db, () => {
      expect(() =>
        other.prepare("insert into settings (key, value) values ('b', '1')").run(),
      ).toThrow(/locked|busy/i);
    });
    other.prepare("insert into settings (key, value) values ('b', '1')").run();
    other.close();
  });

  it('inside another transaction becomes a savepoint that rolls back alone', () => {
    const { db } = testDb();
    immediate(db, (tx) => {
      tx.insert(settings).values({ key: 'outer', value: 1 }).run();
      expect(() =>
        immediate(db, (inner) => {
          inner.insert(settings).values({ key: 'inner', value: 2 }).run();
          throw new Error('inner refused');
        }),
      ).toThrow('inner refused');
    });
    expect(db.select({ key: settings.key }).from(settings).all()).toEqual([{ key: 'outer' }]);
  });
});
