import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { purchases, receiptLinks } from '@/db/schema';
import { immediate, type Tx } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { Refusal } from '@/lib/errors';
import { hashReceiptToken, newReceiptToken } from './token';

/** Bounds what one sale can accumulate; an agent who needs more revokes the old links first. */
export const MAX_LIVE_LINKS_PER_SALE = 50;

function ownsSale(db: Tx, agentId: number, purchaseId: number): boolean {
  return (
    db
      .select({ id: purchases.id })
      .from(purchases)
      .where(and(eq(purchases.id, purchaseId), eq(purchases.agentId, agentId)))
      .get() !== undefined
  );
}

/**
 * A new receipt link for one of the agent's own sales: a fresh random token, of which only the hash
 * is stored. Another agent's sale answers null, as if it did not exist.
 */
export function issueReceiptToken(
  db: Db,
  agentId: number,
  purchaseId: number,
  now = Date.now(),
): string | null {
  const token = newReceiptToken();
  return immediate(db, (tx) => {
    if (!ownsSale(tx, agentId, purchaseId)) return null;
    const live =
      tx.get<{ n: number }>(
        sql`select count(*) as n from receipt_links where purchase_id = ${purchaseId} and revoked_at is null`,
      )?.n ?? 0;
    if (live >= MAX_LIVE_LINKS_PER_SALE) {
      throw new Refusal(
        `This sale already has ${live} receipt links. Revoke them to share a new one.`,
      );
    }
    tx.insert(receiptLinks)
      .values({ purchaseId, tokenHash: hashReceiptToken(token), createdAt: now })
      .run();
    return token;
  });
}

/**
 * Ends every link of one of the agent's own sales at once: the random links and the one derived link
 * shared before random tokens existed. A link shared afterwards works again; the old ones never do.
 * Returns how many links were ended, or null when the sale is not the agent's.
 */
export function revokeReceiptLinks(
  db: Db,
  actor: Actor & { userId: number },
  purchaseId: number,
  now = Date.now(),
): number | null {
  return immediate(db, (tx) => {
    const sale = tx
      .select({ legacyHash: purchases.receiptTokenHash })
      .from(purchases)
      .where(and(eq(purchases.id, purchaseId), eq(purchases.agentId, actor.userId)))
      .get();
    if (!sale) return null;
    const revoked = tx
      .update(receiptLinks)
      .set({ revokedAt: now })
      .where(and(eq(receiptLinks.purchaseId, purchaseId), isNull(receiptLinks.revokedAt)))
      .run().changes;
    const legacy = sale.legacyHash !== null;
    if (legacy)
      tx.update(purchases)
        .set({ receiptTokenHash: null })
        .where(eq(purchases.id, purchaseId))
        .run();
    recordAudit(
      tx,
      actor,
      {
        action: 'receipt.revoke',
        targetType: 'purchase',
        targetId: purchaseId,
        detail: { links: revoked, legacyLink: legacy },
      },
      now,
    );
    return revoked + (legacy ? 1 : 0);
  });
}

/** How many links of a sale still open (the agent's sale page shows it beside "Revoke"). */
export function countLiveReceiptLinks(db: Db, agentId: number, purchaseId: number): number {
  const row = db.get<{ n: number }>(sql`
    select (select count(*) from receipt_links l where l.purchase_id = p.id and l.revoked_at is null)
      + (case when p.receipt_token_hash is null then 0 else 1 end) as n
    from purchases p where p.id = ${purchaseId} and p.agent_id = ${agentId}`);
  return row?.n ?? 0;
}
