// Phase 3, fast: one provider answer at a time applied to a real sale in the in-memory world. The sale is
// opened with the simulator's "pending forever" number (58) so nothing resolves it but the answers given
// here. Each expectation comes from the money rules: a definite answer moves the money once, ambiguity
// holds it and books the next requery, a "no" that must be confirmed waits for its requery, a superseded
// attempt's delivery is heard, NOT_FOUND counts per attempt after the grace period whoever asked.
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  agentDailyEarnings,
  lateDeliveries,
  products,
  purchaseAttempts,
  purchaseEvents,
  purchaseResolutions,
  purchases,
  requeryJobs,
  webhookEndpoints,
  webhookEvents,
} from '@/db/schema';
import { routeFor } from '@/lib/catalogue/routing';
import { findWallet } from '@/lib/ledger/accounts';
import { allViolations } from '@/lib/ledger/invariants';
import type { ProviderResult, TxnStatus } from '@/lib/providers/types';
import { createWorld, type MemoryWorld } from '@/test/world';
import { applyProviderResult, type ApplyOptions, type Writer } from './apply-result';
import { NOT_FOUND_GRACE_MS } from './schedule';
import { startSale } from './start-sale';
import { first } from '@/db/query';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const FUND = 1_000_000;
let clock = 0;
let n = 0;

const airtime = async () =>
  (await first(
    w.db
      .select()
      .from(products)
      .where(
        and(
          eq(products.currency, 'NGN'),
          eq(products.network, 'MTN'),
          eq(products.type, 'airtime'),
          eq(products.active, true),
        ),
      ),
  ))!;
const wallet = async () => {
  const a = (await findWallet(w.db, w.agentId, 'NGN'))!;
  return { balance: a.balance, reserved: a.reserved };
};
const row = async (id: number) =>
  (await first(w.db.select().from(purchases).where(eq(purchases.id, id))))!;
const resolution = async (id: number) =>
  (
    await first(
      w.db.select().from(purchaseResolutions).where(eq(purchaseResolutions.purchaseId, id)),
    )
  )?.outcome ?? 'held';
const attemptsOf = async (id: number) =>
  await w.db
    .select()
    .from(purchaseAttempts)
    .where(eq(purchaseAttempts.purchaseId, id))
    .orderBy(purchaseAttempts.id);
const attempt = async (id: number) =>
  (await first(w.db.select().from(purchaseAttempts).where(eq(purchaseAttempts.id, id))))!;
/** A requery job for the sale's first attempt, due now, `tries` already spent. */
const bookRequery = async (s: { id: number; first: { id: number } }, tries: number) =>
  await w.db.insert(requeryJobs).values({
    attemptId: s.first.id,
    purchaseId: s.id,
    provider: 'vtpass',
    nextAt: clock,
    tries,
    createdAt: clock,
  });
const jobOf = async (attemptId: number) =>
  await first(w.db.select().from(requeryJobs).where(eq(requeryJobs.attemptId, attemptId)));
const events = async (id: number) =>
  await w.db
    .select()
    .from(purchaseEvents)
    .where(eq(purchaseEvents.purchaseId, id))
    .orderBy(purchaseEvents.id);
const kinds = async (id: number) => (await events(id)).map((e) => e.kind);
const lateOf = async (id: number) =>
  await w.db.select().from(lateDeliveries).where(eq(lateDeliveries.purchaseId, id));
const earnings = async () =>
  (
    await w.db.select().from(agentDailyEarnings).where(eq(agentDailyEarnings.agentId, w.agentId))
  ).reduce((sum, e) => ({ count: sum.count + e.salesCount, face: sum.face + e.amountMinor }), {
    count: 0,
    face: 0,
  });
const clean = async () => expect(await allViolations(w.db)).toEqual([]);
/** Why the sale was refunded, as the admin reads it on the resolution. */
const reason = async (id: number) =>
  (
    await first(
      w.db.select().from(purchaseResolutions).where(eq(purchaseResolutions.purchaseId, id)),
    )
  )?.reason;

const answer = (status: TxnStatus, extra: Partial<ProviderResult> = {}): ProviderResult => ({
  status,
  providerCode: `code-${status}`,
  exchanges: [],
  ...extra,
});
const apply = async (attemptId: number, result: ProviderResult, opts: Partial<ApplyOptions> = {}) =>
  await applyProviderResult(w.db, attemptId, result, { by: 'requery', now: clock, ...opts });
const failover = async () => ({
  route: await routeFor(w.db, await airtime()),
  newReference: () => `202601010000FO${String(++n).padStart(6, '0')}`,
});

/** A sale held pending at its first provider (VTpass on the MTN airtime route), its cost reserved. */
async function held(face = 10_000) {
  w = await T.fork();
  await w.fund(FUND);
  clock = Date.now(); // the simulator checks the reference's timestamp against its own clock
  const phone = `0803${String(10_000 + (++n % 90_000)).padStart(5, '0')}58`;
  const r = await startSale(
    w.db,
    w.agentId,
    {
      idempotencyKey: `apply-${++n}`,
      productId: (await airtime()).id,
      phone,
      network: 'MTN',
      amountMinor: face,
      confirmRepeat: true,
    },
    { now: () => clock, provider: w.provider },
  );
  if (!r.ok) throw new Error(r.refusal.message);
  const s = r.outcome;
  expect(s).toMatchObject({ status: 'PENDING', provider: 'vtpass' });
  const [first] = await attemptsOf(s.purchaseId);
  return { id: s.purchaseId, cost: s.agentCostMinor, first: first!, openedAt: clock };
}

/** A sale that failed over from VTpass: its first attempt superseded by the second. */
async function movedOn() {
  const s = await held();
  const moved = await apply(s.first.id, answer('NOT_PROCESSED'), {
    by: 'purchase',
    failover: await failover(),
  });
  return { ...s, second: moved.failoverTo! };
}

describe('definite answers move the money once', () => {
  it('SUCCESS settles, keeps the provider references, counts the earnings, ends the requeries', async () => {
    const s = await held();
    clock += MINUTE;
    const applied = await apply(
      s.first.id,
      answer('SUCCESS', { providerRef: 'PR-1', operatorRef: 'OP-1' }),
    );
    expect(applied.purchase).toMatchObject({
      status: 'SUCCESS',
      providerRef: 'PR-1',
      operatorRef: 'OP-1',
      finalAt: clock,
      updatedAt: clock,
    });
    expect(applied.failoverTo).toBeUndefined();
    expect(await resolution(s.id)).toBe('settled');
    expect(await wallet()).toEqual({ balance: FUND - s.cost, reserved: 0 });
    expect(await earnings()).toEqual({ count: 1, face: 10_000 });
    expect(await jobOf(s.first.id)).toBeUndefined();
    expect(await attempt(s.first.id)).toMatchObject({
      status: 'SUCCESS',
      providerCode: 'code-SUCCESS',
    });
    expect((await events(s.id)).at(-2)).toMatchObject({
      kind: 'requery',
      attemptId: s.first.id,
      status: 'SUCCESS',
    });
    expect((await events(s.id)).at(-1)).toMatchObject({
      kind: 'settled',
      attemptId: s.first.id,
      status: 'SUCCESS',
      at: clock,
    });
    await clean();
  });

  it('a success without references keeps the ones the sale already had', async () => {
    const s = await held();
    await w.db
      .update(purchases)
      .set({ providerRef: 'KEPT', operatorRef: 'OPKEPT' })
      .where(eq(purchases.id, s.id));
    expect((await apply(s.first.id, answer('SUCCESS'))).purchase).toMatchObject({
      providerRef: 'KEPT',
      operatorRef: 'OPKEPT',
    });
  });

  it('FAILED refunds the agent cost, marks the sale failed and never tries another provider', async () => {
    const s = await held();
    clock += MINUTE;
    const applied = await apply(s.first.id, answer('FAILED'), { failover: await failover() });
    expect(applied.failoverTo).toBeUndefined();
    expect(applied.purchase).toMatchObject({ status: 'FAILED', finalAt: clock });
    expect(await resolution(s.id)).toBe('refunded');
    expect(await wallet()).toEqual({ balance: FUND, reserved: 0 });
    expect(await attemptsOf(s.id)).toHaveLength(1);
    expect(await jobOf(s.first.id)).toBeUndefined();
    expect((await events(s.id)).at(-1)).toMatchObject({
      kind: 'refunded',
      status: 'FAILED',
      attemptId: s.first.id,
    });
    expect(await earnings()).toEqual({ count: 0, face: 0 });
    expect(await reason(s.id)).toBe('vtpass code-FAILED');
    await clean();
  });

  it('REVERSED before any resolution refunds the sale and shows it reversed', async () => {
    const s = await held();
    const applied = await apply(s.first.id, answer('REVERSED'));
    expect(applied.purchase).toMatchObject({ status: 'REVERSED', finalAt: clock });
    expect(await resolution(s.id)).toBe('refunded');
    expect(await wallet()).toEqual({ balance: FUND, reserved: 0 });
    expect(await jobOf(s.first.id)).toBeUndefined();
    expect((await events(s.id)).at(-1)).toMatchObject({ kind: 'refunded', status: 'REVERSED' });
    expect(await reason(s.id)).toBe('reversed by vtpass');
    await clean();
  });

  it("the sale's own answer is recorded as the provider answer, a callback as a callback, the rest as requeries", async () => {
    const s = await held();
    const by: Writer[] = ['purchase', 'callback', 'check_now', 'admin', 'requery'];
    for (const writer of by) await apply(s.first.id, answer('PENDING'), { by: writer });
    const answers = (await events(s.id))
      .filter((e) => ['provider_answer', 'callback', 'requery'].includes(e.kind))
      .slice(-5);
    expect(answers.map((e) => e.kind)).toEqual([
      'provider_answer',
      'callback',
      'requery',
      'requery',
      'requery',
    ]);
    expect(answers[0]!.detail).toMatchObject({ provider: 'vtpass', code: 'code-PENDING' });
  });

  it('an unknown attempt is an error and changes nothing', async () => {
    await held();
    await expect(apply(999_999, answer('SUCCESS'))).rejects.toThrow('No attempt 999999');
    expect((await wallet()).reserved).toBeGreaterThan(0);
  });
});

describe('ambiguity holds the money and books the next requery', () => {
  it('PENDING and UNKNOWN keep the cost reserved; the status follows the answer', async () => {
    const s = await held();
    clock += MINUTE;
    expect((await apply(s.first.id, answer('UNKNOWN'))).purchase).toMatchObject({
      status: 'UNKNOWN',
      updatedAt: clock,
      finalAt: null,
    });
    clock += MINUTE;
    expect((await apply(s.first.id, answer('PENDING'))).purchase).toMatchObject({
      status: 'PENDING',
      updatedAt: clock,
    });
    expect(await wallet()).toEqual({ balance: FUND - s.cost, reserved: s.cost });
    expect(await resolution(s.id)).toBe('held');
    // A requery that repeats the status books the next slot but leaves the sale's row alone.
    const stamp = (await row(s.id)).updatedAt;
    clock += MINUTE;
    await apply(s.first.id, answer('PENDING'));
    expect((await row(s.id)).updatedAt).toBe(stamp);
    await clean();
  });

  it("the sale's own answer keeps the first slot (30 s); every requery uses the next one", async () => {
    const s = await held();
    expect(await jobOf(s.first.id)).toMatchObject({ tries: 0, nextAt: s.openedAt + 30 * SECOND });
    await apply(s.first.id, answer('PENDING'));
    expect(await jobOf(s.first.id)).toMatchObject({
      tries: 1,
      nextAt: clock + MINUTE,
      leaseOwner: null,
      leaseUntil: null,
    });
    await apply(s.first.id, answer('PENDING'));
    expect(await jobOf(s.first.id)).toMatchObject({ tries: 2, nextAt: clock + 2 * MINUTE });
    await apply(s.first.id, answer('UNKNOWN'));
    expect(await jobOf(s.first.id)).toMatchObject({ tries: 3, nextAt: clock + 5 * MINUTE });
  });

  it('a callback or "check now" changes the status but never the schedule nor its budget', async () => {
    const s = await held();
    await apply(s.first.id, answer('PENDING'));
    const job = (await jobOf(s.first.id))!;
    clock += MINUTE;
    expect((await apply(s.first.id, answer('UNKNOWN'), { by: 'callback' })).purchase).toMatchObject(
      {
        status: 'UNKNOWN',
        updatedAt: clock,
      },
    );
    expect((await apply(s.first.id, answer('PENDING'), { by: 'check_now' })).purchase.status).toBe(
      'PENDING',
    );
    expect(await jobOf(s.first.id)).toEqual(job);
    // An answer that repeats the status writes nothing to the sale.
    const stamp = (await row(s.id)).updatedAt;
    clock += MINUTE;
    await apply(s.first.id, answer('PENDING'), { by: 'callback' });
    expect((await row(s.id)).updatedAt).toBe(stamp);
  });

  it('when the budget is spent the sale goes to manual review with the last answer, the money still held', async () => {
    const s = await held();
    let tries = 0;
    while ((await jobOf(s.first.id)) && tries < 60) {
      clock += HOUR;
      await apply(
        s.first.id,
        answer('PENDING', { providerCode: '099', message: 'still processing' }),
      );
      tries += 1;
    }
    // 30 s, 1, 2, 5, 10, 30 min, then hourly up to 24 h: 29 slots, the sale's own answer took the first.
    expect(tries).toBe(29);
    expect((await row(s.id)).status).toBe('MANUAL_REVIEW');
    expect(await resolution(s.id)).toBe('held');
    expect(await wallet()).toEqual({ balance: FUND - s.cost, reserved: s.cost });
    const review = (await events(s.id)).findLast((e) => e.kind === 'manual_review')!;
    expect(review.detail).toEqual({
      why: 'requery budget spent; last answer vtpass 099: still processing',
    });
    // Once with the admin, a further ambiguous answer books nothing and leaves the sale there.
    await apply(s.first.id, answer('PENDING'));
    expect((await row(s.id)).status).toBe('MANUAL_REVIEW');
    expect(await jobOf(s.first.id)).toBeUndefined();
    await clean();
  });

  it('the manual-review reason leaves out a message the provider did not give', async () => {
    const s = await held();
    await w.db.update(requeryJobs).set({ tries: 28 }).where(eq(requeryJobs.attemptId, s.first.id));
    await apply(s.first.id, answer('UNKNOWN', { providerCode: 'timeout' }));
    expect((await events(s.id)).findLast((e) => e.kind === 'manual_review')!.detail).toEqual({
      why: 'requery budget spent; last answer vtpass timeout',
    });
  });

  it('MANUAL_REVIEW from the provider hands the sale to an admin: money held, no more requeries', async () => {
    const s = await held();
    const applied = await apply(s.first.id, answer('MANUAL_REVIEW', { providerCode: '016' }));
    expect(applied.purchase).toMatchObject({ status: 'MANUAL_REVIEW', finalAt: null });
    expect(await jobOf(s.first.id)).toBeUndefined();
    expect(await wallet()).toEqual({ balance: FUND - s.cost, reserved: s.cost });
    expect((await events(s.id)).at(-1)).toMatchObject({
      kind: 'manual_review',
      status: 'MANUAL_REVIEW',
      detail: { why: 'provider answered 016' },
    });
    await clean();
  });
});

describe('NOT_FOUND refunds after two answers in a row after the grace period, per attempt, whoever asked', () => {
  it('answers inside the grace period count nothing; the first after it counts one; two refund', async () => {
    const s = await held();
    for (const at of [MINUTE, 10 * MINUTE, NOT_FOUND_GRACE_MS - 1]) {
      clock = s.openedAt + at;
      await apply(s.first.id, answer('NOT_FOUND'));
      expect((await attempt(s.first.id)).notFoundCount).toBe(0);
    }
    expect((await row(s.id)).status).toBe('PENDING');
    clock = s.openedAt + NOT_FOUND_GRACE_MS;
    expect((await apply(s.first.id, answer('NOT_FOUND'))).purchase.status).toBe('PENDING');
    expect((await attempt(s.first.id)).notFoundCount).toBe(1);
    expect(await resolution(s.id)).toBe('held');
    expect(await jobOf(s.first.id)).toBeDefined();
    clock += MINUTE;
    const applied = await apply(s.first.id, answer('NOT_FOUND'));
    expect(applied.purchase.status).toBe('FAILED');
    expect(await resolution(s.id)).toBe('refunded');
    expect(await wallet()).toEqual({ balance: FUND, reserved: 0 });
    expect((await events(s.id)).at(-1)).toMatchObject({
      kind: 'refunded',
      detail: { notFoundAnswers: 2 },
    });
    expect(await reason(s.id)).toBe('vtpass never received it');
    await clean();
  });

  it('UNKNOWN leaves the run as it is; any answer from a provider that knows the sale starts it over', async () => {
    const s = await held();
    clock = s.openedAt + NOT_FOUND_GRACE_MS + MINUTE;
    await apply(s.first.id, answer('NOT_FOUND'));
    await apply(s.first.id, answer('UNKNOWN'));
    expect((await attempt(s.first.id)).notFoundCount).toBe(1);
    await apply(s.first.id, answer('PENDING'));
    expect((await attempt(s.first.id)).notFoundCount).toBe(0);
    await apply(s.first.id, answer('NOT_FOUND'));
    expect(await resolution(s.id)).toBe('held');
    await apply(s.first.id, answer('MANUAL_REVIEW'));
    expect((await attempt(s.first.id)).notFoundCount).toBe(0);
  });

  it('counts answers from a callback and "check now" too, and refunds a sale an admin holds', async () => {
    const s = await held();
    clock = s.openedAt + NOT_FOUND_GRACE_MS + 1;
    await apply(s.first.id, answer('MANUAL_REVIEW'));
    await apply(s.first.id, answer('NOT_FOUND'), { by: 'check_now' });
    expect((await row(s.id)).status).toBe('MANUAL_REVIEW');
    expect((await attempt(s.first.id)).notFoundCount).toBe(1);
    await apply(s.first.id, answer('NOT_FOUND'), { by: 'callback' });
    expect((await row(s.id)).status).toBe('FAILED');
    expect(await wallet()).toEqual({ balance: FUND, reserved: 0 });
    await clean();
  });

  it('counts per attempt: the run of a superseded attempt does not refund the sale on its new attempt', async () => {
    const s = await held();
    const moved = await apply(s.first.id, answer('NOT_PROCESSED'), {
      by: 'purchase',
      failover: await failover(),
    });
    const second = moved.failoverTo!;
    clock = s.openedAt + NOT_FOUND_GRACE_MS + MINUTE;
    await apply(s.first.id, answer('NOT_FOUND'));
    await apply(s.first.id, answer('NOT_FOUND'));
    await apply(second.id, answer('NOT_FOUND'));
    expect(await resolution(s.id)).toBe('held');
    expect((await attempt(second.id)).notFoundCount).toBe(1);
    await clean();
  });
});

describe('a "no" that the provider asks us to confirm waits for the confirming requery', () => {
  it('FAILED needing confirmation holds the money and books a requery; NOT_FOUND then confirms the refund', async () => {
    const s = await held();
    const applied = await apply(s.first.id, answer('FAILED', { needsConfirmation: true }), {
      by: 'purchase',
      failover: await failover(),
    });
    expect(applied.purchase.status).toBe('PENDING');
    expect(applied.failoverTo).toBeUndefined();
    expect(applied.confirmFailover).toBeUndefined();
    expect(await wallet()).toEqual({ balance: FUND - s.cost, reserved: s.cost });
    expect((await attempt(s.first.id)).awaiting).toBe('refund');
    expect(await jobOf(s.first.id)).toMatchObject({ nextAt: clock + 30 * SECOND });
    expect((await events(s.id)).at(-1)).toMatchObject({
      kind: 'awaiting_confirmation',
      status: 'PENDING',
      detail: { then: 'refund' },
    });
    // One answer is the confirmation, even inside the grace period; never another provider.
    clock += 30 * SECOND;
    const confirmed = await apply(s.first.id, answer('NOT_FOUND'), { failover: await failover() });
    expect(confirmed.purchase.status).toBe('FAILED');
    expect(await reason(s.id)).toBe('vtpass failed it and has no record of it');
    expect(confirmed.failoverTo).toBeUndefined();
    expect(await attemptsOf(s.id)).toHaveLength(1);
    expect(await wallet()).toEqual({ balance: FUND, reserved: 0 });
    expect(await jobOf(s.first.id)).toBeUndefined();
    await clean();
  });

  it('a confirming requery that finds it delivered settles it instead', async () => {
    const s = await held();
    await apply(s.first.id, answer('FAILED', { needsConfirmation: true }), { by: 'purchase' });
    await apply(s.first.id, answer('SUCCESS'));
    expect((await row(s.id)).status).toBe('SUCCESS');
    expect(await lateOf(s.id)).toEqual([]);
    await clean();
  });

  it('"not processed" needing confirmation: the sale\'s own call is told to wait; NOT_FOUND then fails over', async () => {
    const s = await held();
    const route = await failover();
    const waiting = await apply(s.first.id, answer('NOT_PROCESSED', { needsConfirmation: true }), {
      by: 'purchase',
      failover: route,
    });
    expect(waiting).toMatchObject({ confirmFailover: true, purchase: { status: 'PENDING' } });
    expect(waiting.failoverTo).toBeUndefined();
    expect((await attempt(s.first.id)).awaiting).toBe('failover');
    expect(await jobOf(s.first.id)).toBeDefined();
    const moved = await apply(s.first.id, answer('NOT_FOUND'), { failover: route });
    const next = route.route[route.route.findIndex((step) => step.provider === 'vtpass') + 1]!;
    expect(moved.failoverTo).toMatchObject({ provider: next.provider, purchaseId: s.id });
    expect(moved.purchase).toMatchObject({
      status: 'PENDING',
      provider: next.provider,
      reference: moved.failoverTo!.reference,
    });
    expect(await jobOf(s.first.id)).toBeUndefined();
    expect(await resolution(s.id)).toBe('held');
    expect((await events(s.id)).at(-1)).toMatchObject({
      kind: 'failover',
      attemptId: moved.failoverTo!.id,
      detail: { from: 'vtpass', to: next.provider },
    });
    await clean();
  });

  it('"not processed, confirm" at the route\'s last provider: the confirming NOT_FOUND refunds, saying so', async () => {
    const s = await held();
    const route = await failover();
    const last = { ...route, route: route.route.slice(0, 1) };
    await apply(s.first.id, answer('NOT_PROCESSED', { needsConfirmation: true }), {
      by: 'purchase',
      failover: last,
    });
    const r = await apply(s.first.id, answer('NOT_FOUND'), { failover: last });
    expect(r.failoverTo).toBeUndefined();
    expect(r.purchase.status).toBe('FAILED');
    expect(await reason(s.id)).toBe('vtpass confirmed it never processed it');
  });

  it('a requery that says "not processed, confirm" is not the sale\'s own call: it does not ask to wait for failover', async () => {
    const s = await held();
    const r = await apply(s.first.id, answer('NOT_PROCESSED', { needsConfirmation: true }), {
      by: 'requery',
    });
    expect(r.confirmFailover).toBeUndefined();
    expect(r.purchase.status).toBe('PENDING');
  });

  it('"not processed, confirm" that the requery finds FAILED refunds, never another provider', async () => {
    const s = await held();
    await apply(s.first.id, answer('NOT_PROCESSED', { needsConfirmation: true }), {
      by: 'purchase',
      failover: await failover(),
    });
    const refunded = await apply(s.first.id, answer('FAILED'), { failover: await failover() });
    expect(refunded.failoverTo).toBeUndefined();
    expect(refunded.purchase.status).toBe('FAILED');
    expect(await wallet()).toEqual({ balance: FUND, reserved: 0 });
  });

  it('confirmation asked through a hint, or on a sale with the admin, books no requery', async () => {
    const s = await held();
    await apply(s.first.id, answer('PENDING'));
    const job = (await jobOf(s.first.id))!;
    await apply(s.first.id, answer('FAILED', { needsConfirmation: true }), { by: 'callback' });
    expect(await jobOf(s.first.id)).toEqual(job);
    expect((await row(s.id)).status).toBe('PENDING');
    await apply(s.first.id, answer('MANUAL_REVIEW'));
    const r = await apply(s.first.id, answer('NOT_PROCESSED', { needsConfirmation: true }), {
      by: 'purchase',
    });
    expect(r.purchase.status).toBe('MANUAL_REVIEW');
    expect(r.confirmFailover).toBeUndefined();
    expect(await jobOf(s.first.id)).toBeUndefined();
    expect((await attempt(s.first.id)).awaiting).toBe('failover');
  });

  it('a confirmation that would need a requery past the budget goes to manual review', async () => {
    const s = await held();
    await w.db.update(requeryJobs).set({ tries: 28 }).where(eq(requeryJobs.attemptId, s.first.id));
    await apply(s.first.id, answer('FAILED', { needsConfirmation: true }));
    expect((await row(s.id)).status).toBe('MANUAL_REVIEW');
    expect(await resolution(s.id)).toBe('held');
    expect((await events(s.id)).findLast((e) => e.kind === 'manual_review')!.detail).toEqual({
      why: 'requery budget spent',
    });
  });
});

describe('failover only on a definite "not processed" at the sale\'s own call', () => {
  it('fails over at once to the next provider in the route, with a new reference and attempt', async () => {
    const s = await held();
    const route = await failover();
    const moved = await apply(s.first.id, answer('NOT_PROCESSED'), {
      by: 'purchase',
      failover: route,
    });
    expect(moved.failoverTo).toBeDefined();
    expect(moved.failoverTo!.provider).toBe(route.route[1]!.provider);
    expect((await attemptsOf(s.id)).map((a) => a.provider)).toEqual([
      'vtpass',
      route.route[1]!.provider,
    ]);
    expect((await row(s.id)).reference).toBe(moved.failoverTo!.reference);
    expect(await wallet()).toEqual({ balance: FUND - s.cost, reserved: s.cost });
    await clean();
  });

  it('with no route to follow, or at its last provider, "not processed" refunds', async () => {
    const s = await held();
    const r = await apply(s.first.id, answer('NOT_PROCESSED', { providerCode: '040' }));
    expect(r.failoverTo).toBeUndefined();
    expect(r.purchase.status).toBe('FAILED');
    expect(
      await first(
        w.db.select().from(purchaseResolutions).where(eq(purchaseResolutions.purchaseId, s.id)),
      ),
    ).toMatchObject({ outcome: 'refunded', reason: 'vtpass 040: not processed' });

    const t = await held();
    const route = await failover();
    const last = { ...route, route: route.route.slice(0, 1) };
    const end = await apply(t.first.id, answer('NOT_PROCESSED'), {
      by: 'purchase',
      failover: last,
    });
    expect(end.failoverTo).toBeUndefined();
    expect(end.purchase.status).toBe('FAILED');
    expect(await wallet()).toEqual({ balance: FUND, reserved: 0 });
  });
});

describe('a superseded attempt is still heard', () => {
  it('its delivery while the sale is open is adopted: the sale settles on the attempt that delivered', async () => {
    const s = await movedOn();
    const applied = await apply(s.first.id, answer('SUCCESS'), { by: 'callback' });
    expect(applied.purchase).toMatchObject({
      status: 'SUCCESS',
      provider: 'vtpass',
      reference: s.first.reference,
    });
    expect(await kinds(s.id)).toContain('adopted');
    expect((await events(s.id)).find((e) => e.kind === 'adopted')!.detail).toEqual({
      from: s.second.provider,
      to: 'vtpass',
      reference: s.first.reference,
    });
    expect(await wallet()).toEqual({ balance: FUND - s.cost, reserved: 0 });
    // The attempt it moved away from is now the superseded one: its own later delivery is a double delivery.
    await apply(s.second.id, answer('SUCCESS'));
    expect(await lateOf(s.id)).toMatchObject([
      { kind: 'delivered_twice', attemptId: s.second.id, detectedBy: 'requery' },
    ]);
    await clean();
  });

  it('its delivery after the sale settled elsewhere is a double delivery, flagged once, no money moved', async () => {
    const s = await movedOn();
    await apply(s.second.id, answer('SUCCESS'));
    const after = await wallet();
    await apply(s.first.id, answer('SUCCESS'), { by: 'callback', now: clock + MINUTE });
    await apply(s.first.id, answer('SUCCESS'));
    expect(await lateOf(s.id)).toMatchObject([
      {
        kind: 'delivered_twice',
        attemptId: s.first.id,
        detectedBy: 'callback',
        detectedAt: clock + MINUTE,
      },
    ]);
    expect((await kinds(s.id)).filter((k) => k === 'delivered_twice')).toHaveLength(1);
    expect((await events(s.id)).find((e) => e.kind === 'delivered_twice')).toMatchObject({
      status: 'SUCCESS',
      attemptId: s.first.id,
    });
    expect(await wallet()).toEqual(after);
    expect(await row(s.id)).toMatchObject({ status: 'SUCCESS', reference: s.second.reference });
    await clean();
  });

  it('its delivery after the sale was refunded is a delivery after refund', async () => {
    const s = await movedOn();
    await apply(s.second.id, answer('FAILED'));
    await apply(s.first.id, answer('SUCCESS'));
    expect(await lateOf(s.id)).toMatchObject([
      { kind: 'delivered_after_refund', attemptId: s.first.id },
    ]);
    expect((await row(s.id)).status).toBe('FAILED');
    await clean();
  });

  it("the agent's webhook receivers hear of a delivery after refund, not of a double delivery", async () => {
    const subscribe = async () =>
      await w.db.insert(webhookEndpoints).values({
        agentId: w.agentId,
        url: 'https://agent.example/hooks',
        events: ['sale.delivered_after_refund'],
        secret: 'whsec_test',
        createdAt: clock,
      });
    const told = async () =>
      (await w.db.select().from(webhookEvents)).filter(
        (e) => e.type === 'sale.delivered_after_refund',
      );
    const refunded = await movedOn();
    await subscribe();
    await apply(refunded.second.id, answer('FAILED'));
    await apply(refunded.first.id, answer('SUCCESS'));
    expect(await told()).toHaveLength(1);
    expect(JSON.parse((await told())[0]!.payload).data).toMatchObject({ status: 'FAILED' });

    await w.close(); // each world is its own: the next sale forks a fresh one
    const twice = await movedOn();
    await subscribe();
    await apply(twice.second.id, answer('SUCCESS'));
    await apply(twice.first.id, answer('SUCCESS'));
    expect(await lateOf(twice.id)).toMatchObject([{ kind: 'delivered_twice' }]);
    expect(await told()).toEqual([]);
  });

  it('while its answer is open it keeps its own schedule; a definite answer ends it; nothing else moves', async () => {
    const s = await movedOn();
    // A superseded attempt's open answer keeps it on its own requery schedule.
    await bookRequery(s, 1);
    await apply(s.first.id, answer('PENDING'));
    expect(await jobOf(s.first.id)).toMatchObject({ tries: 2, nextAt: clock + 2 * MINUTE });
    await apply(s.first.id, answer('PENDING'), { by: 'callback' });
    expect(await jobOf(s.first.id)).toMatchObject({ tries: 2 });
    await apply(s.first.id, answer('UNKNOWN'), { by: 'check_now' });
    expect(await jobOf(s.first.id)).toMatchObject({ tries: 2 });
    // NOT_FOUND is no answer either: it may still be delivered there.
    await apply(s.first.id, answer('NOT_FOUND'));
    expect(await jobOf(s.first.id)).toMatchObject({ tries: 3 });
    expect(await row(s.id)).toMatchObject({ status: 'PENDING', reference: s.second.reference });
    expect((await apply(s.first.id, answer('FAILED'))).purchase).toMatchObject({
      id: s.id,
      status: 'PENDING',
    });
    expect(await jobOf(s.first.id)).toBeUndefined();
    expect(await resolution(s.id)).toBe('held');
    expect(await jobOf(s.second.id)).toBeDefined();
    await clean();
  });

  it('its schedule ends when its budget is spent, without sending the sale to review', async () => {
    const s = await movedOn();
    await bookRequery(s, 28);
    await apply(s.first.id, answer('PENDING'));
    expect(await jobOf(s.first.id)).toBeUndefined();
    expect((await row(s.id)).status).toBe('PENDING');
    // Without a job of its own an open answer books none.
    await apply(s.first.id, answer('UNKNOWN'));
    expect(await jobOf(s.first.id)).toBeUndefined();
  });
});

describe('the delivered value (token, units, name) comes from the sale’s own answers', () => {
  const value = (token: string) => ({ token, units: '12.5 kWh', customerName: 'ADA OBI' });
  const kept = async (id: number) => {
    const r = await row(id);
    return { token: r.token, units: r.units, customerName: r.customerName };
  };

  it('its current attempt’s answer carrying it is kept, whatever its status, and the timeline says who brought it', async () => {
    const s = await held();
    await apply(s.first.id, answer('PENDING', { delivered: value('11112222333344445555') }), {
      by: 'callback',
    });
    expect(await kept(s.id)).toEqual(value('11112222333344445555'));
    expect((await events(s.id)).filter((e) => e.kind === 'token_delivered')).toMatchObject([
      { attemptId: s.first.id, detail: { provider: 'vtpass', by: 'callback' } },
    ]);
  });

  it('a superseded attempt’s is kept only with its delivery', async () => {
    const s = await movedOn();
    await apply(s.first.id, answer('PENDING', { delivered: value('99998888777766665555') }));
    expect(await kept(s.id)).toEqual({ token: null, units: null, customerName: null });
    expect(await kinds(s.id)).not.toContain('token_delivered');
    await apply(s.first.id, answer('SUCCESS', { delivered: value('11112222333344445555') }), {
      by: 'callback',
    });
    expect(await kept(s.id)).toEqual(value('11112222333344445555'));
    expect((await row(s.id)).status).toBe('SUCCESS');
  });
});

describe('answers after the sale was resolved', () => {
  it('a reversal after the settle refunds once, takes the sale out of the earnings, and shows it reversed', async () => {
    const s = await held();
    await apply(s.first.id, answer('SUCCESS'));
    expect(await earnings()).toEqual({ count: 1, face: 10_000 });
    clock += HOUR;
    const r = await apply(s.first.id, answer('REVERSED'), { by: 'callback' });
    expect(r.purchase).toMatchObject({ status: 'REVERSED', finalAt: clock });
    expect(await wallet()).toEqual({ balance: FUND, reserved: 0 });
    expect(await earnings()).toEqual({ count: 0, face: 0 });
    expect((await events(s.id)).at(-1)).toMatchObject({ kind: 'reversed', status: 'REVERSED' });
    await apply(s.first.id, answer('REVERSED'));
    expect(await wallet()).toEqual({ balance: FUND, reserved: 0 });
    expect(await earnings()).toEqual({ count: 0, face: 0 });
    expect((await kinds(s.id)).filter((k) => k === 'reversed')).toHaveLength(1);
    await clean();
  });

  it('a reversal of a refunded sale moves nothing', async () => {
    const s = await held();
    await apply(s.first.id, answer('FAILED'));
    await apply(s.first.id, answer('REVERSED'));
    expect((await row(s.id)).status).toBe('FAILED');
    expect(await lateOf(s.id)).toEqual([]);
    expect(await wallet()).toEqual({ balance: FUND, reserved: 0 });
    await clean();
  });

  it('a delivery after a refund, or after a reversal, is flagged for an admin once; the money waits', async () => {
    const s = await held();
    await apply(s.first.id, answer('FAILED'));
    await apply(s.first.id, answer('SUCCESS', { providerCode: 'late-000' }), { by: 'check_now' });
    expect((await events(s.id)).filter((e) => e.kind === 'delivered_after_refund')).toMatchObject([
      {
        status: 'SUCCESS',
        attemptId: s.first.id,
        detail: { provider: 'vtpass', code: 'late-000' },
      },
    ]);
    await apply(s.first.id, answer('SUCCESS'));
    expect(await lateOf(s.id)).toMatchObject([
      { kind: 'delivered_after_refund', detectedBy: 'check_now', resolution: null },
    ]);
    expect((await kinds(s.id)).filter((k) => k === 'delivered_after_refund')).toHaveLength(1);
    expect((await row(s.id)).status).toBe('FAILED');
    expect(await wallet()).toEqual({ balance: FUND, reserved: 0 });

    const t = await held();
    await apply(t.first.id, answer('SUCCESS'));
    await apply(t.first.id, answer('REVERSED'));
    await apply(t.first.id, answer('SUCCESS'));
    expect(await lateOf(t.id)).toMatchObject([{ kind: 'delivered_after_refund' }]);
    expect((await row(t.id)).status).toBe('REVERSED');
    await clean();
  });

  it('a success repeated on a settled sale changes nothing and flags nothing', async () => {
    const s = await held();
    await apply(s.first.id, answer('SUCCESS'));
    const after = await wallet();
    await apply(s.first.id, answer('SUCCESS'));
    expect(await lateOf(s.id)).toEqual([]);
    expect(await wallet()).toEqual(after);
    expect(await earnings()).toEqual({ count: 1, face: 10_000 });
  });

  it('any answer on a resolved sale ends its requeries', async () => {
    const s = await held();
    await apply(s.first.id, answer('FAILED'));
    await bookRequery(s, 1);
    await apply(s.first.id, answer('PENDING'));
    expect(await jobOf(s.first.id)).toBeUndefined();
    expect((await row(s.id)).status).toBe('FAILED');
    expect(await lateOf(s.id)).toEqual([]);
  });
});
