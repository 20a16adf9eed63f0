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
const apply = (attemptId: number, status: TxnStatus, at = clock) =>
  applyProviderResult(w.db, attemptId, answer(status), { by: 'requery', now: at });
const wallet = () => findWallet(w.db, w.agentId, 'NGN')!.balance;
const balance = (code: string) =>
  w.db.select().from(accounts).where(eq(accounts.code, code)).get()?.balance ?? 0;
const entriesOf = (lateId: number) =>
  w.db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.reference, `late-delivery:${lateId}`))
    .all();
const refusalOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('not refused');
};
const clean = () => expect(allViolations(w.db)).toEqual([]);
const fund = (amount: number, reference = `late-fund-${++n}`) =>
  fundWallet(
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

function world(fundMinor: number) {
  w = T.fork();
  clock = Date.now();
  if (fundMinor > 0) fund(fundMinor);
}

/** A sale refunded on a definite failure, then reported delivered: one open late delivery. */
async function refundedThenDelivered(face = 10_000) {
  const product = w.db
    .select()
    .from(products)
    .where(
      and(
        eq(products.currency, 'NGN'),
        eq(products.network, 'MTN'),
        eq(products.type, 'airtime'),
        eq(products.active, true),
      ),
    )
    .get()!;
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
  const attempt = w.db
    .select()
    .from(purchaseAttempts)
    .where(eq(purchaseAttempts.reference, r.outcome.reference))
    .get()!;
  apply(attempt.id, 'FAILED');
  clock += 60_000;
  apply(attempt.id, 'SUCCESS');
  const [late] = lateDeliveriesOf(w.db, r.outcome.purchaseId);
  return { sale: r.outcome, attempt, late: late! };
}

describe('recovering a late delivery from the agent', () => {
  it('a wallet that can pay is charged the agent cost once; the float gets the provider cost, commission the margin', async () => {
    world(100_000);
    const { sale, attempt, late } = await refundedThenDelivered();
    expect(late).toMatchObject({ kind: 'delivered_after_refund', resolution: null });
    const float = balance(`float:${attempt.provider}`);
    const commission = balance('commission:NGN');
    const result = resolveLateDelivery(
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
    expect(wallet()).toBe(100_000 - sale.agentCostMinor);
    expect(balance(`float:${attempt.provider}`)).toBe(float + attempt.providerCostMinor);
    expect(balance('commission:NGN')).toBe(
      commission + sale.agentCostMinor - attempt.providerCostMinor,
    );
    expect(agentDebt(w.db, w.agentId, 'NGN')).toBe(0);
    expect(
      entriesOf(late.id)
        .map((e) => [e.kind, e.amount])
        .sort(),
    ).toEqual(
      [
        ['recovery', sale.agentCostMinor],
        ['settle_cost', attempt.providerCostMinor],
        ['settle_margin', sale.agentCostMinor - attempt.providerCostMinor],
      ].sort(),
    );
    expect(lateDeliveriesOf(w.db, sale.purchaseId)[0]).toMatchObject({
      resolution: 'recovered',
      recoveredMinor: sale.agentCostMinor,
      debtMinor: 0,
      reason: 'the customer got it',
      resolvedBy: 'admin@test',
      resolvedAt: clock,
    });
    const event = w.db
      .select()
      .from(purchaseEvents)
      .where(eq(purchaseEvents.kind, 'late_delivery_resolved'))
      .get()!;
    expect(event.detail).toMatchObject({
      decision: 'recover',
      reason: 'the customer got it',
      recoveredMinor: sale.agentCostMinor,
    });
    const audits = w.db.all<{ action: string }>(
      sql`select action from audit_log where target_type = 'purchase' and target_id = ${String(sale.purchaseId)}`,
    );
    expect(audits.map((a) => a.action)).toEqual(['sale.late_delivery_recovered']);
    expect(() => resolveLateDelivery(w.db, admin, late.id, 'write_off', 'again', clock)).toThrow(
      /already recovered by admin@test/,
    );
    clean();
  });

  it('what the wallet cannot pay becomes a debt; the next funding pays it first, once', async () => {
    world(15_000);
    const { sale, late } = await refundedThenDelivered();
    fundWallet(
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
    const held = wallet();
    expect(held).toBe(5_000);
    const result = resolveLateDelivery(w.db, admin, late.id, 'recover', 'delivered', clock);
    expect(result).toEqual({
      decision: 'recover',
      recoveredMinor: held,
      debtMinor: sale.agentCostMinor - held,
    });
    expect(wallet()).toBe(0);
    const debt = sale.agentCostMinor - held;
    expect(agentDebt(w.db, w.agentId, 'NGN')).toBe(debt);
    clean();
    // A funding smaller than the debt pays what it can and leaves the rest owed.
    fund(1_000, 'small-top-up');
    expect(wallet()).toBe(0);
    expect(agentDebt(w.db, w.agentId, 'NGN')).toBe(debt - 1_000);
    // Replayed, the same funding takes nothing twice.
    fund(1_000, 'small-top-up');
    expect(agentDebt(w.db, w.agentId, 'NGN')).toBe(debt - 1_000);
    fund(20_000);
    expect(agentDebt(w.db, w.agentId, 'NGN')).toBe(0);
    expect(wallet()).toBe(20_000 - (debt - 1_000));
    // With no debt left, funding is credited whole.
    fund(3_000);
    expect(wallet()).toBe(23_000 - (debt - 1_000));
    clean();
  });

  it('an empty wallet pays nothing now: the whole agent cost is the debt', async () => {
    world(9_800);
    const { sale, late } = await refundedThenDelivered();
    fundWallet(
      w.db,
      SYSTEM_ACTOR,
      {
        agentId: w.agentId,
        currency: 'NGN',
        amount: wallet(),
        direction: 'debit',
        reference: `empty-${++n}`,
        reason: 'spent',
      },
      clock,
    );
    expect(resolveLateDelivery(w.db, admin, late.id, 'recover', 'delivered', clock)).toEqual({
      decision: 'recover',
      recoveredMinor: 0,
      debtMinor: sale.agentCostMinor,
    });
    expect(entriesOf(late.id).some((e) => e.kind === 'recovery')).toBe(false);
    clean();
  });

  it('a provider cost above the agent cost takes the margin shortfall back from commission', async () => {
    world(100_000);
    const { sale, attempt, late } = await refundedThenDelivered();
    const dearer = sale.agentCostMinor + 300;
    w.db
      .update(purchaseAttempts)
      .set({ providerCostMinor: dearer })
      .where(eq(purchaseAttempts.id, attempt.id))
      .run();
    const commission = balance('commission:NGN');
    resolveLateDelivery(w.db, admin, late.id, 'recover', 'delivered', clock);
    expect(balance('commission:NGN')).toBe(commission - 300);
    expect(entriesOf(late.id).find((e) => e.kind === 'settle_margin')).toMatchObject({
      amount: 300,
      memo: 'Margin shortfall on a late delivery',
    });
    expect(wallet()).toBe(100_000 - sale.agentCostMinor);
    clean();
  });
});

describe('writing a late delivery off', () => {
  it('the platform pays the provider cost; the agent is not charged; decided once', async () => {
    world(100_000);
    const { attempt, late, sale } = await refundedThenDelivered();
    const float = balance(`float:${attempt.provider}`);
    const before = wallet();
    expect(resolveLateDelivery(w.db, admin, late.id, 'write_off', 'our loss', clock)).toEqual({
      decision: 'write_off',
    });
    expect(wallet()).toBe(before);
    expect(balance('write_off:NGN')).toBe(-attempt.providerCostMinor);
    expect(balance(`float:${attempt.provider}`)).toBe(float + attempt.providerCostMinor);
    expect(entriesOf(late.id).map((e) => e.kind)).toEqual(['settle_cost']);
    expect(lateDeliveriesOf(w.db, sale.purchaseId)[0]).toMatchObject({
      resolution: 'written_off',
      recoveredMinor: null,
      debtMinor: null,
    });
    const audits = w.db.all<{ action: string }>(
      sql`select action from audit_log where target_type = 'purchase' and target_id = ${String(sale.purchaseId)}`,
    );
    expect(audits.map((a) => a.action)).toEqual(['sale.late_delivery_written_off']);
    expect(() => resolveLateDelivery(w.db, admin, late.id, 'recover', 'again', clock)).toThrow(
      /already written off by admin@test/,
    );
    clean();
  });

  it('refuses a blank reason and an unknown late delivery, writing nothing', async () => {
    world(100_000);
    const { late } = await refundedThenDelivered();
    const entries = w.db.select().from(ledgerEntries).all().length;
    expect(() => resolveLateDelivery(w.db, admin, late.id, 'write_off', '   ', clock)).toThrow(
      'Give a reason.',
    );
    // The form marks the reason field.
    expect(
      refusalOf(() => resolveLateDelivery(w.db, admin, late.id, 'recover', '', clock)),
    ).toEqual(new Refusal('Give a reason.', 'reason'));
    expect(() => resolveLateDelivery(w.db, admin, 999_999, 'write_off', 'x', clock)).toThrow(
      'No such late delivery.',
    );
    expect(w.db.select().from(ledgerEntries).all()).toHaveLength(entries);
    expect(listOpenLateDeliveries(w.db)).toHaveLength(1);
  });
});

describe('the open late deliveries', () => {
  it('are listed oldest first with their sale and attempt, counted per kind, and leave the list once decided', async () => {
    world(100_000);
    const first = await refundedThenDelivered();
    clock += 60_000;
    const second = await refundedThenDelivered();
    const open = listOpenLateDeliveries(w.db);
    expect(open.map((l) => l.late.id)).toEqual([first.late.id, second.late.id]);
    expect(open[0]).toMatchObject({
      attemptProvider: first.attempt.provider,
      attemptReference: first.attempt.reference,
      providerCostMinor: first.attempt.providerCostMinor,
    });
    expect(listOpenLateDeliveries(w.db, 1)).toHaveLength(1);
    expect(countOpenLateDeliveries(w.db)).toEqual([
      { kind: 'delivered_after_refund', n: 2, since: first.late.detectedAt },
    ]);
    resolveLateDelivery(w.db, admin, first.late.id, 'write_off', 'ours', clock);
    expect(listOpenLateDeliveries(w.db).map((l) => l.late.id)).toEqual([second.late.id]);
    expect(countOpenLateDeliveries(w.db)).toEqual([
      { kind: 'delivered_after_refund', n: 1, since: second.late.detectedAt },
    ]);
  });
});

describe('the decision on record', () => {
  const named = { userId: 0, label: 'named-admin@test', ip: '10.0.0.8' };
  const audited = (purchaseId: number) =>
    w.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(purchaseId)))
      .all()
      .filter((a) => a.action.startsWith('sale.late_delivery'));

  it('a recovery keeps what was taken and what is owed, names the admin on the wallet entry, and is audited', async () => {
    world(100_000);
    named.userId = insertUser(w.db, 'admin').id;
    const { sale, attempt, late } = await refundedThenDelivered();
    // The wallet holds less than the agent's cost by the time the admin decides.
    fundWallet(
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
    resolveLateDelivery(w.db, named, late.id, 'recover', ' customer confirmed ', clock);
    const owed = sale.agentCostMinor - 5_000;
    expect(lateDeliveriesOf(w.db, sale.purchaseId)[0]).toMatchObject({
      resolution: 'recovered',
      recoveredMinor: 5_000,
      debtMinor: owed,
      reason: 'customer confirmed',
      resolvedBy: 'named-admin@test',
    });
    const recovery = entriesOf(late.id).find((e) => e.kind === 'recovery')!;
    expect(recovery).toMatchObject({ amount: 5_000, createdBy: named.userId });
    expect(audited(sale.purchaseId)).toEqual([
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
    world(100_000);
    const { sale, late } = await refundedThenDelivered();
    resolveLateDelivery(w.db, admin, late.id, 'write_off', 'our loss', clock);
    expect(lateDeliveriesOf(w.db, sale.purchaseId)[0]).toMatchObject({
      resolution: 'written_off',
      recoveredMinor: null,
      debtMinor: null,
    });
    expect(audited(sale.purchaseId)[0]).toMatchObject({ action: 'sale.late_delivery_written_off' });
  });
});
