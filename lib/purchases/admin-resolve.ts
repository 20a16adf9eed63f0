import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { purchaseAttempts, purchaseResolutions, purchases, requeryJobs } from '@/db/schema';
import { lockRow } from '@/db/dialect';
import { inTransaction } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { countEarnings } from '@/lib/earnings/daily';
import { Refusal } from '@/lib/errors';
import { refund, settle } from '@/lib/ledger/purchase-money';
import { saleMoney } from './apply-result';
import { recordSaleStatusWebhook } from '@/lib/webhooks/sale-events';
import { recordEvent } from './events';
import { first } from '@/db/query';

/**
 * An admin's decision on a stuck sale goes through the same single resolution as every other
 * writer: if the requery or a callback got there first, the admin is told and nothing moves.
 */
export async function adminResolve(
  db: Db,
  actor: Actor,
  purchaseId: number,
  outcome: 'success' | 'failed',
  reason: string,
  now = Date.now(),
) {
  return await inTransaction(db, async (tx) => {
    await lockRow(tx, purchases, purchaseId); // against a provider's answer resolving it meanwhile
    const purchase = await first(tx.select().from(purchases).where(eq(purchases.id, purchaseId)));
    if (!purchase) throw new Refusal('No such sale.');
    const already = await first(
      tx.select().from(purchaseResolutions).where(eq(purchaseResolutions.purchaseId, purchaseId)),
    );
    if (already)
      throw new Refusal(
        `This sale was already resolved (${already.outcome}) by ${already.resolvedBy}.`,
      );
    const attempt = (await first(
      tx.select().from(purchaseAttempts).where(eq(purchaseAttempts.reference, purchase.reference)),
    ))!;
    const money = saleMoney(purchase, now);
    if (outcome === 'success')
      await settle(tx, money, attempt.provider, attempt.providerCostMinor, 'admin');
    else await refund(tx, money, 'admin', reason);
    const status = outcome === 'success' ? 'SUCCESS' : 'FAILED';
    await tx
      .update(purchases)
      .set({ status, updatedAt: now, finalAt: now })
      .where(eq(purchases.id, purchaseId));
    await recordSaleStatusWebhook(tx, purchase, status, now);
    if (status === 'SUCCESS') await countEarnings(tx, purchase, 1);
    await tx.delete(requeryJobs).where(eq(requeryJobs.purchaseId, purchaseId));
    await recordEvent(tx, purchaseId, 'admin_resolution', now, {
      attemptId: attempt.id,
      status,
      detail: { by: actor.label, reason },
    });
    await recordAudit(
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
