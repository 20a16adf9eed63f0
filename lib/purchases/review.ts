import { and, asc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { products, purchaseAttempts, purchases, users } from '@/db/schema';
import { AWAITING_PROVIDER } from './status';

/** Pending longer than this is "stuck" enough for a human to look, even before the budget runs out. */
export const STUCK_AFTER_MS = 30 * 60_000;

/** Sales waiting on a human: manual review, or pending for too long. Oldest first. */
export async function listReviewQueue(db: Db, now = Date.now(), limit = 50) {
  return await db
    .select({
      purchase: purchases,
      agentEmail: users.email,
      productName: products.name,
      awaiting: purchaseAttempts.awaiting,
    })
    .from(purchases)
    .innerJoin(users, eq(users.id, purchases.agentId))
    .innerJoin(products, eq(products.id, purchases.productId))
    // The current attempt says whether a definite "no" is waiting for its confirming requery.
    .innerJoin(purchaseAttempts, eq(purchaseAttempts.reference, purchases.reference))
    .where(
      or(
        eq(purchases.status, 'MANUAL_REVIEW'),
        and(
          inArray(purchases.status, [...AWAITING_PROVIDER]),
          lt(purchases.createdAt, now - STUCK_AFTER_MS),
        ),
      ),
    )
    .orderBy(asc(purchases.createdAt))
    .limit(limit);
}
