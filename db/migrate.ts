/**
 * `npm run db:migrate`: creates the SQLite file if needed and applies every committed migration; with
 * DATABASE_URL=postgres://… it applies the PostgreSQL migrations (db/migrations-pg) to that database
 * instead. Only the migrations follow DATABASE_URL so far: the portal itself still runs on SQLite.
 */
import '../scripts/load-env-file';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { env } from '@/lib/env';
import { openDatabase } from './client';
import { isPostgresUrl, migratePostgres, openPostgres } from './pg/client';
import { closeDatabase, one, rows } from './query';

const databaseUrl = z.string().min(1).optional().parse(process.env.DATABASE_URL);

if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
  console.error('[db:migrate] DATABASE_URL must start with postgres:// or postgresql://');
  process.exit(1);
}

if (isPostgresUrl(databaseUrl)) {
  const pgDb = openPostgres(databaseUrl, { max: 1 });
  try {
    const count = await migratePostgres(pgDb);
    console.log(
      `[db:migrate] PostgreSQL ${new URL(databaseUrl).host}: ${count} migrations applied`,
    );
  } finally {
    await pgDb.$client.end();
  }
} else {
  const db = openDatabase(env.DATABASE_PATH);
  const applied = await one(
    rows<{ n: number }>(db, sql`select count(*) as n from __drizzle_migrations`),
  );
  await closeDatabase(db);
  console.log(`[db:migrate] ${env.DATABASE_PATH}: ${applied.n} migrations applied`);
}
