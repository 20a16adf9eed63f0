/**
 * `npm run db:seed`: migrates, then seeds what `npm start` seeds (idempotent), on the configured
 * database (DATABASE_URL=postgres://… or the SQLite file). The demo accounts come only in demo mode
 * (NODE_ENV other than production).
 */
import '../scripts/load-env-file';
import { env } from '@/lib/env';
import { openMigrated } from './index';
import { closeDatabase } from './query';
import { seed } from './seed';

const { db, where } = await openMigrated();
await seed(db, env.SIMULATOR_URL);
await closeDatabase(db);
console.log(
  `[db:seed] ${where} seeded${env.DEMO === 'on' ? ' with the demo accounts' : ' (no demo accounts: not in demo mode)'}`,
);
