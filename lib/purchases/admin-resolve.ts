import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { purchaseAttempts, purchaseResolutions, purchases, requeryJobs } from '@/db/schema';
import { immediate } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { countEarnings } from '@/lib/earnings/daily';
import { Refusal } from '@/lib/errors';
import { refund, settle } from '@/lib/ledger/purchase-money';
import { saleMoney } from './apply-result';
import { recordSaleStatusWebhook } from '@/lib/webhooks/sale-events';
import { recordEvent } from './events';

/**
 * An admin's decision on a stuck sale goes through the same single resolution as every other
 * writer: if the requery or a callback got there first, the admin is told and nothing moves.
 */
export function adminResolve(
  db: Db,
  actor: Actor,
  purchaseId: number,
  outcome: 'success' | 'failed',
  reason: string,
  now = Date.now(),
) {
  return immediate(db, (tx) => {
    const purchase = tx.select().from(purchases).where(eq(purchases.id, purchaseId)).get();
    if (!purchase) throw new Refusal('No such sale.');
    const already = tx
      .select()
      .from(purchaseResolutions)
      .where(eq(purchaseResolutions.purchaseId, purchaseId))
      .get();
    if (already)
      throw new Refusal(
        `This sale was already resolved (${already.outcome}) by ${already.resolvedBy}.`,
      );
    const attempt = tx
      .select()
      .from(purchaseAttempts)
      .where(eq(purchaseAttempts.reference, purchase.reference))
      .get()!;
    const money = saleMoney(purchase, now);
    if (outcome === 'success')
      settle(tx, money, attempt.provider, attempt.providerCostMinor, 'admin');
    else refund(tx, money, 'admin', reason);
    const status = outcome === 'success' ? 'SUCCESS' : 'FAILED';
    tx.update(purchases)
      .set({ status, updatedAt: now, finalAt: now })
      .where(eq(purchases.id, purchaseId))
      .run();
    recordSaleStatusWebhook(tx, purchase, status, now);
    if (status === 'SUCCESS') countEarnings(tx, purchase, 1);
    tx.delete(requeryJobs).where(eq(requeryJobs.purchaseId, purchaseId)).run();
    recordEvent(tx, purchaseId, 'admin_resolution', now, {
      attemptId: attempt.id,
      status,
      detail: { by: actor.label, reason },
    });
    recordAudit(
      tx,
      actor,
      {
        action: 'sale.manual_resolution',
        targetType: 'purchase',
        targetId: purchaseId,
        detail: { outcome, reason },
      },
      now,
    );
    return status;
  });
}
