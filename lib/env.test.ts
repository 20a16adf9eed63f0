import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Env } from './env';

const GOOD = {
  AUTH_SECRET: 'a'.repeat(32),
  CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
  RECEIPT_KEY: 'r'.repeat(32),
};

const saved = { ...process.env };
const folders: string[] = [];
afterEach(() => {
  process.env = { ...saved };
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** lib/env as a fresh process would parse it, with exactly these variables. */
async function loadEnv(vars: Record<string, string>): Promise<Env> {
  process.env = { ...vars } as NodeJS.ProcessEnv;
  vi.resetModules();
  return (await import('./env')).env;
}

function dataFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-env-'));
  folders.push(folder);
  return folder;
}

describe('secrets in production', () => {
  it('refuses to start without them, naming each one and the command that makes it', async () => {
    const error = await loadEnv({
      NODE_ENV: 'production',
      DATABASE_PATH: path.join(dataFolder(), 'portal.db'),
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    for (const name of ['AUTH_SECRET', 'CREDENTIALS_KEY', 'RECEIPT_KEY']) {
      expect(message).toMatch(
        new RegExp(`${name} is missing .*generate one with: openssl rand -base64 32`),
      );
    }
  });

  it('refuses a secret of the wrong length, and names only that one', async () => {
    const short = {
      ...GOOD,
      NODE_ENV: 'production',
      CREDENTIALS_KEY: Buffer.alloc(16).toString('base64'),
    };
    const message = ((await loadEnv(short).catch((e: Error) => e)) as Error).message;
    expect(message).toMatch(/CREDENTIALS_KEY must be 32 bytes, base64-encoded/);
    expect(message).not.toMatch(/AUTH_SECRET|RECEIPT_KEY/);
    const weak = (
      (await loadEnv({ ...GOOD, NODE_ENV: 'production', AUTH_SECRET: 'short' }).catch(
        (e: Error) => e,
      )) as Error
    ).message;
    expect(weak).toMatch(/AUTH_SECRET must be at least 32 characters/);
  });

  it('starts with all three, never writes a secrets file, and is not a demo', async () => {
    const folder = dataFolder();
    const env = await loadEnv({
      ...GOOD,
      NODE_ENV: 'production',
      DATABASE_PATH: path.join(folder, 'portal.db'),
    });
    expect(env).toMatchObject({ ...GOOD, DEMO: 'off' });
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('lets `next build` compile without them (nothing is served while building)', async () => {
    const env = await loadEnv({
      NODE_ENV: 'production',
      NEXT_PHASE: 'phase-production-build',
      DATABASE_PATH: path.join(dataFolder(), 'portal.db'),
    });
    expect(env.AUTH_SECRET).toBe('');
  });
});

describe('secrets of the demo', () => {
  it('are generated on first start into the data folder, owner-only, and the same on the next start', async () => {
    const folder = dataFolder();
    const first = await loadEnv({ DATABASE_PATH: path.join(folder, 'portal.db') });
    const file = path.join(folder, 'secrets.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.DEMO).toBe('on');
    expect(Buffer.from(first.CREDENTIALS_KEY, 'base64')).toHaveLength(32);
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(new Set([first.AUTH_SECRET, first.CREDENTIALS_KEY, first.RECEIPT_KEY]).size).toBe(3);
    const second = await loadEnv({ DATABASE_PATH: path.join(folder, 'portal.db') });
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    // Another demo folder, other secrets: nothing fixed in the code.
    const other = await loadEnv({ DATABASE_PATH: path.join(dataFolder(), 'portal.db') });
    expect(other.AUTH_SECRET).not.toBe(first.AUTH_SECRET);
  });

  it('give way to a secret set in the environment', async () => {
    const env = await loadEnv({
      DATABASE_PATH: path.join(dataFolder(), 'portal.db'),
      RECEIPT_KEY: GOOD.RECEIPT_KEY,
    });
    expect(env.RECEIPT_KEY).toBe(GOOD.RECEIPT_KEY);
  });

  it('have no default in the code any more', () => {
    const source = fs.readFileSync(path.join(__dirname, 'env.ts'), 'utf8');
    expect(source).not.toMatch(/dev-only|change-me/);
  });
});

describe('TRUST_PROXY', () => {
  it('refuses "true" at start, saying what it takes', async () => {
    const message = (
      (await loadEnv({ ...GOOD, TRUST_PROXY: 'true' }).catch((e: Error) => e)) as Error
    ).message;
    expect(message).toMatch(/TRUST_PROXY takes the number of proxy hops/);
  });
});
