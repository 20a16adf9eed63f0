import { and, asc, count, desc, eq, gte, lt, or } from 'drizzle-orm';
import { containsText } from '@/lib/text-search';
import type { Db } from '@/db';
import {
  purchaseAttempts,
  purchaseEvents,
  purchaseResolutions,
  purchaseReversals,
  purchases,
  products,
  users,
} from '@/db/schema';
import type { PurchaseStatus } from '@/db/schema';
import { first } from '@/db/query';

export interface PurchaseFilter {
  status?: PurchaseStatus;
  provider?: string;
  from?: number;
  to?: number;
  /** Matches our reference, the phone number or the agent's email. */
  q?: string;
}

export async function listAdminPurchases(db: Db, filter: PurchaseFilter, page = 1, pageSize = 25) {
  const term = filter.q?.trim();
  const where = and(
    filter.status ? eq(purchases.status, filter.status) : undefined,
    filter.provider ? eq(purchases.provider, filter.provider) : undefined,
    filter.from !== undefined ? gte(purchases.createdAt, filter.from) : undefined,
    filter.to !== undefined ? lt(purchases.createdAt, filter.to) : undefined,
    term
      ? or(
          containsText(purchases.reference, term),
          containsText(purchases.phone, term),
          containsText(users.email, term),
        )
      : undefined,
  );
  const rows = await db
    .select({
      id: purchases.id,
      createdAt: purchases.createdAt,
      agentEmail: users.email,
      product: products.name,
      network: purchases.network,
      type: purchases.type,
      phone: purchases.phone,
      currency: purchases.currency,
      amountMinor: purchases.amountMinor,
      status: purchases.status,
      provider: purchases.provider,
      reference: purchases.reference,
    })
    .from(purchases)
    .innerJoin(users, eq(users.id, purchases.agentId))
    .innerJoin(products, eq(products.id, purchases.productId))
    .where(where)
    .orderBy(desc(purchases.createdAt), desc(purchases.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total =
    (
      await first(
        db
          .select({ n: count() })
          .from(purchases)
          .innerJoin(users, eq(users.id, purchases.agentId))
          .where(where),
      )
    )?.n ?? 0;
  return { rows, total, page, pageSize };
}

/** Everything an admin needs to judge one sale: the row, its attempts, its timeline and its resolution. */
export async function getAdminPurchase(db: Db, id: number) {
  const purchase = await first(
    db
      .select({
        purchase: purchases,
        agentEmail: users.email,
        agentName: users.name,
        productName: products.name,
      })
      .from(purchases)
      .innerJoin(users, eq(users.id, purchases.agentId))
      .innerJoin(products, eq(products.id, purchases.productId))
      .where(eq(purchases.id, id)),
  );
  if (!purchase) return null;
  return {
    ...purchase,
    attempts: await db
      .select()
      .from(purchaseAttempts)
      .where(eq(purchaseAttempts.purchaseId, id))
      .orderBy(asc(purchaseAttempts.id)),
    events: await db
      .select()
      .from(purchaseEvents)
      .where(eq(purchaseEvents.purchaseId, id))
      .orderBy(asc(purchaseEvents.id)),
    resolution:
      (await first(
        db.select().from(purchaseResolutions).where(eq(purchaseResolutions.purchaseId, id)),
      )) ?? null,
    reversal:
      (await first(
        db.select().from(purchaseReversals).where(eq(purchaseReversals.purchaseId, id)),
      )) ?? null,
  };
}
