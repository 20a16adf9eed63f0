import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db, Engine } from './engine';
import { execute } from './query';

/*
 * The few SQL expressions the two engines spell differently, each written once for both. Everything
 * else in lib/ is standard SQL that SQLite and PostgreSQL read alike (Drizzle's builders, `case`,
 * `coalesce`, `exists`, `||`, integer arithmetic on epoch milliseconds, and booleans tested bare —
 * `where s.available`, never `= 1`).
 */

/** True when the JSON array in `array` (a column of text lists) holds `value`. */
export function jsonArrayHas(engine: Engine, array: SQLWrapper, value: SQLWrapper | string): SQL {
  return engine === 'postgres'
    ? sql`(${array} @> jsonb_build_array(${value}::text))`
    : sql`exists (select 1 from json_each(${array}) listed where listed.value = ${value})`;
}

/** The text at `key` of a JSON object column (null when absent). `key` is a trusted literal. */
export function jsonText(engine: Engine, object: SQLWrapper, key: string): SQL {
  return engine === 'postgres'
    ? sql`(${object} ->> ${sql.raw(`'${key}'`)})`
    : sql`json_extract(${object}, ${sql.raw(`'$.${key}'`)})`;
}

/** The number at `key` of a JSON object column (null when absent). `key` is a trusted literal. */
export function jsonNumber(engine: Engine, object: SQLWrapper, key: string): SQL {
  return engine === 'postgres'
    ? sql`((${object} ->> ${sql.raw(`'${key}'`)})::numeric)`
    : sql`json_extract(${object}, ${sql.raw(`'$.${key}'`)})`;
}

/** True when a trigger of this name exists (the append-only guards, invariant I8). */
export function triggerExists(engine: Engine, name: SQLWrapper): SQL {
  return engine === 'postgres'
    ? sql`exists (select 1 from pg_trigger g where g.tgname = ${name} and not g.tgisinternal)`
    : sql`exists (select 1 from sqlite_master m where m.type = 'trigger' and m.name = ${name})`;
}

/**
 * Locks one row until the transaction ends, so a read-decide-write on it (a sale's resolution, a late
 * delivery's, a funding request's) runs one at a time, as it does on SQLite, where the IMMEDIATE
 * transaction already holds the database's write lock (so there it is nothing to do).
 */
export async function lockRow(
  tx: Db,
  table: SQLiteTable & { id: SQLiteColumn },
  id: number | SQL,
): Promise<void> {
  if (tx.engine !== 'postgres') return;
  await execute(tx, sql`select 1 from ${table} where ${table.id} = ${id} for update`);
}

/**
 * Locks several rows in one order, by id, until the transaction ends: two transactions that take
 * the same rows always take them in the same order, so neither waits for the other in a cycle.
 */
export async function lockRows(
  tx: Db,
  table: SQLiteTable & { id: SQLiteColumn },
  ids: number[],
): Promise<void> {
  if (tx.engine !== 'postgres' || ids.length === 0) return;
  const list = sql.join(
    [...new Set(ids)].sort((a, b) => a - b).map((id) => sql`${id}`),
    sql`, `,
  );
  await execute(
    tx,
    sql`select 1 from ${table} where ${table.id} in (${list}) order by ${table.id} for update`,
  );
}
