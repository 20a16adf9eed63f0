import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { purchases } from '@/db/schema';
import { deriveReceiptToken, hashReceiptToken } from './token';

/**
 * The receipt token for one of the agent's own sales, storing its SHA-256 the first time (and again
 * after a key rotation, which replaces the old hash). Another agent's sale answers null, as if it
 * did not exist. Safe to call on every "share": the token for a sale never changes under one key.
 */
export function issueReceiptToken(db: Db, agentId: number, purchaseId: number): string | null {
  const row = db
    .select({ id: purchases.id, hash: purchases.receiptTokenHash })
    .from(purchases)
    .where(and(eq(purchases.id, purchaseId), eq(purchases.agentId, agentId)))
    .get();
  if (!row) return null;
  const token = deriveReceiptToken(row.id);
  const hash = hashReceiptToken(token);
  if (row.hash !== hash) {
    db.update(purchases).set({ receiptTokenHash: hash }).where(and(eq(purchases.id, row.id), eq(purchases.agentId, agentId))).run();
  }
  return token;
}
