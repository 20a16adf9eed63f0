// The fast money world: the real schema and migrations in an in-memory SQLite database, seeded and
// catalogue-synced once per test file against the in-process simulator, then copied per test in
// microseconds (serialize/deserialize). No files, no fsync, no sockets, no processes: the layer the
// mutation run uses. What only a real file, real HTTP or real processes can show stays in lib/proof.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { openDatabase, type Db } from '@/db/client';
import * as schema from '@/db/schema';
import { seed } from '@/db/seed';
import { env } from '@/lib/env';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { syncCatalogue } from '@/lib/catalogue/run-sync';
import { walletAccount } from '@/lib/ledger/accounts';
import { fundWallet } from '@/lib/ledger/funding';
import type { Currency } from '@/lib/money';
import { createInProcessSimulator, IN_PROCESS_URL, type InProcessSimulator } from './in-process-simulator';
import { insertUser } from './db';

export interface MemoryTemplate {
  image: Buffer;
  agentId: number;
}

// The seeded image is cached on disk between runs (a mutation run re-enters each test file per mutant, and
// seeding hashes three demo passwords). The key covers everything the image is built from.
const IMAGE_SOURCES = ['db/migrations', 'db/seed.ts', 'simulator/catalogue.ts', 'lib/catalogue/sync.ts', 'test/world/memory-world.ts'];

function imageKey(): string {
  const hash = createHash('sha256');
  const add = (file: string) => {
    if (fs.statSync(file).isDirectory()) fs.readdirSync(file).sort().forEach((f) => add(path.join(file, f)));
    else hash.update(file).update(fs.readFileSync(file));
  };
  IMAGE_SOURCES.forEach(add);
  // The seeded provider credentials are sealed with this run's key: an image from a run with another
  // key would hold credentials nobody can open, and every sale would find its provider unconfigured.
  hash.update(env.CREDENTIALS_KEY);
  return hash.digest('hex').slice(0, 16);
}

/** Seeds and syncs once (or reads the cached image); every world copies the image. */
export async function createMemoryTemplate(): Promise<MemoryTemplate> {
  const cache = path.join(os.tmpdir(), `portal-memory-template-${imageKey()}`);
  if (fs.existsSync(`${cache}.db`) && fs.existsSync(`${cache}.json`)) {
    return { image: fs.readFileSync(`${cache}.db`), ...(JSON.parse(fs.readFileSync(`${cache}.json`, 'utf8')) as { agentId: number }) };
  }
  const template = await buildTemplate();
  const tmp = `${cache}.${process.pid}`;
  fs.writeFileSync(`${tmp}.db`, template.image);
  fs.writeFileSync(`${tmp}.json`, JSON.stringify({ agentId: template.agentId }));
  fs.renameSync(`${tmp}.db`, `${cache}.db`); // atomic: a parallel worker sees the whole image or none
  fs.renameSync(`${tmp}.json`, `${cache}.json`);
  return template;
}

async function buildTemplate(): Promise<MemoryTemplate> {
  const db = openDatabase(':memory:');
  const sim = createInProcessSimulator();
  await seed(db, IN_PROCESS_URL);
  await syncCatalogue(db, { fetch: sim.fetch });
  sim.dispose();
  const agent = insertUser(db);
  walletAccount(db, agent.id, 'NGN');
  walletAccount(db, agent.id, 'INR');
  const image = db.$client.serialize();
  db.$client.close();
  return { image, agentId: agent.id };
}

export interface MemoryWorld {
  db: Db;
  sim: InProcessSimulator;
  agentId: number;
  /** The provider deps every money call of the test passes on (the in-process simulator's fetch). */
  provider: { fetch: typeof fetch };
  fund(amountMinor: number, currency?: Currency): void;
  close(): void;
}

let fundings = 0;

export function memoryWorld(t: MemoryTemplate, simOpts: Parameters<typeof createInProcessSimulator>[0] = {}): MemoryWorld {
  const sqlite = new Database(t.image);
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema }) as Db;
  const sim = createInProcessSimulator(simOpts);
  return {
    db, sim, agentId: t.agentId, provider: { fetch: sim.fetch },
    fund: (amount, currency = 'NGN') => {
      fundWallet(db, SYSTEM_ACTOR, { agentId: t.agentId, currency, amount, direction: 'credit', reference: `memory-fund-${++fundings}`, reason: 'test' });
    },
    close: () => {
      sim.dispose();
      sqlite.close();
    },
  };
}
