import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { rows } from '@/db/query';

/** One round trip to the database: the health check fails when the database does not answer. */
export async function databaseAnswers(db: Db): Promise<void> {
  await rows(db, sql`select 1`);
}
