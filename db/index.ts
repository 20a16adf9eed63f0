import { env } from '@/lib/env';
import { openDatabase } from './client';
import { describeDatabase, isPostgresUrl } from './database-url';
import { migrateConfigured } from './migrate-configured';
import type { Db } from './engine';
import { connectPostgres } from './pg/runtime';

export type { Db, Tx, Engine } from './engine';
export { openDatabase } from './client';

// One handle per process, kept on globalThis so dev-mode reloads do not open a new one each time.
const globalForDb = globalThis as unknown as { portalDb?: Db };

/** The portal's database: PostgreSQL when DATABASE_URL says postgres://…, else the SQLite file. */
export function getDb(): Db {
  globalForDb.portalDb ??= openConfigured();
  return globalForDb.portalDb;
}

/** Opens the configured database (migrations are applied by `npm start` / `npm run db:migrate`). */
export function openConfigured(databaseUrl = process.env.DATABASE_URL): Db {
  return isPostgresUrl(databaseUrl)
    ? connectPostgres(databaseUrl)
    : openDatabase(env.DATABASE_PATH);
}

/**
 * The database at `location` — a PostgreSQL URL or a SQLite file, already migrated — as a second
 * process joins the database another opened (a test's worker process joins its test's database).
 */
export function openAt(location: string): Db {
  return isPostgresUrl(location)
    ? connectPostgres(location, { max: 2 })
    : openDatabase(location, { migrate: false });
}

/**
 * Migrates the configured database, then opens it: what `npm start`, `npm run dev`, `npm run db:seed`
 * and the admin scripts do first, on either engine. `where` names it for the log.
 */
export async function openMigrated(): Promise<{ db: Db; where: string }> {
  await migrateConfigured();
  return {
    db: openConfigured(),
    where: describeDatabase(process.env.DATABASE_URL, env.DATABASE_PATH),
  };
}
