import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from '../schema-pg';

export { isPostgresUrl } from '../database-url';

/*
 * The PostgreSQL side of db/client.ts. Only the migrations, the dialect test and the copy from SQLite
 * use it for now: the portal's queries still run on SQLite (the runtime switch of #17 comes later).
 */

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations-pg');

/** A pooled connection to the database at `url`; the caller ends it with `db.$client.end()`. */
export function openPostgres(url: string, options: { max?: number } = {}): PgDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  return drizzle(pool, { schema }) as PgDb;
}

/**
 * Applies every committed PostgreSQL migration not applied yet (drizzle keeps its journal in the
 * `drizzle` schema); returns how many are applied in all.
 */
export async function migratePostgres(db: PgDb): Promise<number> {
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  const applied = await db.$client.query<{ n: string }>(
    'select count(*) as n from drizzle.__drizzle_migrations',
  );
  return Number(applied.rows[0]!.n);
}
