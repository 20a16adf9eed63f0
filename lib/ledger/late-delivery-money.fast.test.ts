// The money of a late delivery at the ledger's level, fast (in-memory world): each late delivery is
// recovered on its own (its own keys), an agent's debt is that agent's alone and the next funding of that
// agent pays it first, the agent's statement says in words what was taken and why, and a leg of nothing is
// never posted (the ledger refuses empty entries).
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntries } from '@/db/schema';
import { immediate } from '@/db/transaction';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { lateDeliveryTotals } from '@/lib/admin/reconcile';
import { createWorld, type MemoryWorld } from '@/test/world';
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
const recover = (m: LateMoney) => immediate(w.db, (tx) => recoverFromAgent(tx, m));
const walletOf = (agentId: number) => immediate(w.db, (tx) => walletAccount(tx, agentId, 'NGN'));
const debtOf = (agentId: number) => immediate(w.db, (tx) => agentDebt(tx, agentId, 'NGN'));
const statementOf = (agentId: number) =>
  immediate(w.db, (tx) => listStatement(tx, walletOf(agentId).id).rows);
let funded = 0;
const fund = (agentId: number, amount: number, reference = `debt-fund-${++funded}`) =>
  fundWallet(
    w.db,
    SYSTEM_ACTOR,
    { agentId, currency: 'NGN', amount, direction: 'credit', reference, reason: 'top-up' },
    now,
  );

describe('recovering late deliveries', () => {
  it('each late delivery is recovered on its own; the statement says what was taken', () => {
    w = T.fork();
    fund(w.agentId, 100_000);
    expect(recover(late(1))).toEqual({ recoveredMinor: 9_700, debtMinor: 0 });
    expect(recover(late(2))).toEqual({ recoveredMinor: 9_700, debtMinor: 0 });
    expect(walletOf(w.agentId).balance).toBe(100_000 - 2 * 9_700);
    const [second, first] = statementOf(w.agentId);
    for (const row of [first, second])
      expect(row).toMatchObject({
        kind: 'recovery',
        debit: 9_700,
        memo: 'Recovered: a refunded sale was delivered after all',
      });
    expect([first!.reference, second!.reference]).toEqual(['late-delivery:1', 'late-delivery:2']);
    expect(allViolations(w.db)).toEqual([]);
  });

  it("a debt is the agent's own: another agent's funding takes nothing; the debtor's pays it first", () => {
    w = T.fork();
    const other = insertUser(w.db).id;
    expect(recover(late(1))).toEqual({ recoveredMinor: 0, debtMinor: 9_700 });
    expect([debtOf(w.agentId), debtOf(other)]).toEqual([9_700, 0]);
    fund(other, 50_000);
    expect(walletOf(other).balance).toBe(50_000);
    expect(debtOf(w.agentId)).toBe(9_700);
    fund(w.agentId, 50_000, ' BANK-7 ');
    expect(walletOf(w.agentId).balance).toBe(50_000 - 9_700);
    expect(debtOf(w.agentId)).toBe(0);
    expect(statementOf(w.agentId)[0]).toMatchObject({
      kind: 'recovery',
      debit: 9_700,
      reference: 'funding:BANK-7',
      memo: 'Debt repaid from this funding',
    });
    expect(allViolations(w.db)).toEqual([]);
  });

  it('a replayed funding takes nothing for a debt that opened after it', () => {
    w = T.fork();
    fund(w.agentId, 5_000, 'FIRST-CREDIT');
    expect(recover(late(1))).toEqual({ recoveredMinor: 5_000, debtMinor: 4_700 });
    const entries = w.db.select().from(ledgerEntries).all().length;
    const replay = fund(w.agentId, 5_000, 'FIRST-CREDIT');
    expect(replay.replayed).toBe(true);
    expect(w.db.select().from(ledgerEntries).all()).toHaveLength(entries);
    expect(debtOf(w.agentId)).toBe(4_700);
  });

  it('a provider cost of nothing posts no cost leg: the whole agent cost is margin', () => {
    w = T.fork();
    fund(w.agentId, 100_000);
    const free = { ...late(1), providerCostMinor: 0 };
    const commission = immediate(w.db, (tx) => commissionAccount(tx, 'NGN').balance);
    const float = immediate(w.db, (tx) => floatAccount(tx, 'jonet').balance);
    expect(recover(free)).toEqual({ recoveredMinor: 9_700, debtMinor: 0 });
    expect(immediate(w.db, (tx) => commissionAccount(tx, 'NGN').balance) - commission).toBe(9_700);
    expect(immediate(w.db, (tx) => floatAccount(tx, 'jonet').balance)).toBe(float);
    // Written off, a free delivery costs the platform nothing and posts nothing.
    const entries = w.db.select().from(ledgerEntries).all().length;
    immediate(w.db, (tx) => writeOff(tx, { ...free, lateDeliveryId: 2 }));
    expect(w.db.select().from(ledgerEntries).all()).toHaveLength(entries);
    expect(allViolations(w.db)).toEqual([]);
  });
});

describe('the late legs', () => {
  it('each is keyed by its late delivery: a retry posts nothing twice', () => {
    w = T.fork();
    fund(w.agentId, 100_000);
    recover(late(1));
    const entries = w.db.select().from(ledgerEntries).all();
    recover(late(1));
    expect(w.db.select().from(ledgerEntries).all()).toEqual(entries);
    const lateKeys = entries
      .filter((e) => e.reference === 'late-delivery:1')
      .map((e) => e.idempotencyKey);
    expect(new Set(lateKeys).size).toBe(lateKeys.length);
    expect(lateKeys.every((k) => k.startsWith('late:1:'))).toBe(true);
    expect(
      w.db.select().from(ledgerEntries).where(eq(ledgerEntries.kind, 'recovery')).all(),
    ).toHaveLength(1);
  });
});

describe('the reconciliation', () => {
  it('shows what the platform wrote off and what agents still owe, per currency', () => {
    w = T.fork();
    const totals = () =>
      immediate(w.db, (tx) => lateDeliveryTotals(tx)).filter((t) => t.currency === 'NGN');
    expect(totals()).toEqual([{ currency: 'NGN', writtenOffMinor: 0, agentDebtMinor: 0 }]);
    fund(w.agentId, 5_000);
    recover(late(1)); // 4,700 left owing
    immediate(w.db, (tx) => writeOff(tx, late(2)));
    expect(totals()).toEqual([{ currency: 'NGN', writtenOffMinor: 9_550, agentDebtMinor: 4_700 }]);
    fund(w.agentId, 10_000);
    expect(totals()).toEqual([{ currency: 'NGN', writtenOffMinor: 9_550, agentDebtMinor: 0 }]);
  });
});
