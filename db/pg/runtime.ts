import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db, Tx } from '../engine';
import * as schema from '../schema';
import { processWide } from '../process-wide';

/*
 * The portal on PostgreSQL: Drizzle's node-postgres driver with the tables of db/schema, so every
 * query of lib/ is written once (db/engine.ts). Drizzle builds each statement in PostgreSQL's dialect
 * from those tables; the values come back through the same column mappings as on SQLite once the two
 * type differences below are taken care of.
 */

const INT8 = 20;
const NUMERIC = 1700;
const JSON_OID = 114;
const JSONB = 3802;

/**
 * 64-bit integers (bigint ids, money, epoch milliseconds, count(*)) and sums (numeric) arrive as
 * strings from node-postgres; the portal's numbers are exact integers below 2^53 (lib/money.ts), so
 * read them as numbers and refuse anything that would lose a digit. JSON stays text: the SQLite
 * schema's JSON columns parse it themselves. Node-postgres keeps these parsers process-wide; Drizzle
 * asks for them per query.
 */
function installTypeParsers(): void {
  const exactNumber = (text: string) => {
    const value = Number(text);
    if (!Number.isSafeInteger(value) && !/[.eE]/.test(text))
      throw new RangeError(`PostgreSQL returned ${text}, beyond exact JavaScript integers`);
    return value;
  };
  pg.types.setTypeParser(INT8, exactNumber);
  pg.types.setTypeParser(NUMERIC, exactNumber);
  pg.types.setTypeParser(JSON_OID, (text: string) => text);
  pg.types.setTypeParser(JSONB, (text: string) => text);
}

// One per process, whichever bundled copy of this module runs (db/process-wide.ts).
const pools = processWide('pg-pools', () => new WeakMap<Db, pg.Pool>());

/** The portal's handle on the PostgreSQL database at `url` (migrations: db/pg/client.ts). */
export function connectPostgres(url: string, options: { max?: number } = {}): Db {
  installTypeParsers();
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle pooled connection the server closes (a restart, a terminated backend) is an error event of
  // the pool; the pool drops it and opens another when needed, so it must not crash the process.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01')
      console.error('[db] idle PostgreSQL connection lost:', error.message);
  });
  const db = Object.assign(drizzle(pool, { schema }), { engine: 'postgres' as const });
  pools.set(db as unknown as Db, pool);
  return db as unknown as Db;
}

export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('Not a PostgreSQL handle of db/pg/runtime.ts');
  return pool;
}

type PgHandle = {
  transaction<T>(
    body: (tx: PgHandle) => Promise<T>,
    config?: { isolationLevel: 'read committed' },
  ): Promise<T>;
};

/** db/transaction.ts on PostgreSQL: a transaction (or, given a tx, a savepoint) on one connection. */
export function pgTransaction<T>(db: Db, body: (tx: Tx) => Promise<T>): Promise<T> {
  const handle = db as unknown as PgHandle;
  const inner = (tx: PgHandle) => body(Object.assign(tx, { engine: 'postgres' as const }) as never);
  return pools.has(db)
    ? handle.transaction(inner, { isolationLevel: 'read committed' })
    : handle.transaction(inner);
}
