// The provider call and the requery (phase 2), fast (in-memory world, in-process simulator): what is sent
// for a bill, which reading of the answer codes a bill's requery gets, and what an answer is when the
// provider could not be asked: "not processed" only when the request surely never left (the next provider
// may take it), unknown (the money held until a requery knows) when the adapter failed on the way.
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { productSources, products, purchaseAttempts, purchases } from '@/db/schema';
import { createWorld, type MemoryWorld } from '@/test/world';
import { billProduct, sellTo } from '@/test/world/sales';
import { callProvider, requeryAttempt } from './call';
import { startSale, type SaleInput } from './start-sale';
import { first } from '@/db/query';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

let n = 0;

async function world() {
  w = await T.fork();
  await w.fund(10_000_000);
  return w;
}

/** The sale's row and its (only) attempt. */
async function rows(purchaseId: number) {
  const purchase = (await first(
    w.db.select().from(purchases).where(eq(purchases.id, purchaseId)),
  ))!;
  const attempt = (await first(
    w.db.select().from(purchaseAttempts).where(eq(purchaseAttempts.purchaseId, purchaseId)),
  ))!;
  return { purchase, attempt };
}

async function billSale(
  network: string,
  planCode: string,
  over: Partial<SaleInput>,
  fetch: typeof globalThis.fetch = w.sim.fetch,
) {
  const r = await startSale(
    w.db,
    w.agentId,
    {
      idempotencyKey: `call-fast-${++n}-xxxxxxxxxx`,
      productId: (await billProduct(w.db, network, planCode)).id,
      phone: '08031234567',
      network,
      confirmRepeat: true,
      ...over,
    },
    { now: () => Date.now(), provider: { fetch } },
  );
  if (!r.ok) throw r.refusal;
  return r.outcome;
}

/** Every VTpass answer, whatever was asked: 044 (TRANSACTION RESOLVED). */
const answering044 = (async () =>
  new Response(JSON.stringify({ code: '044', response_description: 'TRANSACTION RESOLVED' }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  })) as typeof fetch;

describe('what a bill sends', () => {
  it('a DStv change sends the bouquet and the months paid for; a renewal sends only "renew"', async () => {
    await world();
    const bodies: Record<string, unknown>[] = [];
    const capture = (async (input: string | URL | Request, init?: RequestInit) => {
      if (String(input).endsWith('/pay'))
        bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
      return await w.sim.fetch(input, init);
    }) as typeof fetch;
    const change = await billSale(
      'DSTV',
      'dstv-padi',
      { account: '1212121212', subscriptionType: 'change', quantity: 3 },
      capture,
    );
    expect(change.amountMinor).toBe(3 * 185_000);
    expect(bodies[0]).toMatchObject({
      billersCode: '1212121212',
      variation_code: 'dstv-padi',
      subscription_type: 'change',
      quantity: 3,
      amount: 5_550,
    });
    await billSale('DSTV', 'dstv79', { account: '1212121212', subscriptionType: 'renew' }, capture);
    expect(bodies[1]).toMatchObject({ billersCode: '1212121212', subscription_type: 'renew' });
    expect(bodies[1]).not.toHaveProperty('variation_code');
    expect(bodies[1]).not.toHaveProperty('quantity');
    // What was sent is what the sale keeps.
    expect((await rows(change.purchaseId)).purchase).toMatchObject({
      account: '1212121212',
      quantity: 3,
      subscriptionType: 'change',
    });
  });

  it('a bill at a provider without that bill family never left: not processed, nothing asked', async () => {
    await world();
    const sale = await billSale('IKEDC', 'prepaid', {
      account: '450123456700',
      amountMinor: 300_000,
    });
    const { purchase, attempt } = await rows(sale.purchaseId);
    const calls = w.sim.calls.length;
    expect(
      await callProvider(w.db, purchase, { ...attempt, provider: 'jonet' }, w.provider),
    ).toEqual({
      status: 'NOT_PROCESSED',
      providerCode: 'unsupported_family',
      message: 'jonet sells no electricity',
      exchanges: [],
    });
    expect(w.sim.calls.length).toBe(calls);
  });
});

describe('a bill’s requery reads the answer with its family’s code table', () => {
  it('044 is pending for electricity and TV (a token may still come), manual review for a top-up', async () => {
    await world();
    const meter = await billSale('IKEDC', 'prepaid', {
      account: '450123456700',
      amountMinor: 300_000,
    });
    const tv = await billSale('DSTV', 'dstv-padi', {
      account: '1212121212',
      subscriptionType: 'change',
      quantity: 1,
    });
    const topUp = (await sellTo(w, { ending: '00' })).outcome;
    expect(topUp.provider).toBe('vtpass');
    const requery = async (purchaseId: number) =>
      await requeryAttempt(w.db, (await rows(purchaseId)).attempt, { fetch: answering044 });
    expect(await requery(meter.purchaseId)).toMatchObject({
      status: 'PENDING',
      providerCode: '044',
    });
    expect(await requery(tv.purchaseId)).toMatchObject({ status: 'PENDING', providerCode: '044' });
    expect(await requery(topUp.purchaseId)).toMatchObject({
      status: 'MANUAL_REVIEW',
      providerCode: '044',
    });
  });
});

describe('an adapter that fails on the way', () => {
  it('makes the call and the requery unknown with its error, never "not processed"', async () => {
    await world();
    const sale = (await sellTo(w, { ending: '00' })).outcome;
    const { purchase, attempt } = await rows(sale.purchaseId);
    const broken = {
      fetch: w.sim.fetch,
      now: () => {
        throw new Error('clock unreadable');
      },
    };
    const unknown = {
      status: 'UNKNOWN',
      providerCode: 'adapter_error',
      message: 'clock unreadable',
      exchanges: [],
    };
    expect(await callProvider(w.db, purchase, attempt, broken)).toEqual(unknown);
    expect(await requeryAttempt(w.db, attempt, broken)).toEqual(unknown);
    const meter = await billSale('IKEDC', 'prepaid', {
      account: '450123456700',
      amountMinor: 300_000,
    });
    const bill = await rows(meter.purchaseId);
    expect(await callProvider(w.db, bill.purchase, bill.attempt, broken)).toEqual(unknown);
    expect(await requeryAttempt(w.db, bill.attempt, broken)).toEqual(unknown);
  });
});
