// The counter's sale, fast (in-memory world, in-process simulator): a failure that is not a refusal (the
// database or the engine broken) reaches the caller as an error, never as a refusal the agent would read
// as "your sale was refused", and nothing is charged.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { productSources, products, purchases } from '@/db/schema';
import { execute, first } from '@/db/query';
import { findWallet } from '@/lib/ledger/accounts';
import { createWorld, type MemoryWorld } from '@/test/world';
import { startSale } from './start-sale';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

const FUND = 1_000_000;
const balance = async () => (await findWallet(w.db, w.agentId, 'NGN'))!.balance;

describe('a failure that is not a refusal', () => {
  it('while opening a top-up is thrown to the caller; no sale, no charge', async () => {
    w = await T.fork();
    await w.fund(FUND);
    const broken = new Error('reference generator down');
    const sale = startSale(
      w.db,
      w.agentId,
      {
        idempotencyKey: 'start-sale-fast-0001',
        productId: w.airtime.id,
        phone: '08031234500',
        network: 'MTN',
        amountMinor: 10_000,
      },
      {
        provider: w.provider,
        newReference: () => {
          throw broken;
        },
      },
    );
    await expect(sale).rejects.toBe(broken);
    expect(await w.db.select().from(purchases)).toEqual([]);
    expect(await balance()).toBe(FUND);
  });

  it('while checking a bill is thrown to the caller; no sale, no charge', async () => {
    w = await T.fork();
    await w.fund(FUND);
    const product = (await first(
      w.db
        .select({ product: products })
        .from(products)
        .innerJoin(productSources, eq(productSources.productId, products.id))
        .where(and(eq(products.network, 'IKEDC'), eq(productSources.planCode, 'prepaid'))),
    ))!.product;
    // The verify cache is out of reach: the check fails on the database, not on the customer's meter.
    await execute(w.db, sql`alter table bill_verifications rename to bill_verifications_away`);
    const sale = startSale(
      w.db,
      w.agentId,
      {
        idempotencyKey: 'start-sale-fast-0002',
        productId: product.id,
        phone: '08031234500',
        network: 'IKEDC',
        account: '450123456700',
        amountMinor: 300_000,
      },
      { provider: w.provider },
    );
    await expect(sale).rejects.toThrow(/bill_verifications/);
    await execute(w.db, sql`alter table bill_verifications_away rename to bill_verifications`);
    expect(await w.db.select().from(purchases)).toEqual([]);
    expect(await balance()).toBe(FUND);
  });
});
