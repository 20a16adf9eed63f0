/*
 * The npm scripts that follow DATABASE_URL=postgres://… (issue #17), run as an operator would:
 * `db:migrate` migrates PostgreSQL, `db:copy-to-postgres` copies an SQLite file into it once,
 * `db:seed` and the worker run on it without touching the SQLite file, and `backup` (a SQLite file
 * copy) refuses, naming PostgreSQL's own tools.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedPgMigrations, freshPgDatabase, PG_SKIP_REASON } from './fresh-pg';

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) console.warn(`[pg-scripts] the test is ${PG_SKIP_REASON}`);

/** The operator's environment: nothing of this test process's own settings leaks into the script. */
function operatorEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: Record<string, string> = { NEXT_TELEMETRY_DISABLED: '1' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    if (process.env[name]) base[name] = process.env[name];
  }
  return { ...base, ...env } as unknown as NodeJS.ProcessEnv;
}

function npmRun(script: string, env: Record<string, string>) {
  const result = spawnSync('npm', ['run', '--silent', script], {
    cwd: process.cwd(),
    env: operatorEnv(env),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe.skipIf(!serverUrl)(
  `the npm scripts on DATABASE_URL=postgres://…${serverUrl ? '' : ` (${PG_SKIP_REASON})`}`,
  () => {
    let database: Awaited<ReturnType<typeof freshPgDatabase>>;
    let dir: string;

    beforeAll(async () => {
      database = await freshPgDatabase(serverUrl!);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-scripts-'));
    });
    afterAll(async () => {
      await database?.drop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    // Each npm run starts tsx from cold: several seconds apiece on a busy machine.
    const SCRIPTS_TIMEOUT_MS = 240_000;

    const tablesOnTarget = async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: string }>(
          `select count(*) as n from information_schema.tables where table_schema = 'public'`,
        );
        return Number(rows[0]!.n);
      } finally {
        await client.end();
      }
    };

    it(
      'db:migrate applies the PostgreSQL migrations, and again changes nothing',
      async () => {
        const first = npmRun('db:migrate', { DATABASE_URL: database.url });
        expect(first).toMatchObject({
          status: 0,
          output: expect.stringMatching(
            new RegExp(`PostgreSQL .*: ${committedPgMigrations()} migrations applied`),
          ),
        });
        const tables = await tablesOnTarget();
        expect(tables).toBeGreaterThan(30);
        expect(npmRun('db:migrate', { DATABASE_URL: database.url }).status).toBe(0);
        expect(await tablesOnTarget()).toBe(tables);
      },
      SCRIPTS_TIMEOUT_MS,
    );

    it(
      'db:copy-to-postgres copies a seeded SQLite file once, then refuses the filled target',
      () => {
        const file = path.join(dir, 'portal.db');
        expect(npmRun('db:seed', { DATABASE_PATH: file }).status).toBe(0);
        const env = { DATABASE_PATH: file, DATABASE_URL: database.url };
        const copied = npmRun('db:copy-to-postgres', env);
        expect(copied).toMatchObject({
          status: 0,
          output: expect.stringMatching(/rows of \d+ tables copied/),
        });
        const again = npmRun('db:copy-to-postgres', env);
        expect(again).toMatchObject({ status: 1, output: expect.stringMatching(/not empty/) });
      },
      SCRIPTS_TIMEOUT_MS,
    );

    it(
      'db:seed and the worker run on PostgreSQL and never create the SQLite file; backup refuses',
      async () => {
        const other = await freshPgDatabase(serverUrl!);
        try {
          const file = path.join(dir, 'never.db');
          const env = { DATABASE_PATH: file, DATABASE_URL: other.url };
          expect(npmRun('db:seed', env)).toMatchObject({
            status: 0,
            output: expect.stringMatching(/PostgreSQL .* seeded with the demo accounts/),
          });
          const client = new pg.Client({ connectionString: other.url });
          await client.connect();
          const agents = await client
            .query(`select 1 from users where email = 'agent@demo.test'`)
            .finally(() => client.end());
          expect(agents.rowCount).toBe(1);

          // `npm run worker` is `tsx scripts/worker.ts`: started directly so the test can stop it.
          const worker = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
            env: operatorEnv(env),
          });
          let output = '';
          const running = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), 60_000);
            const listen = (chunk: Buffer) => {
              output += chunk.toString();
              if (output.includes('[worker] requery worker running')) {
                clearTimeout(timer);
                resolve(true);
              }
            };
            worker.stdout.on('data', listen);
            worker.stderr.on('data', listen);
            worker.once('exit', () => resolve(false));
          });
          worker.kill('SIGTERM');
          expect(running, output).toBe(true);

          expect(npmRun('backup', env)).toMatchObject({
            status: 1,
            output: expect.stringMatching(/SQLite file.*pg_dump/),
          });
          expect(fs.existsSync(file)).toBe(false);
        } finally {
          await other.drop();
        }
      },
      SCRIPTS_TIMEOUT_MS,
    );
  },
);
