// An admin's decision on a stuck sale, fast (in-memory world, in-process simulator): "success" settles
// (provider cost to its float, the margin to commission) and counts the sale in the agent's earnings;
// "failed" refunds the agent's cost and counts nothing; either is the sale's one resolution, by "admin",
// ends its requeries, and leaves a timeline event and an audit entry with the reason.
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  agentDailyEarnings,
  auditLog,
  purchaseAttempts,
  purchaseResolutions,
  requeryJobs,
} from '@/db/schema';
import { findWallet } from '@/lib/ledger/accounts';
import { allViolations } from '@/lib/ledger/invariants';
import { Refusal } from '@/lib/errors';
import { createWorld, type MemoryWorld } from '@/test/world';
import { sellTo } from '@/test/world/sales';
import { adminResolve } from './admin-resolve';
import { getSaleTimeline } from './timeline';
import { first } from '@/db/query';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

const admin = { userId: null, label: 'admin@test', ip: '10.0.0.1' };
const wallet = async () => (await findWallet(w.db, w.agentId, 'NGN'))!;
const balance = async (code: string) =>
  (await first(w.db.select().from(accounts).where(eq(accounts.code, code))))?.balance ?? 0;
const earnings = async () =>
  await w.db.select().from(agentDailyEarnings).where(eq(agentDailyEarnings.agentId, w.agentId));

/** Pending forever (58): only an admin ends it. */
async function stuckSale() {
  w = await T.fork();
  await w.fund(100_000);
  const { outcome } = await sellTo(w, { ending: '58' });
  expect(outcome.status).toBe('PENDING');
  const attempt = (await first(
    w.db.select().from(purchaseAttempts).where(eq(purchaseAttempts.purchaseId, outcome.purchaseId)),
  ))!;
  return { sale: outcome, attempt };
}
const resolution = async (purchaseId: number) =>
  await first(
    w.db.select().from(purchaseResolutions).where(eq(purchaseResolutions.purchaseId, purchaseId)),
  );
const jobs = async (purchaseId: number) =>
  await w.db.select().from(requeryJobs).where(eq(requeryJobs.purchaseId, purchaseId));
const audits = async (purchaseId: number) =>
  await w.db
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.targetId, String(purchaseId)), eq(auditLog.action, 'sale.manual_resolution')),
    );
const lastEvent = async (purchaseId: number) =>
  (await getSaleTimeline(w.db, purchaseId))!.events.at(-1)!;

describe('an admin resolves a stuck sale', () => {
  it('"success" settles, counts the earnings, ends the requeries, and records who and why', async () => {
    const { sale, attempt } = await stuckSale();
    const float = await balance(`float:${attempt.provider}`);
    const commission = await balance('commission:NGN');
    const at = Date.now() + 60_000;
    expect(
      await adminResolve(w.db, admin, sale.purchaseId, 'success', 'Operator confirmed', at),
    ).toBe('SUCCESS');
    expect(await wallet()).toMatchObject({ balance: 100_000 - sale.agentCostMinor, reserved: 0 });
    expect((await balance(`float:${attempt.provider}`)) - float).toBe(attempt.providerCostMinor);
    expect((await balance('commission:NGN')) - commission).toBe(
      sale.agentCostMinor - attempt.providerCostMinor,
    );
    expect(await earnings()).toEqual([
      expect.objectContaining({
        salesCount: 1,
        amountMinor: sale.amountMinor,
        commissionMinor: sale.commissionMinor,
      }),
    ]);
    expect(await resolution(sale.purchaseId)).toMatchObject({
      outcome: 'settled',
      resolvedBy: 'admin',
    });
    expect(await jobs(sale.purchaseId)).toEqual([]);
    expect(await lastEvent(sale.purchaseId)).toMatchObject({
      kind: 'admin_resolution',
      attemptId: attempt.id,
      status: 'SUCCESS',
      at,
      detail: { by: 'admin@test', reason: 'Operator confirmed' },
    });
    expect(await audits(sale.purchaseId)).toEqual([
      expect.objectContaining({
        actorLabel: 'admin@test',
        ip: '10.0.0.1',
        targetType: 'purchase',
        detail: { outcome: 'success', reason: 'Operator confirmed' },
        at,
      }),
    ]);
    expect(await allViolations(w.db)).toEqual([]);
  });

  it('"failed" refunds, counts nothing, and a second decision is refused naming the first', async () => {
    const { sale } = await stuckSale();
    expect(await adminResolve(w.db, admin, sale.purchaseId, 'failed', 'Not delivered')).toBe(
      'FAILED',
    );
    expect(await wallet()).toMatchObject({ balance: 100_000, reserved: 0 });
    expect(await earnings()).toEqual([]);
    expect(await resolution(sale.purchaseId)).toMatchObject({
      outcome: 'refunded',
      resolvedBy: 'admin',
      reason: 'Not delivered',
    });
    expect(await jobs(sale.purchaseId)).toEqual([]);
    expect(await lastEvent(sale.purchaseId)).toMatchObject({
      kind: 'admin_resolution',
      status: 'FAILED',
      detail: { by: 'admin@test', reason: 'Not delivered' },
    });
    expect((await audits(sale.purchaseId))[0]!.detail).toEqual({
      outcome: 'failed',
      reason: 'Not delivered',
    });
    await expect(adminResolve(w.db, admin, sale.purchaseId, 'success', 'again')).rejects.toThrow(
      new Refusal('This sale was already resolved (refunded) by admin.'),
    );
    await expect(adminResolve(w.db, admin, 999_999, 'success', 'no sale')).rejects.toThrow(Refusal);
    expect(await audits(sale.purchaseId)).toHaveLength(1);
    expect(await allViolations(w.db)).toEqual([]);
  });
});
