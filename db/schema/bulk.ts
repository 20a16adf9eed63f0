import { index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { purchases } from './purchases';
import { products } from './catalogue';
import { users } from './users';

/**
 * preview: uploaded and checked, nothing sold; queued: the agent confirmed, the worker sells it row by
 * row under a lease; done / cancelled: no row will be sent any more.
 */
export const BULK_BATCH_STATUSES = ['preview', 'queued', 'done', 'cancelled'] as const;
export type BulkBatchStatus = (typeof BULK_BATCH_STATUSES)[number];

export const bulkBatches = sqliteTable(
  'bulk_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => users.id),
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: BULK_BATCH_STATUSES }).notNull(),
    // What the sellable rows cost the agent, as checked at upload.
    totalCostMinor: integer('total_cost_minor').notNull(),
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    createdAt: integer('created_at').notNull(),
    confirmedAt: integer('confirmed_at'),
    finishedAt: integer('finished_at'),
  },
  (t) => [
    index('bulk_batches_agent_idx').on(t.agentId, t.createdAt),
    index('bulk_batches_status_idx').on(t.status),
  ],
);

/**
 * ready: checked and waiting; invalid: refused at upload (error says why); sending: claimed by the
 * runner, the sale may or may not exist (a resumed batch replays its idempotency key); sent: the sale
 * exists (its own status is the row's result); insufficient / refused: the sale path said no, nothing
 * sold; cancelled: never sent.
 */
export const BULK_ROW_STATES = [
  'ready',
  'invalid',
  'sending',
  'sent',
  'insufficient',
  'refused',
  'cancelled',
] as const;
export type BulkRowState = (typeof BULK_ROW_STATES)[number];

export const bulkRows = sqliteTable(
  'bulk_rows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => bulkBatches.id),
    rowNumber: integer('row_number').notNull(),
    rawNumber: text('raw_number').notNull(),
    phone: text('phone'),
    network: text('network'),
    productId: integer('product_id').references(() => products.id),
    productName: text('product_name'),
    amountMinor: integer('amount_minor'),
    agentCostMinor: integer('agent_cost_minor'),
    state: text('state', { enum: BULK_ROW_STATES }).notNull(),
    message: text('message'),
    purchaseId: integer('purchase_id').references(() => purchases.id),
  },
  (t) => [
    unique('bulk_rows_batch_row').on(t.batchId, t.rowNumber),
    index('bulk_rows_state_idx').on(t.batchId, t.state),
  ],
);
