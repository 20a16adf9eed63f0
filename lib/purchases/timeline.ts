import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { products, purchaseAttempts, purchaseEvents, purchases } from '@/db/schema';

/** A sale with its attempts and every state change, requery and callback, oldest first. */
export function getSaleTimeline(db: Db, purchaseId: number, agentId?: number) {
  const sale = db
    .select({ purchase: purchases, productName: products.name })
    .from(purchases)
    .innerJoin(products, eq(products.id, purchases.productId))
    .where(
      and(
        eq(purchases.id, purchaseId),
        agentId === undefined ? undefined : eq(purchases.agentId, agentId),
      ),
    )
    .get();
  if (!sale) return null;
  const attempts = db
    .select()
    .from(purchaseAttempts)
    .where(eq(purchaseAttempts.purchaseId, purchaseId))
    .orderBy(asc(purchaseAttempts.id))
    .all();
  const events = db
    .select()
    .from(purchaseEvents)
    .where(eq(purchaseEvents.purchaseId, purchaseId))
    .orderBy(asc(purchaseEvents.id))
    .all();
  return { ...sale, attempts, events };
}

export type SaleTimeline = NonNullable<ReturnType<typeof getSaleTimeline>>;
