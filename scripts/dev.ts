/** `npm run dev`: like `npm start`, with Next's dev server (behind the portal's own front) instead of a production build. */
import './load-env-file';
import { spawn } from 'node:child_process';
import { openMigrated } from '@/db';
import { closeDatabase } from '@/db/query';
import { seed } from '@/db/seed';
import { env } from '@/lib/env';
import { portalProcess } from './portal-process';

const { db } = await openMigrated();
await seed(db, env.SIMULATOR_URL);
await closeDatabase(db);
const simulator = new URL(env.SIMULATOR_URL);
const portal = portalProcess('development');
const children = [
  spawn('node_modules/.bin/tsx', ['simulator/main.ts'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      SIM_PORT: simulator.port || '4010',
      SIM_CALLBACK_BASE_URL: env.PORTAL_URL,
    },
  }),
  spawn(portal.command, portal.args, { stdio: 'inherit', env: { ...process.env, ...portal.env } }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
