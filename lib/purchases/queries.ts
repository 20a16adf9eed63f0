import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { purchases } from '@/db/schema';
import { toOutcome, type SaleOutcome } from './outcome';
import { first } from '@/db/query';

/** One of the agent's own sales; another agent's id answers as if it did not exist. */
export async function getSaleForAgent(
  db: Db,
  agentId: number,
  purchaseId: number,
): Promise<SaleOutcome | null> {
  const row = await first(
    db
      .select()
      .from(purchases)
      .where(and(eq(purchases.id, purchaseId), eq(purchases.agentId, agentId))),
  );
  return row ? toOutcome(row) : null;
}
