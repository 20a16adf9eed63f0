import type { SQL } from 'drizzle-orm';
import type { Db } from './engine';
import { poolOf } from './pg/runtime';
import { sqliteConnectionOf } from './sqlite/connection';

/** The first row of a query, or undefined: what SQLite's `.get()` was, on both engines. */
export async function first<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  return (await query)[0];
}

type PgExecutor = { execute(query: SQL): Promise<{ rows: unknown[] }> };

/** A raw SQL query's rows as objects keyed by the column names it selects. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  if (db.engine === 'postgres')
    return (await (db as unknown as PgExecutor).execute(query)).rows as T[];
  const connection = sqliteConnectionOf(db);
  const { dialect } = db as unknown as {
    dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } };
  };
  const { sql, params } = dialect.sqlToQuery(query);
  return (await connection.objects(sql, params, db === connection.inside)) as T[];
}

/** A raw SQL statement whose rows nobody reads. */
export async function execute(db: Db, query: SQL): Promise<void> {
  await rows(db, query);
}

/** Picks what differs between the engines (a SQL function's name, a JSON operator) in one place. */
export function onEngine<T>(db: Db, choices: { sqlite: T; postgres: T }): T {
  return choices[db.engine];
}

/** Ends the connection (SQLite) or the pool (PostgreSQL); scripts and tests call it when done. */
export async function closeDatabase(db: Db): Promise<void> {
  if (db.engine === 'postgres') await poolOf(db).end();
  else sqliteConnectionOf(db).raw.close();
}

/** The one row an insert … returning() wrote: an insert that returns nothing is a bug, not a case. */
export async function one<T>(query: PromiseLike<T[]>): Promise<T> {
  const [row] = await query;
  if (row === undefined) throw new Error('The write returned no row');
  return row;
}

/**
 * How many rows an awaited insert, update or delete (without returning) wrote: a conditional update
 * that must win a race checks it is 1.
 */
export async function written(query: PromiseLike<unknown>): Promise<number> {
  return rowsWritten(await query);
}

/** The written-row count of a result, whichever driver made it. */
export function rowsWritten(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null } | undefined;
  return r?.changes ?? r?.rowCount ?? 0;
}
