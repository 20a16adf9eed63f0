import { env } from '@/lib/env';
import { openDatabase, type Db } from './client';
import { refusePostgresRuntime } from './database-url';

export type { Db } from './client';
export { openDatabase } from './client';

// One connection per process, kept on globalThis so dev-mode reloads do not open a new one each time.
const globalForDb = globalThis as unknown as { portalDb?: Db };

export function getDb(): Db {
  if (!globalForDb.portalDb) refusePostgresRuntime();
  globalForDb.portalDb ??= openDatabase(env.DATABASE_PATH);
  return globalForDb.portalDb;
}
