// Opening a sale (phase 1, no provider call), fast (in-memory world): the sale and its first attempt start
// UNKNOWN with one reference, the agent's cost is reserved under words the agent can read, the first
// requery is booked at the documented delay, the number is remembered with its circle, the timeline
// says who was asked; the same form for a different sale is refused; the daily limit counts every sale
// that may still cost the agent; a product nobody can sell is refused before anything is written.
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  beneficiaries,
  productSources,
  products,
  purchaseAttempts,
  purchases,
  requeryJobs,
  users,
} from '@/db/schema';
import { findWallet } from '@/lib/ledger/accounts';
import { listStatement } from '@/lib/ledger/statement';
import { Refusal } from '@/lib/errors';
import { createReferenceGenerator } from '@/lib/providers/reference';
import { createWorld, type MemoryWorld } from '@/test/world';
import { HELPER_COMMISSION_BPS, saleRequest } from '@/test/world/sales';
import type { BillSale } from '@/lib/bills/sale';
import { priceSale } from '@/lib/catalogue/pricing';
import { openSale, requestHash, type SaleRequest } from './open';
import { getSaleTimeline } from './timeline';
import { first } from '@/db/query';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

const SECOND = 1_000;
const now = Date.UTC(2026, 11, 2, 10, 0); // 11:00 in Lagos
const newReference = createReferenceGenerator(() => new Date(now));
const open = async (request: SaleRequest, at = now) =>
  await openSale(w.db, request, newReference, at);
function opened(result: Awaited<ReturnType<typeof open>>) {
  if (result.kind !== 'opened') throw new Error('expected a new sale');
  return result;
}
const jobOf = async (purchaseId: number) =>
  (await first(w.db.select().from(requeryJobs).where(eq(requeryJobs.purchaseId, purchaseId))))!;
const setStatus = async (purchaseId: number, status: 'PENDING' | 'MANUAL_REVIEW' | 'FAILED') =>
  await w.db.update(purchases).set({ status }).where(eq(purchases.id, purchaseId));

describe('opening a sale', () => {
  it('starts the sale and its attempt unknown, reserves the cost, books the first requery in 30 s', async () => {
    w = await T.fork();
    await w.fund(100_000);
    const request = saleRequest(w, { ending: '00' });
    const { purchase, attempt, route } = opened(await open(request));
    expect(route.map((s) => s.provider)).toEqual(w.routes.airtime);
    expect(purchase).toMatchObject({ status: 'UNKNOWN', provider: route[0]!.provider });
    expect(attempt).toMatchObject({
      status: 'UNKNOWN',
      provider: route[0]!.provider,
      reference: purchase.reference,
      purchaseId: purchase.id,
    });
    expect(await findWallet(w.db, w.agentId, 'NGN')).toMatchObject({
      balance: 100_000 - request.price.agentCostMinor,
      reserved: request.price.agentCostMinor,
    });
    const [reserve] = (await listStatement(w.db, (await findWallet(w.db, w.agentId, 'NGN'))!.id))
      .rows;
    expect(reserve).toMatchObject({
      purchaseId: purchase.id,
      debit: request.price.agentCostMinor,
      memo: `${request.product.name} to ${request.phone}`,
    });
    // docs/providers/README.md#common-rules rule 5: the first requery after 30 s.
    expect(await jobOf(purchase.id)).toMatchObject({
      attemptId: attempt.id,
      nextAt: now + 30 * SECOND,
      tries: 0,
    });
    expect((await getSaleTimeline(w.db, purchase.id))!.events).toEqual([
      expect.objectContaining({
        kind: 'opened',
        attemptId: attempt.id,
        status: 'UNKNOWN',
        at: now,
        detail: { provider: route[0]!.provider, reference: purchase.reference },
      }),
    ]);
  });

  it('a provider that asks not to be polled sooner gets its first requery after a minute (JoNet)', async () => {
    w = await T.fork();
    await w.fund(100_000);
    expect(w.routes.data[0]).toBe('jonet');
    const { purchase } = opened(await open(saleRequest(w, { ending: '00', product: w.data })));
    expect((await jobOf(purchase.id)).nextAt).toBe(now + 60 * SECOND);
  });

  it('remembers the number with its network and circle', async () => {
    w = await T.fork();
    await w.fund(100_000, 'INR');
    const product = await w.product({ currency: 'INR', network: 'AIRTEL', type: 'airtime' });
    // The number's circle (telecom circle 5), chosen at the counter.
    const request = {
      ...saleRequest(w, { ending: '00', product }),
      phone: '9876543200',
      circle: '5',
    };
    const { purchase } = opened(await open(request));
    expect(purchase.circle).toBe('5');
    expect(
      await w.db.select().from(beneficiaries).where(eq(beneficiaries.phone, '9876543200')),
    ).toEqual([
      expect.objectContaining({
        agentId: w.agentId,
        currency: 'INR',
        network: 'AIRTEL',
        circle: '5',
        lastUsedAt: now,
      }),
    ]);
  });

  it('the same form replays its sale; sent for another circle or number, it is refused', async () => {
    w = await T.fork();
    await w.fund(100_000, 'INR');
    const product = await w.product({ currency: 'INR', network: 'AIRTEL', type: 'airtime' });
    const request = {
      ...saleRequest(w, { ending: '00', product }),
      phone: '9876543201',
      circle: '5',
    };
    const original = opened(await open(request));
    expect(await open(request, now + SECOND)).toEqual({
      kind: 'replay',
      purchase: await first(
        w.db.select().from(purchases).where(eq(purchases.id, original.purchase.id)),
      ),
    });
    const refused = new Refusal(
      'This form was already used for a different sale. Start a new sale.',
    );
    await expect(open({ ...request, circle: '23' })).rejects.toThrow(refused);
    await expect(open({ ...request, phone: '9876543202' })).rejects.toThrow(refused);
    expect(await w.db.select().from(purchaseAttempts)).toHaveLength(1);
  });
});

describe('the daily limit', () => {
  it('counts today’s sales that may still cost the agent: pending, unknown, in review, delivered', async () => {
    w = await T.fork();
    await w.fund(1_000_000);
    await w.db.update(users).set({ dailyLimitMinor: 40_000 }).where(eq(users.id, w.agentId));
    const sale = async (ending: string) =>
      opened(await open(saleRequest(w, { ending, amountMinor: 10_000 }))).purchase.id;
    await setStatus(await sale('00'), 'PENDING');
    await sale('01'); // stays UNKNOWN
    await setStatus(await sale('02'), 'MANUAL_REVIEW');
    await setStatus(await sale('03'), 'FAILED'); // refunded: it no longer counts
    // 30,000 counted: one more of 10,000 reaches the limit, and the next passes it.
    const fourth = await sale('04');
    await expect(sale('05')).rejects.toThrow(/would pass your daily limit of ₦400/);
    expect(
      await first(w.db.select().from(purchases).where(eq(purchases.id, fourth))),
    ).toBeDefined();
  });
});

describe('a product nobody can sell', () => {
  it('is refused before anything is written', async () => {
    w = await T.fork();
    await w.fund(100_000);
    await w.db
      .update(productSources)
      .set({ available: false })
      .where(eq(productSources.productId, w.airtime.id));
    const before = (await w.db.select().from(purchases)).length;
    await expect(open(saleRequest(w, { ending: '00' }))).rejects.toThrow(
      new Refusal('This product cannot be sold right now. Try another plan or network.'),
    );
    expect(await w.db.select().from(purchases)).toHaveLength(before);
  });
});

describe('opening a bill', () => {
  /** A DStv "change" to Padi for three months, as the counter hands it to the engine after verify. */
  async function billRequest(bill: Partial<BillSale> = {}) {
    const product = (await first(
      w.db
        .select({ product: products })
        .from(products)
        .innerJoin(productSources, eq(productSources.productId, products.id))
        .where(and(eq(products.network, 'DSTV'), eq(productSources.planCode, 'dstv-padi'))),
    ))!.product;
    const b: BillSale = {
      account: '1212121212',
      quantity: 3,
      subscriptionType: 'change',
      amountMinor: 555_000,
      tokenExpected: false,
      customerName: 'ADA OBI',
      ...bill,
    };
    return {
      ...saleRequest(w, { ending: '00', product }),
      phone: '08031234500',
      price: priceSale(b.amountMinor, HELPER_COMMISSION_BPS),
      bill: b,
    };
  }

  it('keeps the bill as confirmed (account, months, renew or change, verify’s name) and remembers no number', async () => {
    w = await T.fork();
    await w.fund(1_000_000);
    const { purchase } = opened(await open(await billRequest()));
    expect(purchase).toMatchObject({
      account: '1212121212',
      quantity: 3,
      subscriptionType: 'change',
      customerName: 'ADA OBI',
      amountMinor: 555_000,
    });
    // A biller is no network to pre-fill for the customer's phone.
    expect(
      await w.db.select().from(beneficiaries).where(eq(beneficiaries.phone, '08031234500')),
    ).toEqual([]);
  });

  it('the same form for another account, number of months or kind of subscription is refused', async () => {
    w = await T.fork();
    await w.fund(1_000_000);
    const request = await billRequest();
    opened(await open(request));
    expect((await open(request, now + SECOND)).kind).toBe('replay');
    const refused = new Refusal(
      'This form was already used for a different sale. Start a new sale.',
    );
    for (const other of [
      { account: '1212121213' },
      { quantity: 2 },
      { subscriptionType: 'renew' as const },
    ])
      await expect(open({ ...request, bill: { ...request.bill, ...other } })).rejects.toThrow(
        refused,
      );
    expect(await w.db.select().from(purchaseAttempts)).toHaveLength(1);
  });
});

describe('the request hash of a top-up', () => {
  // Pinned: a top-up's hash must stay what it was before bills added their fields, or a form sent again
  // for a sale opened before an upgrade would be refused as a different sale (or a different one replayed).
  // The values are the SHA-256 of `[7,"08031234567","MTN","",10000]` and `[7,"08031234567","MTN","5",10000]`
  // (product, number, network, circle, amount), checked with `sha256sum`.
  it('is what it always was, with and without a circle', () => {
    const topUp = {
      agentId: 1,
      idempotencyKey: 'k',
      product: { id: 7 } as Parameters<typeof requestHash>[0]['product'],
      phone: '08031234567',
      network: 'MTN',
      price: priceSale(10_000, 300),
    };
    expect(requestHash(topUp)).toBe(
      '72620c5d4b4e96a9a0b599df4a8ec11ed8c0d1692bf88aa66607d756cb07d26b',
    );
    expect(requestHash({ ...topUp, circle: '5' })).toBe(
      '82b5792d1d062acceb8c679b280262e8efb81957346fa1ff4effef463491d43a',
    );
  });
});
