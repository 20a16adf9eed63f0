import type { Db, Tx } from './engine';
import { pgTransaction } from './pg/runtime';
import { sqliteConnectionOf } from './sqlite/connection';

/**
 * Runs `body` as one write transaction; a throw rolls it back, and called with a `tx` (inside another
 * body) it is a savepoint. The body must use only its `tx` and await only its own statements: never a
 * provider call, never the process's database handle.
 *
 * SQLite: BEGIN IMMEDIATE, and the process's transactions run one at a time (db/sqlite/connection.ts).
 * PostgreSQL: READ COMMITTED on one pooled connection; the races are decided by the same conditional
 * updates and unique constraints as on SQLite (docs/money-rules.md, "Isolation on PostgreSQL").
 */
export function inTransaction<T>(db: Db, body: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.engine === 'postgres') return pgTransaction(db, body);
  return sqliteConnectionOf(db).transaction(db, body);
}
export type { Tx } from './engine';
