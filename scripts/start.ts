/**
 * `npm start`: one command from a fresh checkout to a working portal. Migrates and seeds the SQLite
 * file, builds if needed, then runs the provider simulator and the portal side by side.
 */
import './load-env-file';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openMigrated } from '@/db';
import { closeDatabase } from '@/db/query';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_USERS } from '@/db/demo';
import { seed } from '@/db/seed';
import { env } from '@/lib/env';
import { buildIfStale } from './build-if-stale';
import { supervise, type Supervised } from './supervise';
import { portalProcess } from './portal-process';

const simulator = new URL(env.SIMULATOR_URL);

/** The simulator keeps its sale records beside the portal's database, so both survive a restart together. */
function simulatorDataFile(): string {
  return env.SIM_DATA_FILE ?? path.join(path.dirname(env.DATABASE_PATH), 'simulator.jsonl');
}

async function main() {
  const { db, where } = await openMigrated();
  await seed(db, env.SIMULATOR_URL);
  await closeDatabase(db);
  console.log(`[start] database ready: ${where}`);
  if (process.env.SKIP_BUILD !== '1') buildIfStale();

  const children: Supervised[] = [];
  if (env.LOG_FILE) fs.mkdirSync(path.dirname(path.resolve(env.LOG_FILE)), { recursive: true });
  const log = env.LOG_FILE ? fs.createWriteStream(env.LOG_FILE, { flags: 'a' }) : null;
  // A crashed child (portal or simulator) is started again with a backoff instead of stopping everything.
  const run = (name: string, command: string, args: string[], extraEnv: Record<string, string>) => {
    children.push(
      supervise({
        name,
        start: () => {
          const child = spawn(command, args, {
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extraEnv },
          });
          // Output goes to the console as usual, and to LOG_FILE when set (the e2e suite reads it back).
          child.stdout?.on('data', (chunk: Buffer) => {
            process.stdout.write(chunk);
            log?.write(chunk);
          });
          child.stderr?.on('data', (chunk: Buffer) => {
            process.stderr.write(chunk);
            log?.write(chunk);
          });
          return child;
        },
      }),
    );
  };
  const shutdown = (code: number) => {
    for (const child of children) child.stop();
    setTimeout(() => process.exit(code), 500).unref();
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));

  run('simulator', 'node_modules/.bin/tsx', ['simulator/main.ts'], {
    SIM_PORT: simulator.port || '4010',
    SIM_HOST: simulator.hostname,
    SIM_CALLBACK_BASE_URL: env.PORTAL_URL,
    SIM_DATA_FILE: simulatorDataFile(),
  });
  const server = portalProcess('production');
  run('portal', server.command, server.args, server.env);
  console.log(`[start] portal on ${env.PORTAL_URL} · simulator on ${env.SIMULATOR_URL}`);
  if (env.DEMO === 'on') printDemoSignIns();
}

function printDemoSignIns() {
  console.log('[start] demo sign-ins:');
  for (const demo of Object.values(DEMO_USERS))
    console.log(`         ${demo.role.padEnd(5)}  ${demo.email}  /  ${demo.password}`);
  console.log(
    `         ${DEMO_USERS.admin.email} second factor: add the key ${DEMO_ADMIN_TOTP_SECRET} to an authenticator app`,
  );
  console.log(
    `         ${DEMO_USERS.adminTwo.email} sets up its own second factor at first sign-in`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
