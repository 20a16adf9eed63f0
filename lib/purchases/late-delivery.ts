import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { lateDeliveries, products, purchaseAttempts, purchases, users } from '@/db/schema';
import { lockRow } from '@/db/dialect';
import { inTransaction } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { Refusal } from '@/lib/errors';
import { recoverFromAgent, writeOff } from '@/lib/ledger/late-delivery-money';
import { recordEvent } from './events';
import { first } from '@/db/query';

export type LateDecision = 'recover' | 'write_off';

/**
 * An admin's decision on a delivery that came after the sale was resolved: recover the agent's cost
 * from the wallet (what it cannot cover becomes the agent's debt, paid from the next funding) or write
 * it off against the platform. Decided once, with a reason, audited in the same transaction.
 */
export async function resolveLateDelivery(
  db: Db,
  actor: Actor,
  lateDeliveryId: number,
  decision: LateDecision,
  reason: string,
  now = Date.now(),
) {
  const why = reason.trim();
  if (!why) throw new Refusal('Give a reason.', 'reason');
  return await inTransaction(db, async (tx) => {
    await lockRow(tx, lateDeliveries, lateDeliveryId); // two admins deciding it at once: one wins
    const late = await first(
      tx.select().from(lateDeliveries).where(eq(lateDeliveries.id, lateDeliveryId)),
    );
    if (!late) throw new Refusal('No such late delivery.');
    if (late.resolution)
      throw new Refusal(
        `This late delivery was already ${late.resolution === 'recovered' ? 'recovered' : 'written off'} by ${late.resolvedBy}.`,
      );
    const purchase = (await first(
      tx.select().from(purchases).where(eq(purchases.id, late.purchaseId)),
    ))!;
    const attempt = (await first(
      tx.select().from(purchaseAttempts).where(eq(purchaseAttempts.id, late.attemptId)),
    ))!;
    const money = {
      lateDeliveryId,
      agentId: purchase.agentId,
      currency: purchase.currency,
      provider: attempt.provider,
      providerCostMinor: attempt.providerCostMinor,
      agentCostMinor: purchase.agentCostMinor,
      now,
    };
    const taken =
      decision === 'recover'
        ? await recoverFromAgent(tx, money, actor.userId ?? undefined)
        : (await writeOff(tx, money), undefined);
    await tx
      .update(lateDeliveries)
      .set({
        resolution: decision === 'recover' ? 'recovered' : 'written_off',
        recoveredMinor: taken?.recoveredMinor ?? null,
        debtMinor: taken?.debtMinor ?? null,
        reason: why,
        resolvedBy: actor.label,
        resolvedAt: now,
      })
      .where(and(eq(lateDeliveries.id, lateDeliveryId), isNull(lateDeliveries.resolution)));
    await recordEvent(tx, purchase.id, 'late_delivery_resolved', now, {
      attemptId: attempt.id,
      detail: { by: actor.label, decision, reason: why, ...taken },
    });
    await recordAudit(
      tx,
      actor,
      {
        action:
          decision === 'recover'
            ? 'sale.late_delivery_recovered'
            : 'sale.late_delivery_written_off',
        targetType: 'purchase',
        targetId: purchase.id,
        detail: {
          lateDeliveryId,
          kind: late.kind,
          reason: why,
          agentCostMinor: purchase.agentCostMinor,
          providerCostMinor: attempt.providerCostMinor,
          ...taken,
        },
      },
      now,
    );
    return { decision, ...taken };
  });
}

const lateColumns = {
  late: lateDeliveries,
  purchase: purchases,
  agentEmail: users.email,
  productName: products.name,
  attemptProvider: purchaseAttempts.provider,
  attemptReference: purchaseAttempts.reference,
  providerCostMinor: purchaseAttempts.providerCostMinor,
};

/** Deliveries nobody paid for yet, oldest first: the top of the admin's review queue. */
export async function listOpenLateDeliveries(db: Db, limit = 50) {
  return await db
    .select(lateColumns)
    .from(lateDeliveries)
    .innerJoin(purchases, eq(purchases.id, lateDeliveries.purchaseId))
    .innerJoin(purchaseAttempts, eq(purchaseAttempts.id, lateDeliveries.attemptId))
    .innerJoin(users, eq(users.id, purchases.agentId))
    .innerJoin(products, eq(products.id, purchases.productId))
    .where(isNull(lateDeliveries.resolution))
    .orderBy(asc(lateDeliveries.detectedAt))
    .limit(limit);
}

export async function countOpenLateDeliveries(
  db: Db,
): Promise<{ kind: string; n: number; since: number }[]> {
  return await db
    .select({
      kind: lateDeliveries.kind,
      n: sql<number>`count(*)`,
      since: sql<number>`min(${lateDeliveries.detectedAt})`,
    })
    .from(lateDeliveries)
    .where(isNull(lateDeliveries.resolution))
    .groupBy(lateDeliveries.kind);
}

/** The late deliveries of one sale, newest first (the sale's page shows them beside its status). */
export async function lateDeliveriesOf(db: Db, purchaseId: number) {
  return await db
    .select()
    .from(lateDeliveries)
    .where(eq(lateDeliveries.purchaseId, purchaseId))
    .orderBy(desc(lateDeliveries.detectedAt));
}

export type OpenLateDelivery = Awaited<ReturnType<typeof listOpenLateDeliveries>>[number];
