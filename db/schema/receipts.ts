import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { purchases } from './purchases';

/**
 * One shared receipt link: only the SHA-256 of its random token is kept, so the database can check a
 * link but never produce one. A sale may have several links (one per "share"); revoking ends them all.
 */
export const receiptLinks = sqliteTable(
  'receipt_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    purchaseId: integer('purchase_id')
      .notNull()
      .references(() => purchases.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('receipt_links_purchase_idx').on(t.purchaseId)],
);
