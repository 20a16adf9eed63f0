import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { purchases, receiptLinks } from '@/db/schema';
import { inTransaction, type Tx } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { Refusal } from '@/lib/errors';
import { hashReceiptToken, newReceiptToken } from './token';
import { first, rows, written } from '@/db/query';

/** Bounds what one sale can accumulate; an agent who needs more revokes the old links first. */
export const MAX_LIVE_LINKS_PER_SALE = 50;

async function ownsSale(db: Tx, agentId: number, purchaseId: number): Promise<boolean> {
  return (
    (await first(
      db
        .select({ id: purchases.id })
        .from(purchases)
        .where(and(eq(purchases.id, purchaseId), eq(purchases.agentId, agentId))),
    )) !== undefined
  );
}

/**
 * A new receipt link for one of the agent's own sales: a fresh random token, of which only the hash
 * is stored. Another agent's sale answers null, as if it did not exist.
 */
export async function issueReceiptToken(
  db: Db,
  agentId: number,
  purchaseId: number,
  now = Date.now(),
): Promise<string | null> {
  const token = newReceiptToken();
  return await inTransaction(db, async (tx) => {
    if (!(await ownsSale(tx, agentId, purchaseId))) return null;
    const live =
      (
        await first(
          rows<{ n: number }>(
            tx,
            sql`select count(*) as n from receipt_links where purchase_id = ${purchaseId} and revoked_at is null`,
          ),
        )
      )?.n ?? 0;
    if (live >= MAX_LIVE_LINKS_PER_SALE) {
      throw new Refusal(
        `This sale already has ${live} receipt links. Revoke them to share a new one.`,
      );
    }
    await tx
      .insert(receiptLinks)
      .values({ purchaseId, tokenHash: hashReceiptToken(token), createdAt: now });
    return token;
  });
}

/**
 * Ends every link of one of the agent's own sales at once: the random links and the one derived link
 * shared before random tokens existed. A link shared afterwards works again; the old ones never do.
 * Returns how many links were ended, or null when the sale is not the agent's.
 */
export async function revokeReceiptLinks(
  db: Db,
  actor: Actor & { userId: number },
  purchaseId: number,
  now = Date.now(),
): Promise<number | null> {
  return await inTransaction(db, async (tx) => {
    const sale = await first(
      tx
        .select({ legacyHash: purchases.receiptTokenHash })
        .from(purchases)
        .where(and(eq(purchases.id, purchaseId), eq(purchases.agentId, actor.userId))),
    );
    if (!sale) return null;
    const revoked = await written(
      tx
        .update(receiptLinks)
        .set({ revokedAt: now })
        .where(and(eq(receiptLinks.purchaseId, purchaseId), isNull(receiptLinks.revokedAt))),
    );
    const legacy = sale.legacyHash !== null;
    if (legacy)
      await tx
        .update(purchases)
        .set({ receiptTokenHash: null })
        .where(eq(purchases.id, purchaseId));
    await recordAudit(
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
export async function countLiveReceiptLinks(
  db: Db,
  agentId: number,
  purchaseId: number,
): Promise<number> {
  const row = await first(
    rows<{ n: number }>(
      db,
      sql`
    select (select count(*) from receipt_links l where l.purchase_id = p.id and l.revoked_at is null)
      + (case when p.receipt_token_hash is null then 0 else 1 end) as n
    from purchases p where p.id = ${purchaseId} and p.agent_id = ${agentId}`,
    ),
  );
  return row?.n ?? 0;
}
