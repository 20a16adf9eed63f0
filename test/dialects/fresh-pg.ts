import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** Why the PostgreSQL half of a test file did not run, for its title. */
export const PG_SKIP_REASON =
  'skipped: TEST_DATABASE_URL is not set (scripts/pg-throwaway.sh sets it)';

/**
 * A new, empty database on the server of TEST_DATABASE_URL (its user must be allowed CREATE DATABASE,
 * as the throwaway cluster's is), so each test file starts from nothing and leaves nothing behind.
 */
export async function freshPgDatabase(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `portal_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      try {
        await again.query(`drop database if exists ${name} with (force)`);
      } finally {
        await again.end();
      }
    },
  };
}

/** How many PostgreSQL migrations are committed: drizzle-kit's journal lists each one it generated. */
export function committedPgMigrations(): number {
  const journal = JSON.parse(readFileSync('db/migrations-pg/meta/_journal.json', 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}
