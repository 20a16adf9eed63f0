// Bills through the one sale path, fast (in-memory world, in-process simulator): verify before money,
// the amount rules, the token on every answer path, the awaiting-token requery and the write-once token.
// Endings from docs/simulator.md#bills-vtpass-electricity-and-tv: 00 token at once, 51 pending, 63 token
// only on requery, 64 token later (held), 97 ₦10,000 maximum, 98 ₦2,000 minimum, 99 wrong account.
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ledgerEntries,
  productSources,
  products,
  purchaseAttempts,
  purchaseEvents,
  purchases,
  requeryJobs,
} from '@/db/schema';
import { Refusal } from '@/lib/errors';
import { findWallet } from '@/lib/ledger/accounts';
import { allViolations } from '@/lib/ledger/invariants';
import { adminResolve } from '@/lib/purchases/admin-resolve';
import { applyProviderResult } from '@/lib/purchases/apply-result';
import { handleCallback } from '@/lib/purchases/callbacks';
import { runRequeryPass } from '@/lib/purchases/requery-worker';
import { startSale, type SaleInput } from '@/lib/purchases/start-sale';
import { createWorld, type MemoryWorld } from '@/test/world';
import { billProduct } from '@/test/world/sales';
import { verifyBillAccount } from './verify';
import { first } from '@/db/query';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

let clock = 0;
let n = 0;
const TOKEN = /^\d{20}$/;

async function world(fundMinor = 10_000_000) {
  w = await T.fork();
  clock = Date.now();
  await w.fund(fundMinor);
  return w;
}

/** A meter number whose last two digits choose the simulator's answer. */
const meterEnding = (lastTwo: string) => `450${String(1_000_000 + ++n).slice(1)}${lastTwo}`;
const wallet = async () => (await findWallet(w.db, w.agentId, 'NGN'))!.balance;
const entries = async () => (await w.db.select().from(ledgerEntries)).length;
const row = async (id: number) =>
  (await first(w.db.select().from(purchases).where(eq(purchases.id, id))))!;
const jobOf = async (purchaseId: number) =>
  await first(w.db.select().from(requeryJobs).where(eq(requeryJobs.purchaseId, purchaseId)));
const attemptOf = async (purchaseId: number) =>
  (await first(
    w.db.select().from(purchaseAttempts).where(eq(purchaseAttempts.purchaseId, purchaseId)),
  ))!;
const requery = async (at: number) =>
  await runRequeryPass(w.db, { now: () => at, owner: 'bills', provider: w.provider });

async function electricity(meter: string, amountMinor: number, over: Partial<SaleInput> = {}) {
  const product = await billProduct(w.db, 'IKEDC', 'prepaid');
  return await startSale(
    w.db,
    w.agentId,
    {
      idempotencyKey: `bill-sale-${++n}-xxxxxxxx`,
      productId: product.id,
      phone: '08031234567',
      network: 'IKEDC',
      account: meter,
      amountMinor,
      ...over,
    },
    { now: () => clock, provider: w.provider },
  );
}

async function sold(meter: string, amountMinor = 300_000, over: Partial<SaleInput> = {}) {
  const r = await electricity(meter, amountMinor, over);
  if (!r.ok) throw r.refusal;
  return r.outcome;
}

describe('verify, before the confirm step and again before money moves', () => {
  it('names the meter’s holder, address and type; a wrong meter is refused on the account field', async () => {
    await world();
    const product = await billProduct(w.db, 'IKEDC', 'prepaid');
    const customer = await verifyBillAccount(
      w.db,
      { productId: product.id, account: '1111111111111' },
      { provider: w.provider },
    );
    expect(customer).toMatchObject({ account: '1111111111111', meterType: 'prepaid' });
    expect(customer.name).not.toBe('');
    expect(customer.address).toContain('IKEJA ELECTRIC');
    const wrong = verifyBillAccount(
      w.db,
      { productId: product.id, account: meterEnding('99') },
      { provider: w.provider },
    );
    await expect(wrong).rejects.toBeInstanceOf(Refusal);
    await expect(wrong).rejects.toMatchObject({ field: 'account' });
  });

  it('a sale to a wrong meter is refused with nothing debited, even without the verify step', async () => {
    await world();
    const before = { wallet: await wallet(), entries: await entries() };
    const r = await electricity(meterEnding('99'), 300_000);
    expect(r).toMatchObject({ ok: false, refusal: expect.objectContaining({ field: 'account' }) });
    if (!r.ok) expect(r.refusal.message).toMatch(/Ikeja Electric does not know this meter number/);
    expect({ wallet: await wallet(), entries: await entries() }).toEqual(before);
    expect(await w.db.select().from(purchases)).toHaveLength(0);
  });

  it('reuses the same agent’s verify of the same meter within 10 minutes, and asks again after', async () => {
    await world();
    const meter = meterEnding('10');
    const product = await billProduct(w.db, 'IKEDC', 'prepaid');
    const verifies = () => w.sim.calls.filter((c) => c.includes('merchant-verify')).length;
    await verifyBillAccount(
      w.db,
      { productId: product.id, account: meter },
      { provider: w.provider, agentId: w.agentId, now: () => clock },
    );
    expect(verifies()).toBe(1);
    await sold(meter);
    expect(verifies()).toBe(1);
    clock += 10 * 60_000 + 1;
    await sold(meter, 300_000, { confirmRepeat: true });
    expect(verifies()).toBe(2);
  });
});

describe('the amount of an electricity sale', () => {
  it('is at least ₦500 by default, and a whole naira amount', async () => {
    await world();
    expect(await electricity(meterEnding('10'), 40_000)).toMatchObject({
      ok: false,
      refusal: expect.objectContaining({ field: 'amountMinor' }),
    });
    expect(await electricity(meterEnding('10'), 50_050)).toMatchObject({
      ok: false,
      refusal: expect.objectContaining({ field: 'amountMinor' }),
    });
    expect((await electricity(meterEnding('10'), 50_000)).ok).toBe(true);
  });

  it('follows the meter’s own minimum (98: ₦2,000) and maximum (97: ₦10,000) from verify', async () => {
    await world();
    const low = await electricity(meterEnding('98'), 150_000);
    expect(low).toMatchObject({
      ok: false,
      refusal: expect.objectContaining({ field: 'amountMinor' }),
    });
    if (!low.ok) expect(low.refusal.message).toContain('₦2,000');
    expect((await electricity(meterEnding('98'), 200_000)).ok).toBe(true);
    const high = await electricity(meterEnding('97'), 1_000_100);
    expect(high).toMatchObject({
      ok: false,
      refusal: expect.objectContaining({ field: 'amountMinor' }),
    });
    if (!high.ok) expect(high.refusal.message).toContain('₦10,000');
    expect((await electricity(meterEnding('97'), 1_000_000)).ok).toBe(true);
  });

  it('a postpaid sale settles without waiting for a token', async () => {
    await world();
    const postpaid = await billProduct(w.db, 'IKEDC', 'postpaid');
    const r = await electricity(meterEnding('10'), 300_000, { productId: postpaid.id });
    expect(r).toMatchObject({ ok: true, outcome: { status: 'SUCCESS', awaitingToken: false } });
    if (r.ok) expect(await jobOf(r.outcome.purchaseId)).toBeUndefined();
  });

  it('asks before a repeat to the same meter within a minute, not for another meter of the same phone', async () => {
    await world();
    const meter = meterEnding('10');
    await sold(meter);
    expect((await electricity(meterEnding('10'), 300_000)).ok).toBe(true);
    const repeat = await electricity(meter, 300_000);
    expect(repeat).toMatchObject({ ok: false });
    if (!repeat.ok) expect(repeat.refusal.message).toContain(meter);
  });
});

describe('the token, on every answer path', () => {
  it('a prepaid sale delivered at once shows its 20-digit token and units', async () => {
    await world();
    const s = await sold(meterEnding('00'));
    expect(s.status).toBe('SUCCESS');
    expect(s.delivered?.token).toMatch(TOKEN);
    expect(s.delivered?.units).toMatch(/kWh/);
    expect(s.awaitingToken).toBe(false);
    expect(await jobOf(s.purchaseId)).toBeUndefined();
  });

  it('63: settled without a token, awaiting it; the requery brings it, the money moved once', async () => {
    await world();
    const start = await wallet();
    const s = await sold(meterEnding('63'));
    expect(s).toMatchObject({ status: 'SUCCESS', awaitingToken: true });
    expect(s.delivered?.token ?? null).toBeNull();
    const charged = start - (await wallet());
    expect(charged).toBe(s.agentCostMinor);
    expect(await jobOf(s.purchaseId)).toBeDefined();
    await requery(clock + 31_000);
    const after = await row(s.purchaseId);
    expect(after.token).toMatch(TOKEN);
    expect(after.status).toBe('SUCCESS');
    expect(start - (await wallet())).toBe(charged);
    expect(await jobOf(s.purchaseId)).toBeUndefined();
    expect(await allViolations(w.db)).toEqual([]);
  });

  it('64 held: requeries keep asking without refunding; the release’s callback requery brings the token', async () => {
    await world();
    const meter = meterEnding('64');
    w.sim.book.hold(meter);
    const s = await sold(meter);
    expect(s.awaitingToken).toBe(true);
    await requery(clock + 31_000);
    await requery(clock + 31_000 + 61_000);
    expect(await row(s.purchaseId)).toMatchObject({ status: 'SUCCESS', token: null });
    expect((await jobOf(s.purchaseId))?.tries).toBe(2);
    w.sim.book.release(meter);
    const callback = w.sim.callbackFor('vtpass', s.reference)!;
    const handled = await handleCallback(w.db, 'vtpass', callback, w.provider, () => clock);
    expect(handled.outcome).toBe('applied');
    expect((await row(s.purchaseId)).token).toMatch(TOKEN);
    expect(await jobOf(s.purchaseId)).toBeUndefined();
    expect(await wallet()).toBe(10_000_000 - s.agentCostMinor);
  });

  it('51 held: pending with money held; released, the requery settles it with its token', async () => {
    await world();
    const meter = meterEnding('51');
    w.sim.book.hold(meter);
    const s = await sold(meter);
    expect(s).toMatchObject({ status: 'PENDING', awaitingToken: false });
    w.sim.book.release(meter);
    await requery(clock + 31_000);
    expect(await row(s.purchaseId)).toMatchObject({ status: 'SUCCESS' });
    expect((await row(s.purchaseId)).token).toMatch(TOKEN);
  });

  it('a token, once carried, is never erased or replaced by a later answer', async () => {
    await world();
    const s = await sold(meterEnding('00'));
    const first = (await row(s.purchaseId)).token;
    const attempt = await attemptOf(s.purchaseId);
    for (const later of [
      { status: 'SUCCESS' as const, providerCode: '000/delivered', exchanges: [] },
      {
        status: 'SUCCESS' as const,
        providerCode: '000/delivered',
        delivered: { token: '11112222333344445555', units: '1 kWh', customerName: 'SOMEONE ELSE' },
        exchanges: [],
      },
      { status: 'PENDING' as const, providerCode: '099', exchanges: [] },
    ])
      await applyProviderResult(w.db, attempt.id, later, { by: 'requery', now: clock });
    expect((await row(s.purchaseId)).token).toBe(first);
    expect((await row(s.purchaseId)).units).not.toBe('1 kWh');
  });

  it('a spent requery budget leaves the sale delivered, awaiting its token, with an event for an admin', async () => {
    await world();
    const meter = meterEnding('64');
    w.sim.book.hold(meter);
    const s = await sold(meter);
    let at = clock;
    for (let i = 0; i < 40 && (await jobOf(s.purchaseId)); i++) {
      at = (await jobOf(s.purchaseId))!.nextAt;
      await requery(at);
    }
    expect(await jobOf(s.purchaseId)).toBeUndefined();
    expect(await row(s.purchaseId)).toMatchObject({ status: 'SUCCESS', token: null });
    const kinds = (
      await w.db
        .select({ kind: purchaseEvents.kind })
        .from(purchaseEvents)
        .where(eq(purchaseEvents.purchaseId, s.purchaseId))
    ).map((e) => e.kind);
    expect(kinds).toContain('token_not_arrived');
    // The admin reads why: still delivered, the budget spent without a token.
    const notArrived = (
      await w.db.select().from(purchaseEvents).where(eq(purchaseEvents.purchaseId, s.purchaseId))
    ).find((e) => e.kind === 'token_not_arrived')!;
    expect(notArrived).toMatchObject({
      status: 'SUCCESS',
      detail: { why: 'requery budget spent without a token' },
    });
    expect(await wallet()).toBe(10_000_000 - s.agentCostMinor);
    w.sim.book.release(meter);
  });

  it('a callback without the token leaves the token’s requery schedule and its budget alone', async () => {
    await world();
    const s = await sold(meterEnding('63'));
    const booked = (await jobOf(s.purchaseId))!;
    const attempt = await attemptOf(s.purchaseId);
    await applyProviderResult(
      w.db,
      attempt.id,
      { status: 'SUCCESS', providerCode: '000/delivered', exchanges: [] },
      { by: 'callback', now: clock + 5_000 },
    );
    expect(await jobOf(s.purchaseId)).toMatchObject({ tries: booked.tries, nextAt: booked.nextAt });
    expect((await row(s.purchaseId)).token).toBeNull();
  });

  it('a requery answer still in flight when an admin settled a prepaid sale keeps asking for the token', async () => {
    await world();
    const meter = meterEnding('51');
    w.sim.book.hold(meter);
    const s = await sold(meter);
    const attempt = await attemptOf(s.purchaseId);
    const admin = { userId: null, label: 'admin@test', ip: '10.0.0.1' };
    await adminResolve(w.db, admin, s.purchaseId, 'success', 'Customer has power', clock);
    expect(await jobOf(s.purchaseId)).toBeUndefined();
    // The worker had taken the job before the admin's decision; its answer (no token) lands after it.
    const at = clock + 5_000;
    await applyProviderResult(
      w.db,
      attempt.id,
      { status: 'PENDING', providerCode: '099', exchanges: [] },
      { by: 'requery', now: at },
    );
    // Its first requery spent, the next one is booked a minute later (the schedule's second delay).
    expect(await jobOf(s.purchaseId)).toMatchObject({ tries: 1, nextAt: at + 60_000 });
    expect(await row(s.purchaseId)).toMatchObject({ status: 'SUCCESS', token: null });
    expect(await wallet()).toBe(10_000_000 - s.agentCostMinor);
    w.sim.book.release(meter);
  });
});

describe('cable TV', () => {
  const tvSale = async (planCode: string, over: Partial<SaleInput>) =>
    await startSale(
      w.db,
      w.agentId,
      {
        idempotencyKey: `tv-sale-${++n}-xxxxxxxxx`,
        productId: (await billProduct(w.db, 'DSTV', planCode)).id,
        phone: '08031234567',
        network: 'DSTV',
        account: '1212121212',
        ...over,
      },
      { now: () => clock, provider: w.provider },
    );

  it('renews the current bouquet at the renewal amount from verify', async () => {
    await world();
    const r = await tvSale('dstv79', { subscriptionType: 'renew' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.outcome).toMatchObject({ status: 'SUCCESS', amountMinor: 790_000 });
    const other = await tvSale('dstv-padi', { subscriptionType: 'renew', confirmRepeat: true });
    expect(other).toMatchObject({
      ok: false,
      refusal: expect.objectContaining({ field: 'subscriptionType' }),
    });
  });

  it('changes to another bouquet for several months at price × months; a changed total is refused', async () => {
    await world();
    const r = await tvSale('dstv-padi', { subscriptionType: 'change', quantity: 3 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.outcome.amountMinor).toBe(3 * 185_000);
    if (r.ok)
      expect(await row(r.outcome.purchaseId)).toMatchObject({ quantity: 3, account: '1212121212' });
    const stale = await tvSale('dstv-padi', {
      subscriptionType: 'change',
      quantity: 2,
      expectedPriceMinor: 185_000,
      confirmRepeat: true,
    });
    expect(stale).toMatchObject({
      ok: false,
      refusal: expect.objectContaining({ field: 'productId' }),
    });
  });
});
