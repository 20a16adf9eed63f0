/**
 * `npm run db:migrate`: applies every committed migration to the configured database — the PostgreSQL
 * database of DATABASE_URL=postgres://… (db/migrations-pg), else the SQLite file at DATABASE_PATH,
 * created if needed (db/migrations).
 */
import '../scripts/load-env-file';
import { z } from 'zod';
import { isPostgresUrl } from './database-url';
import { migrateConfigured } from './migrate-configured';

const databaseUrl = z.string().min(1).optional().parse(process.env.DATABASE_URL);

if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
  console.error('[db:migrate] DATABASE_URL must start with postgres:// or postgresql://');
  process.exit(1);
}
const { where, applied } = await migrateConfigured(databaseUrl);
console.log(`[db:migrate] ${where}: ${applied} migrations applied`);
