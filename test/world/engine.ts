// Which engine a test runs on, and PostgreSQL databases made and thrown away for tests. Vitest runs the
// suite twice when a PostgreSQL server is at hand (vitest.config.ts: project "postgres" sets
// TEST_ENGINE=postgres beside TEST_DATABASE_URL); a test asks `testEngine()` instead of knowing.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Engine } from '@/db/engine';
import { migratePostgres, openPostgres } from '@/db/pg/client';

export function testEngine(): Engine {
  return process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('TEST_ENGINE=postgres needs TEST_DATABASE_URL (scripts/pg-throwaway.sh)');
  return url;
}

/** The URL of database `name` on the test server. */
export function pgUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs `work` holding a server-wide lock named `key`, so parallel test processes build a template once. */
async function exclusively<T>(key: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  const lock = createHash('sha256').update(key).digest().readInt32BE(0);
  try {
    await client.query('select pg_advisory_lock($1)', [lock]);
    return await work();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [lock]).catch(() => {});
    await client.end();
  }
}

const exists = (name: string) =>
  admin(
    async (c) =>
      (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1,
  );

/** A new database copied from `template` (CREATE DATABASE … TEMPLATE: a file copy, no replay). */
export async function cloneDatabase(template: string, prefix = 'portal_test'): Promise<string> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  // A template must have no open session while it is copied; other copies of it may run at once.
  await admin((c) => c.query(`create database ${name} template ${template}`));
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
}

/** The committed PostgreSQL migrations, as one fingerprint: a new migration makes a new template. */
function migrationsFingerprint(): string {
  const dir = path.join(process.cwd(), 'db', 'migrations-pg');
  const hash = createHash('sha256');
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort())
    hash.update(fs.readFileSync(path.join(dir, file)));
  return hash.digest('hex').slice(0, 12);
}

/** A database with every migration applied and no rows: made once per server and schema, then copied. */
export async function migratedTemplate(): Promise<string> {
  const name = `portal_tpl_${migrationsFingerprint()}`;
  return exclusively(name, async () => {
    if (await exists(name)) return name;
    const building = `${name}_building_${process.pid}`;
    await admin((c) => c.query(`create database ${building}`));
    const db = openPostgres(pgUrl(building), { max: 1 });
    try {
      await migratePostgres(db);
    } finally {
      await db.$client.end();
    }
    await admin((c) => c.query(`alter database ${building} rename to ${name}`));
    return name;
  });
}

/**
 * A database built by `build` once per server and `key` (a seeded world, say), kept as a template so
 * the next test process copies it instead of building it again. The name also carries the run's
 * CREDENTIALS_KEY: a seeded world's provider credentials are sealed with it, and a template sealed by
 * an earlier run on the same server would leave every provider unable to open its credentials.
 */
export async function cachedTemplate(
  key: string,
  build: (name: string) => Promise<void>,
): Promise<string> {
  const name = `portal_img_${createHash('sha256')
    .update(migrationsFingerprint() + key + (process.env.CREDENTIALS_KEY ?? ''))
    .digest('hex')
    .slice(0, 16)}`;
  return exclusively(name, async () => {
    if (await exists(name)) return name;
    const building = await cloneDatabase(await migratedTemplate(), 'portal_building');
    await build(building);
    await admin((c) => c.query(`alter database ${building} rename to ${name}`));
    return name;
  });
}

/** The text a world left on its database (`comment on database`): its agent's id. */
export async function databaseComment(name: string): Promise<number> {
  const comment = await admin(
    async (c) =>
      (
        await c.query<{ c: string }>(
          `select shobj_description(oid, 'pg_database') as c from pg_database where datname = $1`,
          [name],
        )
      ).rows[0]?.c,
  );
  if (!comment) throw new Error(`database ${name} carries no world comment`);
  return Number(comment);
}

/** Ends every other session on database `name` (a template must have none while it is copied). */
export async function disconnectOthers(name: string): Promise<void> {
  await admin((c) =>
    c.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    ),
  );
}
