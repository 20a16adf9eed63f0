// The proof suite's world: one simulator and one seeded, catalogue-synced template database per test
// file; every run gets its own copy of the template file, so a run starts from a known state in
// milliseconds instead of re-seeding and re-syncing over HTTP.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/client';
import { products, productSources, providerSettings } from '@/db/schema';
import { seed } from '@/db/seed';
import { routeFor } from '@/lib/catalogue/routing';
import { syncCatalogue } from '@/lib/catalogue/run-sync';
import { walletAccount } from '@/lib/ledger/accounts';
import { seedProviderSettings } from '@/lib/provider-settings/seed';
import { createReferenceGenerator } from '@/lib/providers/reference';
import { insertUser } from '@/test/world/db';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '@/simulator/server';

export type Product = typeof products.$inferSelect;

export interface ProofTemplate {
  sim: RunningSimulator;
  dir: string;
  templateFile: string;
  /** An agent with an NGN wallet at zero. */
  agentId: number;
  /** MTN airtime (route vtpass → jonet → cwg). */
  airtime: Product;
  /** An MTN data bundle (route jonet → vtpass → cwg): JoNet refunds a definite failure at once. */
  data: Product;
  /** Each product's configured route (the admin's provider order, less providers that do not carry it). */
  routes: { airtime: string[]; data: string[] };
  /** A fresh copy of the template: its own file, opened with the real settings. */
  newDb(): ProofDb;
  close(): Promise<void>;
}

export interface ProofDb {
  db: Db;
  file: string;
  /** Close and reopen the same file, as a process restart would. */
  restart(): Db;
  cleanup(): void;
}

let copies = 0;

export async function createProofTemplate(opts: { timeoutMs?: number; sim?: SimulatorOptions } = {}): Promise<ProofTemplate> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-proof-'));
  const templateFile = path.join(dir, 'template.db');
  const sim = await startSimulator({ port: 0, pendingResolveMs: 20, timeoutHoldMs: 10_000, ...opts.sim });
  const db = openDatabase(templateFile);
  await seed(db, sim.url);
  seedProviderSettings(db, sim.url);
  // The catalogue syncs with the providers' own timeouts: a slow machine must not leave a provider's
  // plans out of the template. The sales' short timeout comes after.
  await syncCatalogue(db);
  db.update(providerSettings).set({ timeoutMs: opts.timeoutMs ?? 1_000 }).run();
  const agent = insertUser(db);
  // The wallet exists (at zero) before the first funding, like an agent created through the admin UI.
  walletAccount(db, agent.id, 'NGN');
  const airtime = db.select().from(products)
    .where(and(eq(products.currency, 'NGN'), eq(products.network, 'MTN'), eq(products.type, 'airtime'), eq(products.active, true))).get();
  if (!airtime) throw new Error('No MTN airtime product after sync');
  // The bundle the most Nigerian providers carry, so its route is as long as the configuration allows.
  const data = db.select().from(products)
    .where(and(eq(products.currency, 'NGN'), eq(products.network, 'MTN'), eq(products.type, 'data'), eq(products.active, true)))
    .orderBy(sql`(select count(*) from ${productSources} s where s.product_id = ${products.id} and s.available) desc`, products.id).get();
  if (!data?.priceMinor) throw new Error('No priced MTN data product after sync');
  const routes = { airtime: routeFor(db, airtime).map((s) => s.provider), data: routeFor(db, data).map((s) => s.provider) };
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();

  return {
    sim, dir, templateFile, agentId: agent.id, airtime, data, routes,
    newDb: () => copyTemplate(dir, templateFile),
    close: async () => {
      await sim.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function copyTemplate(dir: string, templateFile: string): ProofDb {
  copies += 1;
  const file = path.join(dir, `run-${process.pid}-${copies}.db`);
  fs.copyFileSync(templateFile, file);
  const handle: ProofDb = {
    db: openDatabase(file, { migrate: false }),
    file,
    restart: () => {
      handle.db.$client.close();
      handle.db = openDatabase(file);
      return handle.db;
    },
    cleanup: () => {
      if (handle.db.$client.open) handle.db.$client.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    },
  };
  return handle;
}

/** References stamped with the real time (the simulator checks them), whatever clock the ledger uses. */
export const realTimeReferences = () => createReferenceGenerator(() => new Date());

/** A Nigerian number whose last two digits pick the simulator's outcome. */
export const magicPhone = (middle: number, lastTwo: string) => `0803${String(middle % 100_000).padStart(5, '0')}${lastTwo}`;

export const count = (db: Db, table: string) => db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`))?.n ?? 0;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
