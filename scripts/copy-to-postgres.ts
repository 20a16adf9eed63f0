/**
 * `DATABASE_URL=postgres://… npm run db:copy-to-postgres`: copies the SQLite file at DATABASE_PATH into
 * that PostgreSQL database (migrated here, and refused unless empty). Stop the portal and the worker
 * first: sales made during the copy would stay behind in the SQLite file.
 */
import './load-env-file';
import fs from 'node:fs';
import { z } from 'zod';
import { openDatabase, sqliteFile } from '@/db/client';
import { copySqliteToPostgres } from '@/db/pg/copy-from-sqlite';
import { isPostgresUrl, openPostgres } from '@/db/pg/client';
import { closeDatabase } from '@/db/query';
import { env } from '@/lib/env';

const databaseUrl = z.string().optional().parse(process.env.DATABASE_URL);
if (!isPostgresUrl(databaseUrl)) {
  console.error('[db:copy-to-postgres] set DATABASE_URL=postgres://… to the target database');
  process.exit(1);
}
if (!fs.existsSync(env.DATABASE_PATH)) {
  console.error(`[db:copy-to-postgres] no SQLite file at ${env.DATABASE_PATH} (DATABASE_PATH)`);
  process.exit(1);
}

// Migrating the source first makes its tables those of this version, as the target's will be.
const source = openDatabase(env.DATABASE_PATH);
const target = openPostgres(databaseUrl, { max: 1 });
try {
  const report = await copySqliteToPostgres(sqliteFile(source), target);
  const total = report.reduce((sum, t) => sum + t.rows, 0);
  for (const { table, rows } of report) console.log(`  ${table}: ${rows}`);
  console.log(
    `[db:copy-to-postgres] ${total} rows of ${report.length} tables copied from ${env.DATABASE_PATH} to ${new URL(databaseUrl).host}`,
  );
} catch (error) {
  console.error(`[db:copy-to-postgres] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeDatabase(source);
  await target.$client.end();
}
