import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs, id, ref } from './columns';
import { purchases } from './purchases';

/** One shared receipt link; only the SHA-256 of its token is kept (see db/schema/receipts.ts). */
export const receiptLinks = pgTable(
  'receipt_links',
  {
    id: id(),
    purchaseId: ref('purchase_id')
      .notNull()
      .references(() => purchases.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: epochMs('created_at').notNull(),
    revokedAt: epochMs('revoked_at'),
  },
  (t) => [index('receipt_links_purchase_idx').on(t.purchaseId)],
);
