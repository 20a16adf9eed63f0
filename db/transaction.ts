import type { Db } from './client';

/**
 * A database or one of its transactions. Queries and ledger commands take one and run inside the
 * caller's transaction when there is one; with one synchronous connection the two are the same object.
 */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'run' | 'all' | 'get'>;

type Runner = { immediate: (fn: () => unknown) => unknown };
const runners = new WeakMap<Db, Runner>();

/**
 * Runs `fn` in one BEGIN IMMEDIATE transaction (the write lock is taken at BEGIN, so two writers
 * queue on busy_timeout instead of one failing at its first write). Unlike `db.transaction`, which
 * builds a new transaction object (a query helper per table) and a new better-sqlite3 wrapper on
 * every call, this reuses one wrapper per connection and hands `fn` the database itself: with one
 * synchronous connection, every statement `fn` runs is inside the transaction. A throw rolls it back;
 * called inside another transaction it becomes a savepoint.
 */
export function immediate<T>(db: Db, fn: (tx: Tx) => T): T {
  let runner = runners.get(db);
  if (!runner) {
    runner = db.$client.transaction((body: () => unknown) => body()) as unknown as Runner;
    runners.set(db, runner);
  }
  return runner.immediate(() => fn(db)) as T;
}
