import { index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { BULK_BATCH_STATUSES, BULK_ROW_STATES } from '../schema/bulk';
import { products } from './catalogue';
import { epochMs, id, minor, ref } from './columns';
import { purchases } from './purchases';
import { users } from './users';

/** An uploaded batch of sales, sold row by row by the worker (see db/schema/bulk.ts). */
export const bulkBatches = pgTable(
  'bulk_batches',
  {
    id: id(),
    agentId: ref('agent_id')
      .notNull()
      .references(() => users.id),
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: BULK_BATCH_STATUSES }).notNull(),
    totalCostMinor: minor('total_cost_minor').notNull(),
    leaseOwner: text('lease_owner'),
    leaseUntil: epochMs('lease_until'),
    createdAt: epochMs('created_at').notNull(),
    confirmedAt: epochMs('confirmed_at'),
    finishedAt: epochMs('finished_at'),
  },
  (t) => [
    index('bulk_batches_agent_idx').on(t.agentId, t.createdAt),
    index('bulk_batches_status_idx').on(t.status),
  ],
);

export const bulkRows = pgTable(
  'bulk_rows',
  {
    id: id(),
    batchId: ref('batch_id')
      .notNull()
      .references(() => bulkBatches.id),
    rowNumber: integer('row_number').notNull(),
    rawNumber: text('raw_number').notNull(),
    phone: text('phone'),
    network: text('network'),
    productId: ref('product_id').references(() => products.id),
    productName: text('product_name'),
    amountMinor: minor('amount_minor'),
    agentCostMinor: minor('agent_cost_minor'),
    state: text('state', { enum: BULK_ROW_STATES }).notNull(),
    message: text('message'),
    purchaseId: ref('purchase_id').references(() => purchases.id),
  },
  (t) => [
    unique('bulk_rows_batch_row').on(t.batchId, t.rowNumber),
    index('bulk_rows_state_idx').on(t.batchId, t.state),
  ],
);
