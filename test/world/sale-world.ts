import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '@/db';
import { products, providerSettings } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { syncCatalogue } from '@/lib/catalogue/run-sync';
import { fundWallet } from '@/lib/ledger/funding';
import type { Currency } from '@/lib/money';
import { seedProviderSettings } from '@/lib/provider-settings/seed';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '@/simulator/server';
import { seed } from '@/db/seed';
import { createTestDb, insertUser } from './db';

export interface SaleWorld {
  db: Db;
  file: string;
  sim: RunningSimulator;
  agentId: number;
  product: (filter: { currency?: Currency; network: string; type: 'airtime' | 'data' }) => typeof products.$inferSelect;
  fund: (amountMinor: number, currency?: Currency) => void;
  /** Another agent, funded in NGN with the given amount. */
  newAgent: (fundMinor: number) => number;
  cleanup: () => Promise<void>;
}

/**
 * A real database, the real simulator over HTTP, providers configured against it with a short
 * timeout, the catalogue synced, and one agent: the world a sale runs in.
 */
export async function createSaleWorld(opts: { timeoutMs?: number; sim?: SimulatorOptions } = {}): Promise<SaleWorld> {
  const { db, file, cleanup } = createTestDb();
  const sim = await startSimulator({ port: 0, pendingResolveMs: 300, timeoutHoldMs: 5_000, ...opts.sim });
  await seed(db, sim.url);
  seedProviderSettings(db, sim.url);
  // The catalogue syncs with the providers' own timeouts (a slow machine must not drop a provider's plans);
  // the sales' short timeout comes after.
  await syncCatalogue(db);
  db.update(providerSettings).set({ timeoutMs: opts.timeoutMs ?? 1_000 }).run();
  const agent = insertUser(db);
  let funded = 0;
  const fundAgent = (agentId: number, amount: number, currency: Currency) => {
    funded += 1;
    fundWallet(db, SYSTEM_ACTOR, { agentId, currency, amount, direction: 'credit', reference: `test-fund-${agentId}-${funded}`, reason: 'test' });
  };
  return {
    db,
    file,
    sim,
    agentId: agent.id,
    product: ({ currency = 'NGN', network, type }) => {
      const rows = db.select().from(products).where(eq(products.network, network)).all();
      const match = rows.find((p) => p.currency === currency && p.type === type && p.active);
      if (!match) throw new Error(`No ${currency} ${network} ${type} product after sync`);
      return match;
    },
    fund: (amountMinor, currency = 'NGN') => fundAgent(agent.id, amountMinor, currency),
    newAgent: (fundMinor) => {
      const other = insertUser(db);
      fundAgent(other.id, fundMinor, 'NGN');
      return other.id;
    },
    cleanup: async () => {
      await sim.close();
      cleanup();
    },
  };
}

/**
 * For a test file: builds the world before its first test, funds the main agent, hands it to
 * `ready`, and cleans it up after its last test.
 */
export function withSaleWorld(fundMinor: number, ready: (world: SaleWorld) => void): void {
  let world: SaleWorld | undefined;
  beforeAll(async () => {
    world = await createSaleWorld();
    world.fund(fundMinor);
    ready(world);
  }, 60_000);
  afterAll(async () => world?.cleanup());
}
