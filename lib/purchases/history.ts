import { deliveredColumns, withDelivered } from '@/lib/bills/delivered';
import { and, count, desc, eq, gte, inArray, like, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { products, purchases } from '@/db/schema';
import type { PurchaseStatus } from '@/db/schema/purchases';
import { AWAITING_PROVIDER } from './status';
import { first } from '@/db/query';

export interface HistoryFilter {
  status?: 'pending' | 'success' | 'failed' | 'review';
  from?: number;
  to?: number;
  network?: string;
  q?: string;
}

const STATUS_GROUPS: Record<NonNullable<HistoryFilter['status']>, PurchaseStatus[]> = {
  pending: [...AWAITING_PROVIDER],
  success: ['SUCCESS'],
  failed: ['FAILED', 'REVERSED'],
  review: ['MANUAL_REVIEW'],
};

function where(agentId: number, f: HistoryFilter): SQL | undefined {
  const digits = f.q?.replace(/\D/g, '');
  return and(
    eq(purchases.agentId, agentId),
    f.status ? inArray(purchases.status, STATUS_GROUPS[f.status]) : undefined,
    f.from !== undefined ? gte(purchases.createdAt, f.from) : undefined,
    f.to !== undefined ? lt(purchases.createdAt, f.to) : undefined,
    f.network ? eq(purchases.network, f.network) : undefined,
    f.q
      ? or(
          eq(purchases.reference, f.q.trim()),
          eq(purchases.providerRef, f.q.trim()),
          digits && digits.length >= 4 ? like(purchases.phone, `%${digits}%`) : undefined,
          digits && digits.length >= 4 ? like(purchases.account, `%${digits}%`) : undefined,
        )
      : undefined,
  );
}

const columns = {
  id: purchases.id,
  createdAt: purchases.createdAt,
  status: purchases.status,
  type: purchases.type,
  network: purchases.network,
  phone: purchases.phone,
  currency: purchases.currency,
  amountMinor: purchases.amountMinor,
  agentCostMinor: purchases.agentCostMinor,
  commissionMinor: purchases.commissionMinor,
  reference: purchases.reference,
  providerRef: purchases.providerRef,
  operatorRef: purchases.operatorRef,
  productName: products.name,
  account: purchases.account,
  ...deliveredColumns,
};

/** The agent's own sales only (the agent id is in the SQL), newest first. */
export async function listSalesForAgent(
  db: Db,
  agentId: number,
  f: HistoryFilter,
  page = 1,
  pageSize = 25,
) {
  const condition = where(agentId, f);
  const rows = (
    await db
      .select(columns)
      .from(purchases)
      .innerJoin(products, eq(products.id, purchases.productId))
      .where(condition)
      .orderBy(desc(purchases.createdAt), desc(purchases.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
  ).map(withDelivered);
  const total = (await first(db.select({ n: count() }).from(purchases).where(condition)))?.n ?? 0;
  return { rows, total, page, pageSize };
}

export async function listAllSalesForAgent(db: Db, agentId: number, f: HistoryFilter) {
  return (
    await db
      .select(columns)
      .from(purchases)
      .innerJoin(products, eq(products.id, purchases.productId))
      .where(where(agentId, f))
      .orderBy(desc(purchases.createdAt))
      .limit(50_000)
  ).map(withDelivered);
}

/** Current status of some of the agent's sales, for the history page's polling. */
export async function statusesForAgent(db: Db, agentId: number, ids: number[]) {
  if (ids.length === 0) return [];
  return (
    await db
      .select({
        id: purchases.id,
        status: purchases.status,
        providerRef: purchases.providerRef,
        operatorRef: purchases.operatorRef,
        ...deliveredColumns,
      })
      .from(purchases)
      .where(and(eq(purchases.agentId, agentId), inArray(purchases.id, ids)))
  ).map(withDelivered);
}

export type HistoryRow = Awaited<ReturnType<typeof listSalesForAgent>>['rows'][number];
