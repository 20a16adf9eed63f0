import { env } from '@/lib/env';
import { openDatabase } from './client';
import { isPostgresUrl } from './database-url';
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
