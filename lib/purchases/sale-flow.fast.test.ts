// Around the money rules, fast (in-memory world, in-process simulator): what a sale refuses before any
// money moves, the agent's limits, the repeat check, the counter's answer budget, a provider that cannot
// be called, and the limits on callbacks and "check now" (hints that may only cause a requery now and then).
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  callbackInbox,
  ledgerEntries,
  products,
  providerCredentials,
  providerSettings,
  purchaseAttempts,
  purchaseEvents,
  purchases,
  users,
} from '@/db/schema';
import { Refusal } from '@/lib/errors';
import { findWallet } from '@/lib/ledger/accounts';
import { allViolations } from '@/lib/ledger/invariants';
import { createWorld, type MemoryWorld } from '@/test/world';
import { manualBudgetTimer } from '@/test/world/budget-timer';
import { withinBudget } from './answer-budget';
import { applyProviderResult } from './apply-result';
import { requeryAttempt } from './call';
import {
  CALLBACK_REQUERY_PER_REFERENCE,
  CALLBACK_REQUERY_PER_SOURCE,
  handleCallback,
} from './callbacks';
import { checkNow } from './check-now';
import { getSaleForAgent } from './queries';
import { startSale, type SaleInput } from './start-sale';
import { getSaleTimeline } from './timeline';
import { first } from '@/db/query';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

const MINUTE = 60_000;
let clock = 0;
let n = 0;
let airtimeId = 0;

async function world(fundMinor = 1_000_000) {
  w = await T.fork();
  clock = Date.now();
  await w.fund(fundMinor);
  airtimeId = (await product('NGN', 'airtime')).id;
  return w;
}

const product = async (
  currency: 'NGN' | 'INR',
  type: 'airtime' | 'data',
  network = currency === 'NGN' ? 'MTN' : 'AIRTEL',
) =>
  (await first(
    w.db
      .select()
      .from(products)
      .where(
        and(
          eq(products.currency, currency),
          eq(products.network, network),
          eq(products.type, type),
          eq(products.active, true),
        ),
      ),
  ))!;
const ngPhone = (lastTwo: string) =>
  `0803${String(10_000 + (++n % 90_000)).padStart(5, '0')}${lastTwo}`;
const entries = async () => (await w.db.select().from(ledgerEntries)).length;
const sales = async () => (await w.db.select().from(purchases)).length;
const wallet = async () => (await findWallet(w.db, w.agentId, 'NGN'))!.balance;
const sell = async (input: Partial<SaleInput>, deps: Parameters<typeof startSale>[3] = {}) =>
  await startSale(
    w.db,
    w.agentId,
    {
      idempotencyKey: `flow-${++n}`,
      productId: airtimeId,
      phone: ngPhone('00'),
      network: 'MTN',
      amountMinor: 10_000,
      ...input,
    },
    { now: () => clock, provider: w.provider, ...deps },
  );
async function sold(input: Partial<SaleInput> = {}) {
  const r = await sell({ confirmRepeat: true, ...input });
  if (!r.ok) throw new Error(r.refusal.message);
  return r.outcome;
}
/** A sale the provider definitely failed (no confirmation asked): refunded. */
async function failedSale(input: Partial<SaleInput> = {}) {
  const s = await sold({ phone: ngPhone('58'), ...input });
  const attempt = (await first(
    w.db.select().from(purchaseAttempts).where(eq(purchaseAttempts.reference, s.reference)),
  ))!;
  return (
    await applyProviderResult(
      w.db,
      attempt.id,
      { status: 'FAILED', providerCode: 'x', exchanges: [] },
      { by: 'requery', now: clock },
    )
  ).purchase;
}

describe('a sale refuses what the agent got wrong, before any money moves', () => {
  it('names the field and says what to do', async () => {
    await world(100_000_000);
    const before = { entries: await entries(), sales: await sales() };
    const airtime = await product('NGN', 'airtime');
    expect(await sell({ productId: 999_999 })).toEqual({
      ok: false,
      refusal: new Refusal('That plan is no longer on sale. Pick another one.', 'productId'),
    });
    await w.db.update(products).set({ active: false }).where(eq(products.id, airtime.id));
    expect(await sell({ productId: airtime.id })).toMatchObject({
      ok: false,
      refusal: { field: 'productId' },
    });
    await w.db.update(products).set({ active: true }).where(eq(products.id, airtime.id));
    expect(await sell({ phone: '12345' })).toEqual({
      ok: false,
      refusal: new Refusal('Enter a Nigerian mobile number, like 0803 123 4567.', 'phone'),
    });
    expect(await sell({ network: 'GLO' })).toEqual({
      ok: false,
      refusal: new Refusal(
        'The plan does not match the chosen network. Pick the network again.',
        'network',
      ),
    });
    expect(await sell({ network: 'VODAFONE' })).toMatchObject({
      ok: false,
      refusal: { field: 'network' },
    });
    const bounds = {
      ok: false,
      refusal: expect.objectContaining({
        name: 'Refusal',
        message: expect.stringMatching(/^Enter a whole amount from .+ to .+\.$/),
        field: 'amountMinor',
      }),
    };
    const min = airtime.minMinor ?? 100;
    const max = airtime.maxMinor ?? 5_000_000;
    expect(await sell({ amountMinor: min - 100 })).toEqual(bounds);
    expect(await sell({ amountMinor: max + 100 })).toEqual(bounds);
    expect(await sell({ amountMinor: 10_050 })).toEqual(bounds);
    expect(await sell({ amountMinor: undefined })).toEqual(bounds);
    expect({ entries: await entries(), sales: await sales() }).toEqual(before);
    // The bounds themselves are on sale.
    expect(await sell({ amountMinor: min, confirmRepeat: true })).toMatchObject({ ok: true });
    expect(await sell({ amountMinor: max, confirmRepeat: true })).toMatchObject({
      ok: true,
      outcome: { amountMinor: max },
    });
  });

  it("an Indian sale needs an Indian number and the plan's circle; a data plan sells at its catalogue price", async () => {
    await world();
    await w.fund(10_000_000, 'INR');
    const plan = await product('INR', 'data');
    const india = async (input: Partial<SaleInput>) =>
      await sell({
        productId: plan.id,
        network: plan.network,
        phone: '9812345600',
        circle: plan.circle!,
        amountMinor: undefined,
        ...input,
      });
    expect(await india({ phone: '12345' })).toEqual({
      ok: false,
      refusal: new Refusal(
        'Enter a 10-digit Indian mobile number starting with 6, 7, 8 or 9.',
        'phone',
      ),
    });
    expect(await india({ circle: undefined })).toEqual({
      ok: false,
      refusal: new Refusal('Choose the circle for this number.', 'circle'),
    });
    expect(await india({ circle: 'NOT-A-CIRCLE' })).toMatchObject({
      ok: false,
      refusal: { field: 'circle' },
    });
    expect(await india({ expectedPriceMinor: plan.priceMinor! + 100 })).toEqual({
      ok: false,
      refusal: expect.objectContaining({
        name: 'Refusal',
        message: expect.stringMatching(
          /^The price of this plan changed to .+\. Check and confirm again\.$/,
        ),
        field: 'productId',
      }),
    });
    const ok = await india({ expectedPriceMinor: plan.priceMinor!, amountMinor: 1 });
    expect(ok).toMatchObject({
      ok: true,
      outcome: { amountMinor: plan.priceMinor, currency: 'INR' },
    });
    if (!ok.ok) return;
    expect(
      (await first(w.db.select().from(purchases).where(eq(purchases.id, ok.outcome.purchaseId))))!
        .circle,
    ).toBe(plan.circle);
    await w.db.update(products).set({ priceMinor: null }).where(eq(products.id, plan.id));
    expect(await india({})).toEqual({
      ok: false,
      refusal: new Refusal('That plan has no price. Pick another one.', 'productId'),
    });
  });

  it("Indian airtime (no circle in the catalogue) sells for the agent's chosen circle, which reaches RechargeKit", async () => {
    await world();
    await w.fund(10_000_000, 'INR');
    const airtime = await product('INR', 'airtime');
    expect(airtime.circle).toBe(''); // airtime is one product for every circle; the number's circle varies
    const sentToRechargekit: unknown[] = [];
    const spy = (async (input: string | URL | Request, init?: RequestInit) => {
      if (String(input).includes('/rechargekit/') && typeof init?.body === 'string')
        sentToRechargekit.push(JSON.parse(init.body));
      return w.provider.fetch!(input, init);
    }) as typeof fetch;
    const india = async (input: Partial<SaleInput>) =>
      await sell(
        {
          productId: airtime.id,
          network: airtime.network,
          phone: '9812345600',
          circle: '23',
          amountMinor: 10_000,
          ...input,
        },
        { provider: { ...w.provider, fetch: spy } },
      );
    // The circle is still the agent's to choose, and only a circle the portal knows.
    expect(await india({ circle: undefined })).toMatchObject({
      ok: false,
      refusal: { field: 'circle' },
    });
    expect(await india({ circle: '99' })).toMatchObject({
      ok: false,
      refusal: { field: 'circle' },
    });
    expect(sentToRechargekit).toEqual([]);

    const sold = await india({});
    expect(sold).toMatchObject({
      ok: true,
      outcome: { status: 'SUCCESS', amountMinor: 10_000, currency: 'INR' },
    });
    if (!sold.ok) return;
    const row = await first(
      w.db.select().from(purchases).where(eq(purchases.id, sold.outcome.purchaseId)),
    );
    expect(row?.circle).toBe('23');
    expect(sentToRechargekit).toEqual([
      expect.objectContaining({ mobile_no: '9812345600', amount: 100, circle: 23 }),
    ]);
  });

  it('a Nigerian sale stores no circle, whatever the form sends', async () => {
    await world();
    const s = await sold({ circle: 'DELHI' });
    expect(
      (await first(w.db.select().from(purchases).where(eq(purchases.id, s.purchaseId))))!.circle,
    ).toBeNull();
  });

  it('asks before the same product to the same number within a minute, unless confirmed; a failed sale is no repeat', async () => {
    await world();
    const phone = ngPhone('00');
    const first = await sold({ phone });
    const again = await sell({ phone });
    expect(again).toEqual({
      ok: false,
      refusal: new Refusal(`You sold this to ${phone} less than a minute ago. Send again?`),
      repeatOf: expect.objectContaining({ purchaseId: first.purchaseId }),
    });
    expect(await sell({ phone: ngPhone('00') })).toMatchObject({ ok: true });
    clock += MINUTE + 1;
    expect(await sell({ phone })).toMatchObject({ ok: true });
    const failedPhone = ngPhone('58');
    const failed = await failedSale({ phone: failedPhone });
    expect(failed.status).toBe('FAILED');
    expect(await sell({ phone: failedPhone })).toMatchObject({ ok: true });
    expect(await allViolations(w.db)).toEqual([]);
  });

  it("keeps to the agent's largest sale and daily total, counting only today's other live sales", async () => {
    await world();
    await w.db
      .update(users)
      .set({ maxSaleMinor: 20_000, dailyLimitMinor: 30_000 })
      .where(eq(users.id, w.agentId));
    expect(await sell({ amountMinor: 20_100 })).toEqual({
      ok: false,
      refusal: expect.objectContaining({
        name: 'Refusal',
        message: expect.stringMatching(/^The largest sale you can make is .+\.$/),
      }),
    });
    await sold({ amountMinor: 20_000 });
    expect(await sell({ amountMinor: 10_100 })).toEqual({
      ok: false,
      refusal: expect.objectContaining({
        name: 'Refusal',
        message: expect.stringMatching(/^This sale would pass your daily limit of .+\.$/),
      }),
    });
    // A failed sale does not count toward the daily total; exactly the limit goes through.
    const failed = await failedSale({ amountMinor: 10_000 });
    expect(failed.status).toBe('FAILED');
    expect(await sell({ amountMinor: 10_000, confirmRepeat: true })).toMatchObject({ ok: true });
    expect(await sell({ amountMinor: 100, confirmRepeat: true })).toMatchObject({ ok: false });
    // The next Lagos day starts again.
    clock += 24 * 60 * MINUTE;
    expect(await sell({ amountMinor: 20_000, confirmRepeat: true })).toMatchObject({ ok: true });
    expect(await allViolations(w.db)).toEqual([]);
  });

  it('the daily total runs from midnight in Lagos (23:00 UTC), not from midnight UTC', async () => {
    await world();
    await w.db.update(users).set({ dailyLimitMinor: 15_000 }).where(eq(users.id, w.agentId));
    const first = await sold({ amountMinor: 10_000 });
    const midnightLagos = Date.UTC(2026, 2, 10, 23, 0, 0);
    await w.db
      .update(purchases)
      .set({ createdAt: midnightLagos - 1 })
      .where(eq(purchases.id, first.purchaseId));
    clock = midnightLagos - 1;
    expect(await sell({ amountMinor: 10_000, confirmRepeat: true })).toMatchObject({
      ok: false,
      refusal: { message: expect.stringMatching(/daily limit/) },
    });
    clock = midnightLagos;
    expect(await sell({ amountMinor: 10_000, confirmRepeat: true })).toMatchObject({ ok: true });
  });

  it('refuses in words when the wallet cannot pay', async () => {
    await world(1_000);
    const r = await sell({ amountMinor: 10_000, confirmRepeat: true });
    expect(r).toEqual({
      ok: false,
      refusal: expect.objectContaining({
        name: 'LedgerError',
        message: expect.stringMatching(/^Your wallet has /),
        code: 'INSUFFICIENT_FUNDS',
      }),
    });
    expect(await wallet()).toBe(1_000);
  });
});

describe("the counter's answer budget", () => {
  it("answers with the work's value when it is done in time, and hands nothing to the background", async () => {
    const background: Promise<unknown>[] = [];
    expect(
      await withinBudget(Promise.resolve(7), {
        ms: 60_000,
        inBackground: (p) => void background.push(p),
      }),
    ).toEqual({ value: 7 });
    expect(await withinBudget(Promise.resolve(8), undefined)).toEqual({ value: 8 });
    expect(background).toEqual([]);
  });

  it('answers nothing when the budget runs out first and hands the unfinished work on, its failure caught', async () => {
    const background: Promise<unknown>[] = [];
    let fail!: (e: Error) => void;
    const work = new Promise<number>((_, reject) => (fail = reject));
    const timer = manualBudgetTimer();
    const answer = withinBudget(work, {
      ms: 0,
      inBackground: (p) => void background.push(p),
      startTimer: timer.startTimer,
    });
    timer.end();
    expect(await answer).toBeUndefined();
    expect(background).toHaveLength(1);
    fail(new Error('provider hung up'));
    await expect(background[0]).resolves.toBeUndefined();
  });

  it('a sale whose answer is late is shown as it stands, and its call goes on to settle it', async () => {
    await world();
    const background: Promise<unknown>[] = [];
    // The provider holds its answer until the test lets it go: the budget surely runs out first.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held: typeof fetch = async (input, init) => {
      await gate;
      return w.sim.fetch(input, init);
    };
    const timer = manualBudgetTimer();
    const pending = sell(
      { confirmRepeat: true },
      {
        provider: { fetch: held },
        answerBudget: {
          ms: 0,
          inBackground: (p) => void background.push(p),
          startTimer: timer.startTimer,
        },
      },
    );
    await timer.started; // the sale is opened, and its budget started
    timer.end();
    const r = await pending;
    expect(r).toMatchObject({ ok: true, outcome: { status: 'UNKNOWN' } });
    expect(background).toHaveLength(1);
    release();
    await Promise.all(background);
    if (r.ok)
      expect((await getSaleForAgent(w.db, w.agentId, r.outcome.purchaseId))?.status).toBe(
        'SUCCESS',
      );
  });
});

describe('a provider that cannot be called', () => {
  it('never received the sale: the next provider takes it; its requery is UNKNOWN with the reason', async () => {
    await world();
    await w.db
      .update(providerCredentials)
      .set({ ciphertext: 'not-a-ciphertext' })
      .where(eq(providerCredentials.provider, 'vtpass'));
    const s = await sold();
    const attempts = await w.db
      .select()
      .from(purchaseAttempts)
      .where(eq(purchaseAttempts.purchaseId, s.purchaseId))
      .orderBy(purchaseAttempts.id);
    expect(attempts[0]).toMatchObject({
      provider: 'vtpass',
      status: 'NOT_PROCESSED',
      providerCode: 'config',
    });
    expect(attempts.length).toBe(2);
    expect(s.status).toBe('SUCCESS');
    const requery = await requeryAttempt(w.db, attempts[0]!, w.provider);
    expect(requery).toMatchObject({
      status: 'UNKNOWN',
      providerCode: 'config',
      message: expect.stringMatching(/^vtpass cannot be called: /),
    });
  });

  it('an unconfigured or unknown provider is named in the answer', async () => {
    await world();
    const s = await sold({ phone: ngPhone('58') });
    const attempt = (await first(
      w.db.select().from(purchaseAttempts).where(eq(purchaseAttempts.purchaseId, s.purchaseId)),
    ))!;
    await w.db.delete(providerCredentials).where(eq(providerCredentials.provider, 'vtpass'));
    await w.db.delete(providerSettings).where(eq(providerSettings.id, 'vtpass'));
    expect(await requeryAttempt(w.db, attempt, w.provider)).toMatchObject({
      status: 'UNKNOWN',
      providerCode: 'config',
      message: 'vtpass is not configured',
    });
    expect(
      await requeryAttempt(w.db, { ...attempt, provider: 'nobody' }, w.provider),
    ).toMatchObject({ status: 'UNKNOWN', message: 'Unknown provider nobody' });
    const thrown = await requeryAttempt(
      w.db,
      { ...attempt, provider: 'jonet' },
      {
        fetch: (() => {
          throw new Error('boom');
        }) as typeof fetch,
      },
    );
    expect(thrown.status).toBe('UNKNOWN');
  });
});

describe('callbacks are hints with limits', () => {
  const vtpassCallback = (reference: string, nonce: number) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    query: {},
    rawBody: JSON.stringify({
      type: 'transaction-update',
      data: {
        code: '000',
        requestId: reference,
        content: { transactions: { status: 'delivered' } },
        nonce,
      },
    }),
  });

  it('one requery per sale a minute: later distinct callbacks are rate limited and not remembered', async () => {
    await world();
    const s = await sold({ phone: ngPhone('58') });
    expect(CALLBACK_REQUERY_PER_REFERENCE).toEqual({ limit: 1, windowMs: MINUTE });
    expect(
      (
        await handleCallback(
          w.db,
          'vtpass',
          vtpassCallback(s.reference, 1),
          w.provider,
          () => clock,
        )
      ).outcome,
    ).toBe('applied');
    expect(
      (
        await handleCallback(
          w.db,
          'vtpass',
          vtpassCallback(s.reference, 2),
          w.provider,
          () => clock + MINUTE - 1,
        )
      ).outcome,
    ).toBe('rate_limited');
    expect(await w.db.select().from(callbackInbox)).toHaveLength(1);
    // The provider's own retry after the window is heard.
    expect(
      (
        await handleCallback(
          w.db,
          'vtpass',
          vtpassCallback(s.reference, 2),
          w.provider,
          () => clock + MINUTE,
        )
      ).outcome,
    ).toBe('applied');
    const kinds = (
      await w.db.select().from(purchaseEvents).where(eq(purchaseEvents.purchaseId, s.purchaseId))
    ).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'callback')).toHaveLength(2);
  });

  it('one sender gets a limited number of requeries a minute across sales', async () => {
    await world();
    const refs: string[] = [];
    for (let i = 0; i <= CALLBACK_REQUERY_PER_SOURCE.limit; i += 1)
      refs.push((await sold({ phone: ngPhone('58') })).reference);
    const outcomes: string[] = [];
    for (const [i, ref] of refs.entries()) {
      outcomes.push(
        (
          await handleCallback(
            w.db,
            'vtpass',
            vtpassCallback(ref, i),
            w.provider,
            () => clock,
            '203.0.113.7',
          )
        ).outcome,
      );
    }
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(CALLBACK_REQUERY_PER_SOURCE.limit);
    expect(outcomes.at(-1)).toBe('rate_limited');
    // Another sender is counted apart.
    expect(
      (
        await handleCallback(
          w.db,
          'vtpass',
          vtpassCallback(refs.at(-1)!, 99),
          w.provider,
          () => clock,
          '198.51.100.1',
        )
      ).outcome,
    ).toBe('applied');
    expect(CALLBACK_REQUERY_PER_SOURCE.windowMs).toBe(MINUTE);
  });

  it('a callback sent in the query (RechargeKit GET) is remembered by its query: a replay is a duplicate, another is heard', async () => {
    await world();
    await w.fund(10_000_000, 'INR');
    const plan = await product('INR', 'data');
    const r = await sell({
      productId: plan.id,
      network: plan.network,
      phone: '9812345658',
      circle: plan.circle!,
      amountMinor: undefined,
      confirmRepeat: true,
    });
    if (!r.ok) throw new Error(r.refusal.message);
    expect(r.outcome.provider).toBe('rechargekit');
    const get = (orderid: string) => ({
      method: 'GET',
      headers: {},
      query: { status: '2', pid: r.outcome.reference, orderid },
      rawBody: '',
    });
    expect(
      (await handleCallback(w.db, 'rechargekit', get('o1'), w.provider, () => clock)).outcome,
    ).toBe('applied');
    expect(
      (await handleCallback(w.db, 'rechargekit', get('o1'), w.provider, () => clock + MINUTE))
        .outcome,
    ).toBe('duplicate');
    expect(
      (await handleCallback(w.db, 'rechargekit', get('o2'), w.provider, () => clock + MINUTE))
        .outcome,
    ).toBe('applied');
  });

  it('a provider we have no settings for is answered 404 and ignored', async () => {
    await world();
    await w.db.delete(providerCredentials).where(eq(providerCredentials.provider, 'cwg'));
    await w.db.delete(providerSettings).where(eq(providerSettings.id, 'cwg'));
    const handled = await handleCallback(
      w.db,
      'cwg',
      { method: 'POST', headers: {}, query: {}, rawBody: '{}' },
      w.provider,
      () => clock,
    );
    expect(handled).toEqual({
      outcome: 'ignored',
      ack: { status: 404, body: '{"error":"unknown provider"}', contentType: 'application/json' },
    });
  });
});

describe('"check now" and the sale\'s own views', () => {
  it('at most 20 checks a minute per agent across sales', async () => {
    await world();
    const ids: number[] = [];
    for (let i = 0; i < 21; i += 1) ids.push((await sold({ phone: ngPhone('58') })).purchaseId);
    const results = [];
    for (const id of ids) results.push(await checkNow(w.db, w.agentId, id, w.provider));
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    expect(results.at(-1)).toEqual({
      ok: false,
      refusal: new Refusal('We just checked this sale. Try again in a few seconds.'),
    });
  });

  it('the timeline shows the sale, its attempts and its events oldest first, only to its own agent', async () => {
    await world();
    const s = await sold();
    const timeline = (await getSaleTimeline(w.db, s.purchaseId, w.agentId))!;
    expect(timeline.purchase.id).toBe(s.purchaseId);
    expect(timeline.productName).toBeTruthy();
    expect(timeline.attempts.map((a) => a.reference)).toEqual([s.reference]);
    expect(timeline.events[0]!.kind).toBe('opened');
    expect(timeline.events.at(-1)!.kind).toBe('settled');
    expect(await getSaleTimeline(w.db, s.purchaseId)).not.toBeNull();
    expect(await getSaleTimeline(w.db, s.purchaseId, w.agentId + 1)).toBeNull();
    expect(await getSaleForAgent(w.db, w.agentId + 1, s.purchaseId)).toBeNull();
    expect(await getSaleForAgent(w.db, w.agentId, s.purchaseId)).toMatchObject({
      purchaseId: s.purchaseId,
      status: 'SUCCESS',
      amountMinor: 10_000,
    });
  });
});
