// The money of a late delivery at the ledger's level, fast (in-memory world): each late delivery is
// recovered on its own (its own keys), an agent's debt is that agent's alone and the next funding of that
// agent pays it first, the agent's statement says in words what was taken and why, and a leg of nothing is
// never posted (the ledger refuses empty entries).
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntries } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { lateDeliveryTotals } from '@/lib/admin/reconcile';
import { createReferenceGenerator } from '@/lib/providers/reference';
import { applyProviderResult } from '@/lib/purchases/apply-result';
import { openSale } from '@/lib/purchases/open';
import { createWorld, type MemoryWorld } from '@/test/world';
import { saleRequest } from '@/test/world/sales';
import { insertUser } from '@/test/world/db';
import { commissionAccount, floatAccount, walletAccount } from './accounts';
import { fundWallet } from './funding';
import { allViolations } from './invariants';
import { agentDebt, recoverFromAgent, writeOff, type LateMoney } from './late-delivery-money';
import { listStatement } from './statement';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

const now = Date.UTC(2026, 11, 2, 10, 0);
const late = (lateDeliveryId: number, agentId = w.agentId): LateMoney => ({
  lateDeliveryId,
  agentId,
  currency: 'NGN',
  provider: 'jonet',
  providerCostMinor: 9_550,
  agentCostMinor: 9_700,
  now,
});
const recover = async (m: LateMoney) =>
  await inTransaction(w.db, async (tx) => await recoverFromAgent(tx, m));
const walletOf = async (agentId: number) =>
  await inTransaction(w.db, async (tx) => await walletAccount(tx, agentId, 'NGN'));
const debtOf = async (agentId: number) =>
  await inTransaction(w.db, async (tx) => await agentDebt(tx, agentId, 'NGN'));
const statementOf = async (agentId: number) =>
  await inTransaction(
    w.db,
    async (tx) => (await listStatement(tx, (await walletAccount(tx, agentId, 'NGN')).id)).rows,
  );
let funded = 0;
const fund = async (agentId: number, amount: number, reference = `debt-fund-${++funded}`) =>
  await fundWallet(
    w.db,
    SYSTEM_ACTOR,
    { agentId, currency: 'NGN', amount, direction: 'credit', reference, reason: 'top-up' },
    now,
  );

describe('recovering late deliveries', () => {
  it('each late delivery is recovered on its own; the statement says what was taken', async () => {
    w = await T.fork();
    await fund(w.agentId, 100_000);
    expect(await recover(late(1))).toEqual({ recoveredMinor: 9_700, debtMinor: 0 });
    expect(await recover(late(2))).toEqual({ recoveredMinor: 9_700, debtMinor: 0 });
    expect((await walletOf(w.agentId)).balance).toBe(100_000 - 2 * 9_700);
    const [second, first] = await statementOf(w.agentId);
    for (const row of [first, second])
      expect(row).toMatchObject({
        kind: 'recovery',
        debit: 9_700,
        memo: 'Recovered: a refunded sale was delivered after all',
      });
    expect([first!.reference, second!.reference]).toEqual(['late-delivery:1', 'late-delivery:2']);
    expect(await allViolations(w.db)).toEqual([]);
  });

  it("a debt is the agent's own: another agent's funding takes nothing; the debtor's pays it first", async () => {
    w = await T.fork();
    const other = (await insertUser(w.db)).id;
    expect(await recover(late(1))).toEqual({ recoveredMinor: 0, debtMinor: 9_700 });
    expect([await debtOf(w.agentId), await debtOf(other)]).toEqual([9_700, 0]);
    await fund(other, 50_000);
    expect((await walletOf(other)).balance).toBe(50_000);
    expect(await debtOf(w.agentId)).toBe(9_700);
    await fund(w.agentId, 50_000, ' BANK-7 ');
    expect((await walletOf(w.agentId)).balance).toBe(50_000 - 9_700);
    expect(await debtOf(w.agentId)).toBe(0);
    expect((await statementOf(w.agentId))[0]).toMatchObject({
      kind: 'recovery',
      debit: 9_700,
      reference: 'funding:BANK-7',
      memo: 'Debt repaid from this funding',
    });
    expect(await allViolations(w.db)).toEqual([]);
  });

  it('a replayed funding takes nothing for a debt that opened after it', async () => {
    w = await T.fork();
    await fund(w.agentId, 5_000, 'FIRST-CREDIT');
    expect(await recover(late(1))).toEqual({ recoveredMinor: 5_000, debtMinor: 4_700 });
    const entries = (await w.db.select().from(ledgerEntries)).length;
    const replay = await fund(w.agentId, 5_000, 'FIRST-CREDIT');
    expect(replay.replayed).toBe(true);
    expect(await w.db.select().from(ledgerEntries)).toHaveLength(entries);
    expect(await debtOf(w.agentId)).toBe(4_700);
  });

  it('a refund landing while a debt is open stays in the wallet; a replayed funding takes nothing', async () => {
    w = await T.fork();
    await fund(w.agentId, 20_000, 'FIRST-20K');
    // A sale opened (its cost reserved), then a recovery larger than what is left.
    const opened = await openSale(
      w.db,
      saleRequest(w, { ending: '58' }),
      createReferenceGenerator(),
      now,
    );
    if (opened.kind !== 'opened') throw new Error('expected a new sale');
    const cost = opened.purchase.agentCostMinor;
    const left = 20_000 - cost;
    expect(await recover({ ...late(1), agentCostMinor: 20_000 })).toEqual({
      recoveredMinor: left,
      debtMinor: 20_000 - left,
    });
    // The sale fails: its refund is the sale's money back, not a funding, so the debt stays open.
    await applyProviderResult(
      w.db,
      opened.attempt.id,
      { status: 'FAILED', providerCode: 'test-failed', exchanges: [] },
      { by: 'requery', now },
    );
    expect((await walletOf(w.agentId)).balance).toBe(cost);
    expect(await debtOf(w.agentId)).toBe(20_000 - left);
    expect((await fund(w.agentId, 20_000, 'FIRST-20K')).replayed).toBe(true);
    expect((await walletOf(w.agentId)).balance).toBe(cost);
    // A debit is no funding either: it takes only what it says.
    await fundWallet(
      w.db,
      SYSTEM_ACTOR,
      {
        agentId: w.agentId,
        currency: 'NGN',
        amount: 100,
        direction: 'debit',
        reference: 'D-1',
        reason: 'fee',
      },
      now,
    );
    expect((await walletOf(w.agentId)).balance).toBe(cost - 100);
    expect(await debtOf(w.agentId)).toBe(20_000 - left);
    expect(await allViolations(w.db)).toEqual([]);
  });

  it('a provider cost of nothing posts no cost leg: the whole agent cost is margin', async () => {
    w = await T.fork();
    await fund(w.agentId, 100_000);
    const free = { ...late(1), providerCostMinor: 0 };
    const commission = await inTransaction(
      w.db,
      async (tx) => (await commissionAccount(tx, 'NGN')).balance,
    );
    const float = await inTransaction(
      w.db,
      async (tx) => (await floatAccount(tx, 'jonet')).balance,
    );
    expect(await recover(free)).toEqual({ recoveredMinor: 9_700, debtMinor: 0 });
    expect(
      (await inTransaction(w.db, async (tx) => (await commissionAccount(tx, 'NGN')).balance)) -
        commission,
    ).toBe(9_700);
    expect(await inTransaction(w.db, async (tx) => (await floatAccount(tx, 'jonet')).balance)).toBe(
      float,
    );
    // Written off, a free delivery costs the platform nothing and posts nothing.
    const entries = (await w.db.select().from(ledgerEntries)).length;
    await inTransaction(w.db, async (tx) => await writeOff(tx, { ...free, lateDeliveryId: 2 }));
    expect(await w.db.select().from(ledgerEntries)).toHaveLength(entries);
    expect(await allViolations(w.db)).toEqual([]);
  });
});

describe('the late legs', () => {
  it('each is keyed by its late delivery: a retry posts nothing twice', async () => {
    w = await T.fork();
    await fund(w.agentId, 100_000);
    await recover(late(1));
    const entries = await w.db.select().from(ledgerEntries);
    await recover(late(1));
    expect(await w.db.select().from(ledgerEntries)).toEqual(entries);
    const lateKeys = entries
      .filter((e) => e.reference === 'late-delivery:1')
      .map((e) => e.idempotencyKey);
    expect(new Set(lateKeys).size).toBe(lateKeys.length);
    expect(lateKeys.every((k) => k.startsWith('late:1:'))).toBe(true);
    expect(
      await w.db.select().from(ledgerEntries).where(eq(ledgerEntries.kind, 'recovery')),
    ).toHaveLength(1);
  });
});

describe('the reconciliation', () => {
  it('shows what the platform wrote off and what agents still owe, per currency', async () => {
    w = await T.fork();
    const totals = async () =>
      await (
        await inTransaction(w.db, async (tx) => await lateDeliveryTotals(tx))
      ).filter((t) => t.currency === 'NGN');
    expect(await totals()).toEqual([{ currency: 'NGN', writtenOffMinor: 0, agentDebtMinor: 0 }]);
    await fund(w.agentId, 5_000);
    await recover(late(1)); // 4,700 left owing
    await inTransaction(w.db, async (tx) => await writeOff(tx, late(2)));
    expect(await totals()).toEqual([
      { currency: 'NGN', writtenOffMinor: 9_550, agentDebtMinor: 4_700 },
    ]);
    await fund(w.agentId, 10_000);
    expect(await totals()).toEqual([
      { currency: 'NGN', writtenOffMinor: 9_550, agentDebtMinor: 0 },
    ]);
  });
});
