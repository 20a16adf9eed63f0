// A delivery that came after the sale was resolved, fast (in-memory world): the provider's float is
// charged its cost either way; recovering charges the agent's cost to the wallet as far as it can pay and
// keeps the rest as a debt the next funding pays first; writing off charges the platform; decided once.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  auditLog,
  ledgerEntries,
  products,
  purchaseAttempts,
  purchaseEvents,
} from '@/db/schema';
import { Refusal } from '@/lib/errors';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { findWallet } from '@/lib/ledger/accounts';
import { fundWallet } from '@/lib/ledger/funding';
import { allViolations } from '@/lib/ledger/invariants';
import { agentDebt } from '@/lib/ledger/late-delivery-money';
import type { ProviderResult, TxnStatus } from '@/lib/providers/types';
import { createWorld, type MemoryWorld } from '@/test/world';
import { insertUser } from '@/test/world/db';
import { applyProviderResult } from './apply-result';
import {
  countOpenLateDeliveries,
  lateDeliveriesOf,
  listOpenLateDeliveries,
  resolveLateDelivery,
} from './late-delivery';
import { startSale } from './start-sale';
import { first, rows } from '@/db/query';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

const admin = { userId: null, label: 'admin@test', ip: '10.0.0.9' };
let n = 0;
let clock = 0;

const answer = (status: TxnStatus): ProviderResult => ({
  status,
  providerCode: `code-${status}`,
  exchanges: [],
});
const apply = async (attemptId: number, status: TxnStatus, at = clock) =>
  await applyProviderResult(w.db, attemptId, answer(status), { by: 'requery', now: at });
const wallet = async () => (await findWallet(w.db, w.agentId, 'NGN'))!.balance;
const balance = async (code: string) =>
  (await first(w.db.select().from(accounts).where(eq(accounts.code, code))))?.balance ?? 0;
const entriesOf = async (lateId: number) =>
  await w.db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.reference, `late-delivery:${lateId}`));
const refusalOf = async (f: () => Promise<unknown>) => {
  try {
    await f();
  } catch (error) {
    return error;
  }
  throw new Error('not refused');
};
const clean = async () => expect(await allViolations(w.db)).toEqual([]);
const fund = async (amount: number, reference = `late-fund-${++n}`) =>
  await fundWallet(
    w.db,
    SYSTEM_ACTOR,
    {
      agentId: w.agentId,
      currency: 'NGN',
      amount,
      direction: 'credit',
      reference,
      reason: 'top-up',
    },
    clock,
  );

async function world(fundMinor: number) {
  w = await T.fork();
  clock = Date.now();
  if (fundMinor > 0) await fund(fundMinor);
}

/** A sale refunded on a definite failure, then reported delivered: one open late delivery. */
async function refundedThenDelivered(face = 10_000) {
  const product = (await first(
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
  const r = await startSale(
    w.db,
    w.agentId,
    {
      idempotencyKey: `late-${++n}`,
      productId: product.id,
      phone: `0803${String(10_000 + n).padStart(5, '0')}58`,
      network: 'MTN',
      amountMinor: face,
      confirmRepeat: true,
    },
    { now: () => clock, provider: w.provider },
  );
  if (!r.ok) throw new Error(r.refusal.message);
  const attempt = (await first(
    w.db.select().from(purchaseAttempts).where(eq(purchaseAttempts.reference, r.outcome.reference)),
  ))!;
  await apply(attempt.id, 'FAILED');
  clock += 60_000;
  await apply(attempt.id, 'SUCCESS');
  const [late] = await lateDeliveriesOf(w.db, r.outcome.purchaseId);
  return { sale: r.outcome, attempt, late: late! };
}

describe('recovering a late delivery from the agent', () => {
  it('a wallet that can pay is charged the agent cost once; the float gets the provider cost, commission the margin', async () => {
    await world(100_000);
    const { sale, attempt, late } = await refundedThenDelivered();
    expect(late).toMatchObject({ kind: 'delivered_after_refund', resolution: null });
    const float = await balance(`float:${attempt.provider}`);
    const commission = await balance('commission:NGN');
    const result = await resolveLateDelivery(
      w.db,
      admin,
      late.id,
      'recover',
      '  the customer got it  ',
      clock,
    );
    expect(result).toEqual({
      decision: 'recover',
      recoveredMinor: sale.agentCostMinor,
      debtMinor: 0,
    });
    expect(await wallet()).toBe(100_000 - sale.agentCostMinor);
    expect(await balance(`float:${attempt.provider}`)).toBe(float + attempt.providerCostMinor);
    expect(await balance('commission:NGN')).toBe(
      commission + sale.agentCostMinor - attempt.providerCostMinor,
    );
    expect(await agentDebt(w.db, w.agentId, 'NGN')).toBe(0);
    expect((await entriesOf(late.id)).map((e) => [e.kind, e.amount]).sort()).toEqual(
      [
        ['recovery', sale.agentCostMinor],
        ['settle_cost', attempt.providerCostMinor],
        ['settle_margin', sale.agentCostMinor - attempt.providerCostMinor],
      ].sort(),
    );
    expect((await lateDeliveriesOf(w.db, sale.purchaseId))[0]).toMatchObject({
      resolution: 'recovered',
      recoveredMinor: sale.agentCostMinor,
      debtMinor: 0,
      reason: 'the customer got it',
      resolvedBy: 'admin@test',
      resolvedAt: clock,
    });
    const event = (await first(
      w.db.select().from(purchaseEvents).where(eq(purchaseEvents.kind, 'late_delivery_resolved')),
    ))!;
    expect(event.detail).toMatchObject({
      decision: 'recover',
      reason: 'the customer got it',
      recoveredMinor: sale.agentCostMinor,
    });
    const audits = await rows<{ action: string }>(
      w.db,
      sql`select action from audit_log where target_type = 'purchase' and target_id = ${String(sale.purchaseId)}`,
    );
    expect(audits.map((a) => a.action)).toEqual(['sale.late_delivery_recovered']);
    await expect(
      resolveLateDelivery(w.db, admin, late.id, 'write_off', 'again', clock),
    ).rejects.toThrow(/already recovered by admin@test/);
    await clean();
  });

  it('what the wallet cannot pay becomes a debt; the next funding pays it first, once', async () => {
    await world(15_000);
    const { sale, late } = await refundedThenDelivered();
    await fundWallet(
      w.db,
      SYSTEM_ACTOR,
      {
        agentId: w.agentId,
        currency: 'NGN',
        amount: 10_000,
        direction: 'debit',
        reference: `spend-${++n}`,
        reason: 'spent',
      },
      clock,
    );
    const held = await wallet();
    expect(held).toBe(5_000);
    const result = await resolveLateDelivery(w.db, admin, late.id, 'recover', 'delivered', clock);
    expect(result).toEqual({
      decision: 'recover',
      recoveredMinor: held,
      debtMinor: sale.agentCostMinor - held,
    });
    expect(await wallet()).toBe(0);
    const debt = sale.agentCostMinor - held;
    expect(await agentDebt(w.db, w.agentId, 'NGN')).toBe(debt);
    await clean();
    // A funding smaller than the debt pays what it can and leaves the rest owed.
    await fund(1_000, 'small-top-up');
    expect(await wallet()).toBe(0);
    expect(await agentDebt(w.db, w.agentId, 'NGN')).toBe(debt - 1_000);
    // Replayed, the same funding takes nothing twice.
    await fund(1_000, 'small-top-up');
    expect(await agentDebt(w.db, w.agentId, 'NGN')).toBe(debt - 1_000);
    await fund(20_000);
    expect(await agentDebt(w.db, w.agentId, 'NGN')).toBe(0);
    expect(await wallet()).toBe(20_000 - (debt - 1_000));
    // With no debt left, funding is credited whole.
    await fund(3_000);
    expect(await wallet()).toBe(23_000 - (debt - 1_000));
    await clean();
  });

  it('an empty wallet pays nothing now: the whole agent cost is the debt', async () => {
    await world(9_800);
    const { sale, late } = await refundedThenDelivered();
    await fundWallet(
      w.db,
      SYSTEM_ACTOR,
      {
        agentId: w.agentId,
        currency: 'NGN',
        amount: await wallet(),
        direction: 'debit',
        reference: `empty-${++n}`,
        reason: 'spent',
      },
      clock,
    );
    expect(await resolveLateDelivery(w.db, admin, late.id, 'recover', 'delivered', clock)).toEqual({
      decision: 'recover',
      recoveredMinor: 0,
      debtMinor: sale.agentCostMinor,
    });
    expect((await entriesOf(late.id)).some((e) => e.kind === 'recovery')).toBe(false);
    await clean();
  });

  it('a provider cost above the agent cost takes the margin shortfall back from commission', async () => {
    await world(100_000);
    const { sale, attempt, late } = await refundedThenDelivered();
    const dearer = sale.agentCostMinor + 300;
    await w.db
      .update(purchaseAttempts)
      .set({ providerCostMinor: dearer })
      .where(eq(purchaseAttempts.id, attempt.id));
    const commission = await balance('commission:NGN');
    await resolveLateDelivery(w.db, admin, late.id, 'recover', 'delivered', clock);
    expect(await balance('commission:NGN')).toBe(commission - 300);
    expect((await entriesOf(late.id)).find((e) => e.kind === 'settle_margin')).toMatchObject({
      amount: 300,
      memo: 'Margin shortfall on a late delivery',
    });
    expect(await wallet()).toBe(100_000 - sale.agentCostMinor);
    await clean();
  });
});

describe('writing a late delivery off', () => {
  it('the platform pays the provider cost; the agent is not charged; decided once', async () => {
    await world(100_000);
    const { attempt, late, sale } = await refundedThenDelivered();
    const float = await balance(`float:${attempt.provider}`);
    const before = await wallet();
    expect(await resolveLateDelivery(w.db, admin, late.id, 'write_off', 'our loss', clock)).toEqual(
      {
        decision: 'write_off',
      },
    );
    expect(await wallet()).toBe(before);
    expect(await balance('write_off:NGN')).toBe(-attempt.providerCostMinor);
    expect(await balance(`float:${attempt.provider}`)).toBe(float + attempt.providerCostMinor);
    expect((await entriesOf(late.id)).map((e) => e.kind)).toEqual(['settle_cost']);
    expect((await lateDeliveriesOf(w.db, sale.purchaseId))[0]).toMatchObject({
      resolution: 'written_off',
      recoveredMinor: null,
      debtMinor: null,
    });
    const audits = await rows<{ action: string }>(
      w.db,
      sql`select action from audit_log where target_type = 'purchase' and target_id = ${String(sale.purchaseId)}`,
    );
    expect(audits.map((a) => a.action)).toEqual(['sale.late_delivery_written_off']);
    await expect(
      resolveLateDelivery(w.db, admin, late.id, 'recover', 'again', clock),
    ).rejects.toThrow(/already written off by admin@test/);
    await clean();
  });

  it('refuses a blank reason and an unknown late delivery, writing nothing', async () => {
    await world(100_000);
    const { late } = await refundedThenDelivered();
    const entries = (await w.db.select().from(ledgerEntries)).length;
    await expect(
      resolveLateDelivery(w.db, admin, late.id, 'write_off', '   ', clock),
    ).rejects.toThrow('Give a reason.');
    // The form marks the reason field.
    expect(
      await refusalOf(
        async () => await resolveLateDelivery(w.db, admin, late.id, 'recover', '', clock),
      ),
    ).toEqual(new Refusal('Give a reason.', 'reason'));
    await expect(
      resolveLateDelivery(w.db, admin, 999_999, 'write_off', 'x', clock),
    ).rejects.toThrow('No such late delivery.');
    expect(await w.db.select().from(ledgerEntries)).toHaveLength(entries);
    expect(await listOpenLateDeliveries(w.db)).toHaveLength(1);
  });
});

describe('the open late deliveries', () => {
  it('are listed oldest first with their sale and attempt, counted per kind, and leave the list once decided', async () => {
    await world(100_000);
    const first = await refundedThenDelivered();
    clock += 60_000;
    const second = await refundedThenDelivered();
    const open = await listOpenLateDeliveries(w.db);
    expect(open.map((l) => l.late.id)).toEqual([first.late.id, second.late.id]);
    expect(open[0]).toMatchObject({
      attemptProvider: first.attempt.provider,
      attemptReference: first.attempt.reference,
      providerCostMinor: first.attempt.providerCostMinor,
    });
    expect(await listOpenLateDeliveries(w.db, 1)).toHaveLength(1);
    expect(await countOpenLateDeliveries(w.db)).toEqual([
      { kind: 'delivered_after_refund', n: 2, since: first.late.detectedAt },
    ]);
    await resolveLateDelivery(w.db, admin, first.late.id, 'write_off', 'ours', clock);
    expect((await listOpenLateDeliveries(w.db)).map((l) => l.late.id)).toEqual([second.late.id]);
    expect(await countOpenLateDeliveries(w.db)).toEqual([
      { kind: 'delivered_after_refund', n: 1, since: second.late.detectedAt },
    ]);
  });
});

describe('the decision on record', () => {
  const named = { userId: 0, label: 'named-admin@test', ip: '10.0.0.8' };
  const audited = async (purchaseId: number) =>
    (
      await w.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.targetId, String(purchaseId)))
    ).filter((a) => a.action.startsWith('sale.late_delivery'));

  it('a recovery keeps what was taken and what is owed, names the admin on the wallet entry, and is audited', async () => {
    await world(100_000);
    named.userId = (await insertUser(w.db, 'admin')).id;
    const { sale, attempt, late } = await refundedThenDelivered();
    // The wallet holds less than the agent's cost by the time the admin decides.
    await fundWallet(
      w.db,
      SYSTEM_ACTOR,
      {
        agentId: w.agentId,
        currency: 'NGN',
        amount: 95_000,
        direction: 'debit',
        reference: `late-payout-${++n}`,
        reason: 'payout',
      },
      clock,
    );
    await resolveLateDelivery(w.db, named, late.id, 'recover', ' customer confirmed ', clock);
    const owed = sale.agentCostMinor - 5_000;
    expect((await lateDeliveriesOf(w.db, sale.purchaseId))[0]).toMatchObject({
      resolution: 'recovered',
      recoveredMinor: 5_000,
      debtMinor: owed,
      reason: 'customer confirmed',
      resolvedBy: 'named-admin@test',
    });
    const recovery = (await entriesOf(late.id)).find((e) => e.kind === 'recovery')!;
    expect(recovery).toMatchObject({ amount: 5_000, createdBy: named.userId });
    expect(await audited(sale.purchaseId)).toEqual([
      expect.objectContaining({
        action: 'sale.late_delivery_recovered',
        targetType: 'purchase',
        detail: {
          lateDeliveryId: late.id,
          kind: 'delivered_after_refund',
          reason: 'customer confirmed',
          agentCostMinor: sale.agentCostMinor,
          providerCostMinor: attempt.providerCostMinor,
          recoveredMinor: 5_000,
          debtMinor: owed,
        },
      }),
    ]);
  });

  it('a write-off records no recovery and no debt', async () => {
    await world(100_000);
    const { sale, late } = await refundedThenDelivered();
    await resolveLateDelivery(w.db, admin, late.id, 'write_off', 'our loss', clock);
    expect((await lateDeliveriesOf(w.db, sale.purchaseId))[0]).toMatchObject({
      resolution: 'written_off',
      recoveredMinor: null,
      debtMinor: null,
    });
    expect((await audited(sale.purchaseId))[0]).toMatchObject({
      action: 'sale.late_delivery_written_off',
    });
  });
});
