import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { products, purchaseAttempts, purchaseEvents, purchases } from '@/db/schema';
import { first } from '@/db/query';

/** A sale with its attempts and every state change, requery and callback, oldest first. */
export async function getSaleTimeline(db: Db, purchaseId: number, agentId?: number) {
  const sale = await first(
    db
      .select({ purchase: purchases, productName: products.name })
      .from(purchases)
      .innerJoin(products, eq(products.id, purchases.productId))
      .where(
        and(
          eq(purchases.id, purchaseId),
          agentId === undefined ? undefined : eq(purchases.agentId, agentId),
        ),
      ),
  );
  if (!sale) return null;
  const attempts = await db
    .select()
    .from(purchaseAttempts)
    .where(eq(purchaseAttempts.purchaseId, purchaseId))
    .orderBy(asc(purchaseAttempts.id));
  const events = await db
    .select()
    .from(purchaseEvents)
    .where(eq(purchaseEvents.purchaseId, purchaseId))
    .orderBy(asc(purchaseEvents.id));
  return { ...sale, attempts, events };
}

export type SaleTimeline = NonNullable<Awaited<ReturnType<typeof getSaleTimeline>>>;
