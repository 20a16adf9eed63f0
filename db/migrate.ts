/** `npm run db:migrate`: creates the SQLite file if needed and applies every committed migration. */
import '../scripts/load-env-file';
import { env } from '@/lib/env';
import { openDatabase } from './client';

const db = openDatabase(env.DATABASE_PATH);
const applied = db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as {
  n: number;
};
db.$client.close();
console.log(`[db:migrate] ${env.DATABASE_PATH}: ${applied.n} migrations applied`);
