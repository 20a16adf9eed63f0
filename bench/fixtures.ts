/**
 * A fresh bench database: the normal seed, a dedicated bench agent with a large float, and the
 * catalogue synced from the simulator. Runs inside a child process whose env points at the bench
 * files (lib/env is read at import time).
 */
import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/client';
import { products } from '@/db/schema';
import { seed } from '@/db/seed';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { commissionBps, priceSale } from '@/lib/catalogue/pricing';
import { getProduct } from '@/lib/catalogue/routing';
import { syncCatalogue } from '@/lib/catalogue/run-sync';
import { fundWallet } from '@/lib/ledger/funding';
import { applyProviderResult } from '@/lib/purchases/apply-result';
import { openSale } from '@/lib/purchases/open';
import { createReferenceGenerator } from '@/lib/providers/reference';
import { createUser } from '@/lib/users/commands';
import { createApiKey, setApiKeyRateLimits } from '@/lib/api/keys';
import { BENCH_AGENT } from './config';

export interface BenchFixture {
  db: Db;
  agentId: number;
  productId: number;
  /** The bench agent's API key, limits raised so the limiter counts every request but refuses none. */
  apiKey: string;
}

export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

export async function prepareBenchDatabase(file: string, simulatorUrl: string): Promise<BenchFixture> {
  removeDatabase(file);
  const db = openDatabase(file);
  await seed(db, simulatorUrl);
  const agent = await createUser(db, SYSTEM_ACTOR, { ...BENCH_AGENT, role: 'agent', currencies: ['NGN'] });
  fundWallet(db, SYSTEM_ACTOR, {
    agentId: agent.id, currency: 'NGN', amount: BENCH_AGENT.floatMinor, direction: 'credit',
    reference: 'bench-opening-float', reason: 'Benchmark float',
  });
  const synced = await syncCatalogue(db);
  const failed = synced.filter((s) => 'error' in s);
  if (failed.length > 0) throw new Error(`catalogue sync failed: ${JSON.stringify(failed)}`);
  const product = db.select().from(products)
    .where(and(eq(products.currency, 'NGN'), eq(products.network, 'MTN'), eq(products.type, 'airtime'), eq(products.active, true)))
    .get();
  if (!product) throw new Error('no MTN airtime product after the catalogue sync');
  const { key: apiKey, row } = createApiKey(db, SYSTEM_ACTOR, agent.id, { name: 'bench', scopes: ['read', 'sell'], allowedIps: [] });
  setApiKeyRateLimits(db, SYSTEM_ACTOR, row.id, { saleRatePerSecond: 100_000, readRatePerSecond: 100_000 });
  return { db, agentId: agent.id, productId: product.id, apiKey };
}

/**
 * A function that makes one settled ₦100 sale of the product per call, in-process: openSale, then
 * applyProviderResult with a SUCCESS, as the portal does when the provider answers at once.
 */
export function ledgerSeller(db: Db, agentId: number, productId: number, keyPrefix: string): () => void {
  const product = getProduct(db, productId);
  if (!product) throw new Error(`no product ${productId}`);
  const price = priceSale(10_000, commissionBps(db, agentId, product.currency, product.network, product.type));
  const newReference = createReferenceGenerator();
  let n = 0;
  return () => {
    n += 1;
    const now = Date.now();
    const phone = `0803${String(n % 10_000_000).padStart(7, '0')}`;
    const opened = openSale(db, { agentId, idempotencyKey: `${keyPrefix}-${n}-bench-key`, product, phone, network: product.network, price }, newReference, now);
    if (opened.kind !== 'opened') throw new Error('bench sale replayed');
    applyProviderResult(db, opened.attempt.id, { status: 'SUCCESS', providerCode: '000', exchanges: [] }, { by: 'purchase', now });
  };
}
