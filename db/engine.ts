import type { SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy';
import type * as schema from './schema';

/** The two databases the portal runs on: the embedded SQLite file (the default) and PostgreSQL. */
export type Engine = 'sqlite' | 'postgres';

/**
 * The portal's database handle, the same on both engines. Every query in lib/ is written once, with the
 * tables of db/schema, and awaited: on SQLite the handle is Drizzle's asynchronous SQLite driver over
 * one better-sqlite3 connection (db/sqlite/connection.ts), on PostgreSQL Drizzle's node-postgres driver
 * (db/pg/runtime.ts) building the same statements in PostgreSQL's dialect. db/schema-pg is the
 * PostgreSQL DDL (migrations), checked equal to db/schema by introspection (test/dialects).
 *
 * Portable code uses only `select`, `insert`, `update`, `delete` (awaited, with `.returning()` to learn
 * what a write touched) and the helpers of db/query.ts; `.get()`, `.all()` and `.run()` exist only on
 * SQLite and are refused by ESLint outside db/.
 */
export type Db = SqliteRemoteDatabase<typeof schema> & { readonly engine: Engine };

/**
 * A database or the transaction a body runs in (db/transaction.ts): the same type, because a query
 * written for one runs unchanged in the other.
 */
export type Tx = Db;
