import { env } from '@/lib/env';
import { openDatabase, sqliteFile } from './client';
import { describeDatabase, isPostgresUrl } from './database-url';
import { migratePostgres, openPostgres } from './pg/client';

/**
 * Applies every committed migration to the configured database — PostgreSQL when DATABASE_URL says
 * postgres://…, else the SQLite file at DATABASE_PATH — and says where and how many are applied.
 * `npm run db:migrate` and `npm start` run it before anything else touches the database.
 */
export async function migrateConfigured(
  databaseUrl = process.env.DATABASE_URL,
): Promise<{ where: string; applied: number }> {
  if (isPostgresUrl(databaseUrl)) {
    const db = openPostgres(databaseUrl, { max: 1 });
    try {
      return {
        where: `PostgreSQL ${new URL(databaseUrl).host}`,
        applied: await migratePostgres(db),
      };
    } finally {
      await db.$client.end();
    }
  }
  const db = openDatabase(env.DATABASE_PATH);
  try {
    const { n } = sqliteFile(db)
      .prepare('select count(*) as n from __drizzle_migrations')
      .get() as { n: number };
    return { where: env.DATABASE_PATH, applied: n };
  } finally {
    sqliteFile(db).close();
  }
}
