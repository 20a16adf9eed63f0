/**
 * Every script the README and package.json name works on a fresh clone: each one's file exists, and
 * the cheap ones run for real against a throwaway data folder, as a newcomer would run them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptCredential } from '@/lib/provider-settings/crypto';

const ROOT = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const folders: string[] = [];
afterAll(() => folders.forEach((f) => fs.rmSync(f, { recursive: true, force: true })));

function dataFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-scripts-'));
  folders.push(folder);
  return folder;
}

/** The environment of a shell on a fresh clone: none of the test run's own secrets, and no NODE_ENV unless given. */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { NEXT_TELEMETRY_DISABLED: '1' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return { ...env, ...extra };
}

function npmRun(script: string, env: Record<string, string>, args: string[] = []) {
  // Next's types declare NODE_ENV always set; a fresh shell has none.
  const result = spawnSync(
    'npm',
    ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])],
    {
      cwd: ROOT,
      env: cleanEnv(env) as unknown as NodeJS.ProcessEnv,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const count = (file: string, query: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(query).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('every script names a file that exists', () => {
  it.each(Object.entries(pkg.scripts))('%s', (_name, command) => {
    for (const file of command.match(/[\w./-]+\.(?:ts|mjs|js)\b/g) ?? [])
      expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
  });

  it('and every `npm run` the README shows is in package.json', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const named = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(5);
    for (const name of named) expect(Object.keys(pkg.scripts), name).toContain(name);
  });
});

describe('database scripts on a fresh data folder', () => {
  it('db:migrate creates the database with every committed migration', () => {
    const db = path.join(dataFolder(), 'portal.db');
    const run = npmRun('db:migrate', { DATABASE_PATH: db });
    expect(run.status, run.output).toBe(0);
    const committed = fs
      .readdirSync(path.join(ROOT, 'db', 'migrations'))
      .filter((f) => f.endsWith('.sql')).length;
    expect(count(db, 'select count(*) as n from __drizzle_migrations')).toBe(committed);
    expect(
      count(
        db,
        "select count(*) as n from sqlite_master where name = 'ledger_entries' or name = 'users'",
      ),
    ).toBe(2);
  });

  it('db:seed in demo mode seeds the demo accounts once, with secrets of its own kept beside the database', () => {
    const folder = dataFolder();
    const db = path.join(folder, 'portal.db');
    for (let run = 0; run < 2; run += 1) {
      const result = npmRun('db:seed', { DATABASE_PATH: db });
      expect(result.status, result.output).toBe(0);
    }
    expect(count(db, "select count(*) as n from users where email like '%@demo.test'")).toBe(4);
    expect(count(db, "select count(*) as n from audit_log where action = 'wallet.credit'")).toBe(3);
    expect(count(db, 'select count(*) as n from provider_credentials')).toBeGreaterThan(0);
    expect(fs.statSync(path.join(folder, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('db:seed in production refuses to run without secrets, naming each; with them it seeds no demo account', () => {
    const folder = dataFolder();
    const db = path.join(folder, 'portal.db');
    const refused = npmRun('db:seed', { NODE_ENV: 'production', DATABASE_PATH: db });
    expect(refused.status).not.toBe(0);
    for (const name of ['AUTH_SECRET', 'CREDENTIALS_KEY', 'RECEIPT_KEY'])
      expect(refused.output).toContain(`${name} is missing`);
    const secret = () => randomBytes(32).toString('base64');
    const seeded = npmRun('db:seed', {
      NODE_ENV: 'production',
      DATABASE_PATH: db,
      AUTH_SECRET: secret(),
      CREDENTIALS_KEY: secret(),
      RECEIPT_KEY: secret(),
    });
    expect(seeded.status, seeded.output).toBe(0);
    expect(count(db, 'select count(*) as n from users')).toBe(0);
    expect(count(db, 'select count(*) as n from routes')).toBeGreaterThan(0);
    // Published simulator keys never reach a real deployment: its admin sets each provider's credentials.
    expect(count(db, 'select count(*) as n from provider_credentials')).toBe(0);
    expect(fs.existsSync(path.join(folder, 'secrets.json'))).toBe(false);
    const production = {
      NODE_ENV: 'production',
      DATABASE_PATH: db,
      AUTH_SECRET: secret(),
      CREDENTIALS_KEY: secret(),
      RECEIPT_KEY: secret(),
    };
    const weak = npmRun('admin:create', { ...production, ADMIN_PASSWORD: 'short' });
    expect(weak.status).not.toBe(0);
    expect(weak.output).toContain('at least 12 characters');
    expect(count(db, 'select count(*) as n from users')).toBe(0);
    const made = npmRun(
      'admin:create',
      { ...production, ADMIN_PASSWORD: 'a-long-first-admin-pass' },
      ['--email', 'Ops@Example.com', '--name', 'Ops'],
    );
    expect(made.status, made.output).toBe(0);
    expect(
      count(
        db,
        "select count(*) as n from users where email = 'ops@example.com' and role = 'admin'",
      ),
    ).toBe(1);
    expect(count(db, "select count(*) as n from audit_log where action = 'user.create'")).toBe(1);
  }, 180_000); // five script runs, each starting tsx and migrating a database

  it('keys:rotate-credentials re-seals the stored credentials under the new key', () => {
    const folder = dataFolder();
    const db = path.join(folder, 'portal.db');
    expect(npmRun('db:seed', { DATABASE_PATH: db }).status).toBe(0);
    const oldKey = (
      JSON.parse(fs.readFileSync(path.join(folder, 'secrets.json'), 'utf8')) as {
        CREDENTIALS_KEY: string;
      }
    ).CREDENTIALS_KEY;
    const newKey = randomBytes(32).toString('base64');
    const withoutOld = npmRun('keys:rotate-credentials', {
      DATABASE_PATH: db,
      CREDENTIALS_KEY: newKey,
    });
    expect(withoutOld.status).not.toBe(0);
    expect(withoutOld.output).toMatch(/CREDENTIALS_KEY_PREVIOUS/);
    const rotated = npmRun('keys:rotate-credentials', {
      DATABASE_PATH: db,
      CREDENTIALS_KEY: newKey,
      CREDENTIALS_KEY_PREVIOUS: oldKey,
    });
    expect(rotated.status, rotated.output).toBe(0);
    const sqlite = new Database(db, { readonly: true });
    const rows = sqlite
      .prepare('select provider, field, ciphertext from provider_credentials')
      .all() as { provider: string; field: string; ciphertext: string }[];
    sqlite.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(rotated.output).toContain(`${rows.length} credentials re-sealed`);
    for (const row of rows) {
      expect(decryptCredential(newKey, row.provider, row.field, row.ciphertext)).toBeTruthy();
      expect(() => decryptCredential(oldKey, row.provider, row.field, row.ciphertext)).toThrow();
    }
  });
});

/** Starts a long-running script, waits for the line that says it is up, then stops its process group. */
async function startsAndStops(
  script: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<string> {
  const child = spawn('npm', ['run', '--silent', script], {
    cwd: ROOT,
    env: cleanEnv(env) as unknown as NodeJS.ProcessEnv,
    detached: true,
  });
  let output = '';
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${script} did not start:\n${output}`)),
        30_000,
      );
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (ready.test(output)) {
          clearTimeout(timer);
          resolve(output);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${script} exited (${code}):\n${output}`));
      });
    });
  } finally {
    child.removeAllListeners('exit');
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
}

describe('long-running scripts start on a fresh data folder', () => {
  it('worker', async () => {
    const db = path.join(dataFolder(), 'portal.db');
    await startsAndStops('worker', { DATABASE_PATH: db }, /requery worker running/);
  });

  it('sim', async () => {
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const output = await startsAndStops('sim', { SIM_PORT: port }, /provider simulator listening/);
    expect(output).toContain(`:${port}`);
  });
});
