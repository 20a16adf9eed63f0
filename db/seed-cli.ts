/**
 * `npm run db:seed`: migrates, then seeds what `npm start` seeds (idempotent). The demo accounts
 * come only in demo mode (NODE_ENV other than production).
 */
import '../scripts/load-env-file';
import { env } from '@/lib/env';
import { openDatabase } from './client';
import { closeDatabase } from './query';
import { seed } from './seed';

const db = openDatabase(env.DATABASE_PATH);
await seed(db, env.SIMULATOR_URL);
await closeDatabase(db);
console.log(
  `[db:seed] ${env.DATABASE_PATH} seeded${env.DEMO === 'on' ? ' with the demo accounts' : ' (no demo accounts: not in demo mode)'}`,
);
