/**
 * `npm start`: one command from a fresh checkout to a working portal. Migrates and seeds the SQLite
 * file, builds if needed, then runs the provider simulator and the portal side by side.
 */
import './load-env-file';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_USERS } from '@/db/demo';
import { seed } from '@/db/seed';
import { env } from '@/lib/env';
import { portalNodeOptions } from './portal-node-options';
import { buildIfStale } from './build-if-stale';

const portal = new URL(env.PORTAL_URL);
const simulator = new URL(env.SIMULATOR_URL);

async function main() {
  const db = openDatabase(env.DATABASE_PATH);
  await seed(db, env.SIMULATOR_URL);
  db.$client.close();
  console.log(`[start] database ready at ${env.DATABASE_PATH}`);
  if (process.env.SKIP_BUILD !== '1') buildIfStale();

  const children: ChildProcess[] = [];
  if (env.LOG_FILE) fs.mkdirSync(path.dirname(path.resolve(env.LOG_FILE)), { recursive: true });
  const log = env.LOG_FILE ? fs.createWriteStream(env.LOG_FILE, { flags: 'a' }) : null;
  const run = (name: string, command: string, args: string[], extraEnv: Record<string, string>) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extraEnv } });
    // Output goes to the console as usual, and to LOG_FILE when set (the e2e suite reads it back).
    child.stdout?.on('data', (chunk: Buffer) => { process.stdout.write(chunk); log?.write(chunk); });
    child.stderr?.on('data', (chunk: Buffer) => { process.stderr.write(chunk); log?.write(chunk); });
    child.on('exit', (code) => {
      console.log(`[start] ${name} exited (${code}); stopping`);
      shutdown(code ?? 1);
    });
    children.push(child);
  };
  const shutdown = (code: number) => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    setTimeout(() => process.exit(code), 500).unref();
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));

  run('simulator', 'node_modules/.bin/tsx', ['simulator/main.ts'], {
    SIM_PORT: simulator.port || '4010',
    SIM_HOST: simulator.hostname,
    SIM_CALLBACK_BASE_URL: env.PORTAL_URL,
  });
  run('portal', 'node_modules/.bin/next', ['start', '-p', portal.port || '3000', '-H', portal.hostname], {
    NEXTAUTH_URL: env.PORTAL_URL,
    NODE_OPTIONS: portalNodeOptions(),
  });
  console.log(`[start] portal on ${env.PORTAL_URL} · simulator on ${env.SIMULATOR_URL}`);
  console.log('[start] demo sign-ins:');
  for (const demo of Object.values(DEMO_USERS)) console.log(`         ${demo.role.padEnd(5)}  ${demo.email}  /  ${demo.password}`);
  console.log(`         ${DEMO_USERS.admin.email} second factor: add the key ${DEMO_ADMIN_TOTP_SECRET} to an authenticator app`);
  console.log(`         ${DEMO_USERS.adminTwo.email} sets up its own second factor at first sign-in`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
