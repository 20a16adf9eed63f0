import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  lateDeliveries,
  providerCredentials,
  purchaseAttempts,
  purchaseEvents,
  purchases,
  requeryJobs,
} from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { listAdminAlerts } from '@/lib/admin/alerts';
import { lateDeliveryTotals } from '@/lib/admin/reconcile';
import { routeFor } from '@/lib/catalogue/routing';
import { findWallet } from '@/lib/ledger/accounts';
import { allViolations } from '@/lib/ledger/invariants';
import { fundWallet } from '@/lib/ledger/funding';
import { agentDebt } from '@/lib/ledger/late-delivery-money';
import type { ProviderResult, TxnStatus } from '@/lib/providers/types';
import type { World } from '@/test/world';
import { withWorld } from '@/test/world/hooks';
import { adminResolve } from './admin-resolve';
import { applyProviderResult, type ApplyOptions } from './apply-result';
import { handleCallback } from './callbacks';
import { listOpenLateDeliveries, resolveLateDelivery } from './late-delivery';
import { runRequeryPass } from './requery-worker';
import { NOT_FOUND_GRACE_MS } from './schedule';
import { startSale } from './start-sale';
import { first, rows } from '@/db/query';

let world: World;
withWorld(50_000_000, (w) => (world = w));

const admin = { userId: null, label: 'admin@test', ip: '10.0.0.9' };
let n = 0;

async function sale(
  lastTwo: string,
  opts: { network?: string; currency?: 'NGN' | 'INR'; agentId?: number } = {},
) {
  const network = opts.network ?? 'MTN';
  const india = opts.currency === 'INR';
  // India sells data plans per circle; Nigeria airtime.
  const product = await world.product({
    network,
    type: india ? 'data' : 'airtime',
    currency: opts.currency,
  });
  const phone = india
    ? `98${String(++n).padStart(6, '0')}${lastTwo}`
    : `0803${String(++n).padStart(5, '0')}${lastTwo}`;
  const r = await startSale(world.db, opts.agentId ?? world.agentId, {
    idempotencyKey: `engine-${Date.now()}-${n}`,
    productId: product.id,
    phone,
    network,
    ...(india
      ? { circle: product.circle, expectedPriceMinor: product.priceMinor! }
      : { amountMinor: 10_000 }),
  });
  if (!r.ok) throw new Error(r.refusal.message);
  return { ...r.outcome, phone };
}

const row = async (id: number) =>
  (await first(world.db.select().from(purchases).where(eq(purchases.id, id))))!;
const attemptsOf = async (id: number) =>
  await world.db
    .select()
    .from(purchaseAttempts)
    .where(eq(purchaseAttempts.purchaseId, id))
    .orderBy(purchaseAttempts.id);
const currentAttempt = async (id: number) => {
  const { reference } = await row(id);
  return (await attemptsOf(id)).find((a) => a.reference === reference)!;
};
const eventKinds = async (id: number) =>
  (await world.db.select().from(purchaseEvents).where(eq(purchaseEvents.purchaseId, id))).map(
    (e) => e.kind,
  );
const jobOf = async (attemptId: number) =>
  await first(world.db.select().from(requeryJobs).where(eq(requeryJobs.attemptId, attemptId)));
const wallet = async (agentId = world.agentId, currency: 'NGN' | 'INR' = 'NGN') =>
  (await findWallet(world.db, agentId, currency))!;
const answer = (status: TxnStatus, extra: Partial<ProviderResult> = {}): ProviderResult => ({
  status,
  providerCode: `test-${status}`,
  exchanges: [],
  ...extra,
});
const apply = async (attemptId: number, result: ProviderResult, opts: Partial<ApplyOptions> = {}) =>
  await applyProviderResult(world.db, attemptId, result, {
    by: 'requery',
    now: Date.now(),
    ...opts,
  });
const lateOf = async (purchaseId: number) =>
  await world.db.select().from(lateDeliveries).where(eq(lateDeliveries.purchaseId, purchaseId));

describe('a delivery after the sale was resolved is never silent', () => {
  it('flags "delivered after refund" when a requery finds a refunded sale delivered, alerts, and queues it', async () => {
    const s = await sale('58');
    const attempt = await currentAttempt(s.purchaseId);
    await apply(attempt.id, answer('FAILED'));
    expect((await row(s.purchaseId)).status).toBe('FAILED');
    await apply(attempt.id, answer('SUCCESS'));
    expect(await lateOf(s.purchaseId)).toMatchObject([
      {
        kind: 'delivered_after_refund',
        attemptId: attempt.id,
        resolution: null,
        detectedBy: 'requery',
      },
    ]);
    expect(await eventKinds(s.purchaseId)).toContain('delivered_after_refund');
    expect((await listOpenLateDeliveries(world.db)).map((l) => l.purchase.id)).toContain(
      s.purchaseId,
    );
    expect(
      (await listAdminAlerts(world.db)).some(
        (a) =>
          a.tone === 'error' &&
          /delivered after the agent was refunded/.test(a.message) &&
          a.href === '/admin/review',
      ),
    ).toBe(true);
    // Said again, it is the same flag: one row, one event.
    await apply(attempt.id, answer('SUCCESS'), { by: 'callback' });
    expect(await lateOf(s.purchaseId)).toHaveLength(1);
    expect(
      (await eventKinds(s.purchaseId)).filter((k) => k === 'delivered_after_refund'),
    ).toHaveLength(1);
    expect((await row(s.purchaseId)).status).toBe('FAILED'); // the money says refunded until an admin decides
    expect(await allViolations(world.db)).toEqual([]);
  });

  it('flags a refund after two not-found answers that a callback later finds delivered', async () => {
    const s = await sale('58');
    const attempt = await currentAttempt(s.purchaseId);
    const late = attempt.createdAt + NOT_FOUND_GRACE_MS + 60_000;
    await apply(attempt.id, answer('NOT_FOUND'), { now: late });
    await apply(attempt.id, answer('NOT_FOUND'), { now: late + 60_000 });
    expect((await row(s.purchaseId)).status).toBe('FAILED');
    await apply(attempt.id, answer('SUCCESS'), { by: 'callback', now: late + 120_000 });
    expect(await lateOf(s.purchaseId)).toMatchObject([
      { kind: 'delivered_after_refund', detectedBy: 'callback' },
    ]);
  });

  it('flags an admin\'s "failed" that "check now" later finds delivered', async () => {
    const s = await sale('58');
    await adminResolve(world.db, admin, s.purchaseId, 'failed', 'provider support said it failed');
    await apply((await currentAttempt(s.purchaseId)).id, answer('SUCCESS'), { by: 'check_now' });
    expect(await lateOf(s.purchaseId)).toMatchObject([
      { kind: 'delivered_after_refund', detectedBy: 'check_now' },
    ]);
  });

  it('flags "delivered twice" when a superseded attempt delivers after the sale settled elsewhere, and writes it off', async () => {
    const s = await sale('58');
    const first = await currentAttempt(s.purchaseId);
    const product = await world.product({ network: 'MTN', type: 'airtime' });
    const failover = {
      route: await routeFor(world.db, product),
      newReference: () => `202601010000DT${String(++n).padStart(6, '0')}`,
    };
    const moved = await apply(first.id, answer('NOT_PROCESSED'), { by: 'purchase', failover });
    expect(moved.failoverTo).toBeDefined();
    await apply(moved.failoverTo!.id, answer('SUCCESS'), { by: 'purchase' });
    expect((await row(s.purchaseId)).status).toBe('SUCCESS');
    await apply(first.id, answer('SUCCESS'), { by: 'callback' });
    const [late] = await lateOf(s.purchaseId);
    expect(late).toMatchObject({ kind: 'delivered_twice', attemptId: first.id });

    const before = await wallet();
    const floatBalance = async () =>
      (
        await rows<{ b: number }>(
          world.db,
          sql`select balance as b from accounts where code = ${`float:${first.provider}`}`,
        )
      )[0]?.b ?? 0;
    const floatBefore = await floatBalance();
    await resolveLateDelivery(
      world.db,
      admin,
      late!.id,
      'write_off',
      'first provider delivered too; our loss',
    );
    expect(await wallet()).toEqual(before); // the agent is not charged
    const writeOff = (
      await rows<{ b: number }>(
        world.db,
        sql`select balance as b from accounts where code = 'write_off:NGN'`,
      )
    )[0]!.b;
    expect(writeOff).toBeLessThanOrEqual(-first.providerCostMinor);
    expect(
      (await lateDeliveryTotals(world.db)).find((t) => t.currency === 'NGN')?.writtenOffMinor,
    ).toBe(-writeOff); // shown in reconciliation
    expect(await floatBalance()).toBe(floatBefore + first.providerCostMinor);
    expect((await lateOf(s.purchaseId))[0]).toMatchObject({
      resolution: 'written_off',
      resolvedBy: 'admin@test',
    });
    await expect(
      resolveLateDelivery(world.db, admin, late!.id, 'recover', 'again'),
    ).rejects.toThrow(/already written off/);
    const audit = await rows<{ n: number }>(
      world.db,
      sql`select count(*) as n from audit_log where action = 'sale.late_delivery_written_off' and target_id = ${String(s.purchaseId)}`,
    );
    expect(audit[0]?.n).toBe(1);
    expect(await allViolations(world.db)).toEqual([]);
  });

  it('recovers from the wallet in one movement, never overdrawing: the shortfall is a debt the next funding pays', async () => {
    const agentId = await world.newAgent(15_000);
    const s = await sale('58', { agentId }); // the wallet holds 15,000 − 9,800 after the sale
    const attempt = await currentAttempt(s.purchaseId);
    await apply(attempt.id, answer('FAILED')); // refunded: 15,000 again
    // The agent spends most of it before the late delivery is noticed.
    const spend = await sale('00', { agentId });
    expect((await wallet(agentId)).balance).toBe(15_000 - spend.agentCostMinor);
    await apply(attempt.id, answer('SUCCESS'));
    const [late] = await lateOf(s.purchaseId);
    const held = (await wallet(agentId)).balance;
    const result = await resolveLateDelivery(
      world.db,
      admin,
      late!.id,
      'recover',
      'the customer got the airtime',
    );
    expect(result).toEqual({
      decision: 'recover',
      recoveredMinor: held,
      debtMinor: s.agentCostMinor - held,
    });
    expect((await wallet(agentId)).balance).toBe(0);
    const recoveries = await rows<{ n: number }>(
      world.db,
      sql`select count(*) as n from ledger_entries where kind = 'recovery' and reference = ${`late-delivery:${late!.id}`}`,
    );
    expect(recoveries[0]?.n).toBe(1);
    expect(await agentDebt(world.db, agentId, 'NGN')).toBe(s.agentCostMinor - held);
    expect(await allViolations(world.db)).toEqual([]);

    await fundWallet(world.db, SYSTEM_ACTOR, {
      agentId,
      currency: 'NGN',
      amount: 20_000,
      direction: 'credit',
      reference: `debt-test-${agentId}`,
      reason: 'top-up',
    });
    expect(await agentDebt(world.db, agentId, 'NGN')).toBe(0);
    expect((await wallet(agentId)).balance).toBe(20_000 - (s.agentCostMinor - held));
    expect(await allViolations(world.db)).toEqual([]);
  });

  it('simulator 62 at a provider that refunds at once: the success callback flags it (RechargeKit)', async () => {
    await world.fund(1_000_000, 'INR');
    const s = await sale('62', { network: 'AIRTEL', currency: 'INR' });
    expect(s.provider).toBe('rechargekit');
    expect(s.status).toBe('FAILED');
    world.sim.release(s.phone); // the simulator's record turns into a delivery now, not on its timer
    const handled = await handleCallback(world.db, 'rechargekit', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      query: {},
      rawBody: JSON.stringify({ status: 1, pid: s.reference, orderid: 'x', msg: 'success' }),
    });
    expect(handled.outcome).toBe('applied');
    expect(await lateOf(s.purchaseId)).toMatchObject([{ kind: 'delivered_after_refund' }]);
    expect(await allViolations(world.db)).toEqual([]);
  });

  it('simulator 62 where the table asks for a confirming requery first: the requery finds it delivered and the sale succeeds', async () => {
    const s = await sale('62');
    expect(s.provider).toBe('vtpass');
    expect(s.status).toBe('PENDING');
    expect(await eventKinds(s.purchaseId)).toContain('awaiting_confirmation');
    world.sim.release(s.phone);
    await runRequeryPass(world.db, { now: () => Date.now() + 10 * 60_000 });
    expect((await row(s.purchaseId)).status).toBe('SUCCESS');
    expect(await lateOf(s.purchaseId)).toEqual([]);
  });
});

describe('failover only when the first attempt provably did nothing', () => {
  it('a definite failure (59) never goes to another provider', async () => {
    const s = await sale('59');
    expect(await attemptsOf(s.purchaseId)).toHaveLength(1);
    expect(['PENDING', 'FAILED']).toContain(s.status);
    await runRequeryPass(world.db, { now: () => Date.now() + 10 * 60_000 });
    expect((await row(s.purchaseId)).status).toBe('FAILED');
    expect(await attemptsOf(s.purchaseId)).toHaveLength(1);
    expect(await allViolations(world.db)).toEqual([]);
  });

  it('a failure that needs confirming keeps the money reserved until a requery says failed or not found', async () => {
    const s = await sale('58');
    const attempt = await currentAttempt(s.purchaseId);
    const before = await wallet();
    const product = await world.product({ network: 'MTN', type: 'airtime' });
    const failover = {
      route: await routeFor(world.db, product),
      newReference: () => `202601010000FC${String(++n).padStart(6, '0')}`,
    };
    const applied = await apply(attempt.id, answer('FAILED', { needsConfirmation: true }), {
      by: 'purchase',
      failover,
    });
    expect(applied.failoverTo).toBeUndefined();
    expect(applied.purchase.status).toBe('PENDING');
    expect(await wallet()).toEqual(before);
    expect(await jobOf(attempt.id)).toBeDefined();
    expect(await eventKinds(s.purchaseId)).toContain('awaiting_confirmation');
    // The confirming requery finds no record: one answer is the confirmation, even inside the grace period.
    await apply(attempt.id, answer('NOT_FOUND'), { failover });
    expect((await row(s.purchaseId)).status).toBe('FAILED');
    expect(await attemptsOf(s.purchaseId)).toHaveLength(1);
    expect((await wallet()).balance).toBe(before.balance + s.agentCostMinor);
  });

  it('"not processed, try again" fails over only after a requery of the old reference says not found', async () => {
    const product = await world.product({ network: 'MTN', type: 'airtime' });
    const failover = {
      route: await routeFor(world.db, product),
      newReference: () => `202601010000NP${String(++n).padStart(6, '0')}`,
    };
    const a = await sale('58');
    const first = await currentAttempt(a.purchaseId);
    const held = await apply(first.id, answer('NOT_PROCESSED', { needsConfirmation: true }), {
      by: 'purchase',
      failover,
    });
    expect(held).toMatchObject({ confirmFailover: true, purchase: { status: 'PENDING' } });
    expect(held.failoverTo).toBeUndefined();
    const moved = await apply(first.id, answer('NOT_FOUND'), { failover });
    expect(moved.failoverTo?.provider).not.toBe(first.provider);

    // The requery says it failed there after all: refund, never another provider.
    const b = await sale('58');
    const other = await currentAttempt(b.purchaseId);
    await apply(other.id, answer('NOT_PROCESSED', { needsConfirmation: true }), {
      by: 'purchase',
      failover,
    });
    const refunded = await apply(other.id, answer('FAILED'), { failover });
    expect(refunded.failoverTo).toBeUndefined();
    expect(refunded.purchase.status).toBe('FAILED');
    expect(await allViolations(world.db)).toEqual([]);
  });
});

describe('not found means two answers after the grace period, per attempt', () => {
  it('one not-found answer never refunds, even with no requery job left (manual review)', async () => {
    const s = await sale('58');
    const attempt = await currentAttempt(s.purchaseId);
    const late = attempt.createdAt + NOT_FOUND_GRACE_MS + 1;
    await apply(attempt.id, answer('MANUAL_REVIEW'), { now: late });
    expect(await jobOf(attempt.id)).toBeUndefined();
    await apply(attempt.id, answer('NOT_FOUND'), { by: 'check_now', now: late });
    expect((await row(s.purchaseId)).status).toBe('MANUAL_REVIEW');
    await apply(attempt.id, answer('NOT_FOUND'), { by: 'callback', now: late + 1 });
    expect((await row(s.purchaseId)).status).toBe('FAILED');
    expect(await allViolations(world.db)).toEqual([]);
  });

  it('answers inside the grace period do not count', async () => {
    const s = await sale('58');
    const attempt = await currentAttempt(s.purchaseId);
    for (const minutes of [1, 5, 10])
      await apply(attempt.id, answer('NOT_FOUND'), { now: attempt.createdAt + minutes * 60_000 });
    await apply(attempt.id, answer('NOT_FOUND'), {
      now: attempt.createdAt + NOT_FOUND_GRACE_MS + 1,
    });
    expect((await row(s.purchaseId)).status).toBe('PENDING');
    await apply(attempt.id, answer('NOT_FOUND'), {
      now: attempt.createdAt + NOT_FOUND_GRACE_MS + 2,
    });
    expect((await row(s.purchaseId)).status).toBe('FAILED');
  });
});

describe('callbacks cannot steer the schedule', () => {
  it('100 distinct forged callbacks leave a pending sale pending, on its schedule, with a handful of requeries', async () => {
    const s = await sale('58');
    const attempt = await currentAttempt(s.purchaseId);
    const job = (await jobOf(attempt.id))!;
    let requeries = 0;
    const counting: typeof fetch = (input, init) => {
      if (String(input).includes('requery')) requeries += 1;
      return fetch(input, init);
    };
    for (let i = 0; i < 100; i += 1) {
      await handleCallback(
        world.db,
        'vtpass',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          query: {},
          rawBody: JSON.stringify({
            type: 'transaction-update',
            data: {
              code: '000',
              requestId: s.reference,
              content: { transactions: { status: 'delivered' } },
              nonce: i,
            },
          }),
        },
        { fetch: counting },
        Date.now,
        `203.0.113.${i % 3}`,
      );
    }
    expect((await row(s.purchaseId)).status).toBe('PENDING');
    expect(await jobOf(attempt.id)).toMatchObject({ tries: job.tries, nextAt: job.nextAt });
    expect(requeries).toBeLessThanOrEqual(3);
    expect(await allViolations(world.db)).toEqual([]);
  });
});

describe('a sale whose provider cannot be called', () => {
  it("on the sale's own call it never reached the provider: the next provider takes it", async () => {
    const saved = await world.db
      .select()
      .from(providerCredentials)
      .where(eq(providerCredentials.provider, 'vtpass'));
    await world.db
      .update(providerCredentials)
      .set({ ciphertext: 'not-a-ciphertext' })
      .where(eq(providerCredentials.provider, 'vtpass'));
    try {
      const s = await sale('00');
      expect((await attemptsOf(s.purchaseId)).map((a) => a.provider)).toEqual(['vtpass', 'jonet']);
      expect((await attemptsOf(s.purchaseId))[0]).toMatchObject({
        status: 'NOT_PROCESSED',
        providerCode: 'config',
      });
      expect(s.status).toBe('SUCCESS');
    } finally {
      for (const c of saved) {
        await world.db
          .update(providerCredentials)
          .set({ ciphertext: c.ciphertext })
          .where(
            and(
              eq(providerCredentials.provider, c.provider),
              eq(providerCredentials.field, c.field),
            ),
          );
      }
    }
  });

  it('spends its requery budget and ends in manual review with the reason, never re-leased forever', async () => {
    const s = await sale('58');
    const attempt = await currentAttempt(s.purchaseId);
    const saved = await world.db
      .select()
      .from(providerCredentials)
      .where(eq(providerCredentials.provider, attempt.provider));
    await world.db
      .update(providerCredentials)
      .set({ ciphertext: 'not-a-ciphertext' })
      .where(eq(providerCredentials.provider, attempt.provider));
    try {
      let clock = Date.now();
      let tries = (await jobOf(attempt.id))!.tries;
      for (let i = 0; i < 40 && (await row(s.purchaseId)).status !== 'MANUAL_REVIEW'; i += 1) {
        clock += 2 * 3_600_000;
        await runRequeryPass(world.db, { now: () => clock });
        const job = await jobOf(attempt.id);
        if (job) {
          expect(job.tries).toBeGreaterThan(tries);
          tries = job.tries;
        }
      }
    } finally {
      for (const c of saved) {
        await world.db
          .update(providerCredentials)
          .set({ ciphertext: c.ciphertext })
          .where(
            and(
              eq(providerCredentials.provider, c.provider),
              eq(providerCredentials.field, c.field),
            ),
          );
      }
    }
    expect((await row(s.purchaseId)).status).toBe('MANUAL_REVIEW');
    const why = (
      await world.db
        .select()
        .from(purchaseEvents)
        .where(eq(purchaseEvents.purchaseId, s.purchaseId))
    ).find((e) => e.kind === 'manual_review')?.detail;
    expect(JSON.stringify(why)).toMatch(/requery budget spent.*cannot be called/);
    expect(await allViolations(world.db)).toEqual([]);
  });
});
