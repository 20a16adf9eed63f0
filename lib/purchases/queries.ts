import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { purchases } from '@/db/schema';
import { toOutcome, type SaleOutcome } from './outcome';

/** One of the agent's own sales; another agent's id answers as if it did not exist. */
export function getSaleForAgent(db: Db, agentId: number, purchaseId: number): SaleOutcome | null {
  const row = db
    .select()
    .from(purchases)
    .where(and(eq(purchases.id, purchaseId), eq(purchases.agentId, agentId)))
    .get();
  return row ? toOutcome(row) : null;
}
