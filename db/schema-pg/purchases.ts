import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { LATE_DELIVERY_KINDS, PURCHASE_STATUSES } from '../schema/purchases';
import { products } from './catalogue';
import { epochMs, id, minor, ref } from './columns';
import { users } from './users';
import { PRODUCT_TYPES } from '../../lib/providers/types';

/** A sale; the meaning of each column is written in db/schema/purchases.ts. */
export const purchases = pgTable(
  'purchases',
  {
    id: id(),
    agentId: ref('agent_id')
      .notNull()
      .references(() => users.id),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    productId: ref('product_id')
      .notNull()
      .references(() => products.id),
    type: text('type', { enum: PRODUCT_TYPES }).notNull(),
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    network: text('network').notNull(),
    circle: text('circle'),
    phone: text('phone').notNull(),
    account: text('account'),
    quantity: integer('quantity'),
    subscriptionType: text('subscription_type', { enum: ['renew', 'change'] }),
    tokenExpected: boolean('token_expected').notNull().default(false),
    token: text('token'),
    units: text('units'),
    customerName: text('customer_name'),
    tokenAt: epochMs('token_at'),
    amountMinor: minor('face_minor').notNull(),
    agentCostMinor: minor('agent_cost_minor').notNull(),
    commissionMinor: minor('commission_minor').notNull(),
    status: text('status', { enum: PURCHASE_STATUSES }).notNull(),
    provider: text('provider').notNull(),
    reference: text('reference').notNull(),
    providerRef: text('provider_ref'),
    operatorRef: text('operator_ref'),
    receiptTokenHash: text('receipt_token_hash').unique(),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
    finalAt: epochMs('final_at'),
  },
  (t) => [
    unique('purchases_idempotency').on(t.agentId, t.idempotencyKey),
    index('purchases_agent_idx').on(t.agentId, t.createdAt),
    index('purchases_status_idx').on(t.status),
    check('purchases_amounts', sql`${t.agentCostMinor} > 0 and ${t.amountMinor} > 0`),
  ],
);

/** One row per provider attempt; each attempt has its own reference, never reused (I9). */
export const purchaseAttempts = pgTable(
  'purchase_attempts',
  {
    id: id(),
    purchaseId: ref('purchase_id')
      .notNull()
      .references(() => purchases.id),
    provider: text('provider').notNull(),
    reference: text('reference').notNull().unique(),
    planCode: text('plan_code').notNull(),
    providerCostMinor: minor('provider_cost_minor').notNull(),
    status: text('status').notNull(),
    providerCode: text('provider_code'),
    notFoundCount: integer('not_found_count').notNull().default(0),
    awaiting: text('awaiting', { enum: ['refund', 'failover'] }),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('attempts_purchase_idx').on(t.purchaseId)],
);

/** At most one resolution per purchase, whoever gets there first (I4). Append-only. */
export const purchaseResolutions = pgTable('purchase_resolutions', {
  purchaseId: ref('purchase_id')
    .primaryKey()
    .references(() => purchases.id),
  outcome: text('outcome', { enum: ['settled', 'refunded'] }).notNull(),
  resolvedBy: text('resolved_by').notNull(),
  reason: text('reason'),
  at: epochMs('at').notNull(),
});

/** A reversal after a settlement refunds exactly once. */
export const purchaseReversals = pgTable('purchase_reversals', {
  purchaseId: ref('purchase_id')
    .primaryKey()
    .references(() => purchases.id),
  resolvedBy: text('resolved_by').notNull(),
  at: epochMs('at').notNull(),
});

/** Timeline and provider evidence (requests and responses, secrets redacted). */
export const purchaseEvents = pgTable(
  'purchase_events',
  {
    id: id(),
    purchaseId: ref('purchase_id')
      .notNull()
      .references(() => purchases.id),
    attemptId: ref('attempt_id'),
    kind: text('kind').notNull(),
    status: text('status'),
    detail: jsonb('detail').$type<unknown>(),
    at: epochMs('at').notNull(),
  },
  (t) => [index('events_purchase_idx').on(t.purchaseId, t.id)],
);

/** Durable requery schedule: survives restarts; a lease keeps two workers off the same sale. */
export const requeryJobs = pgTable(
  'requery_jobs',
  {
    attemptId: ref('attempt_id')
      .primaryKey()
      .references(() => purchaseAttempts.id),
    purchaseId: ref('purchase_id')
      .notNull()
      .references(() => purchases.id),
    provider: text('provider').notNull(),
    nextAt: epochMs('next_at').notNull(),
    tries: integer('tries').notNull().default(0),
    leaseOwner: text('lease_owner'),
    leaseUntil: epochMs('lease_until'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('requery_due_idx').on(t.nextAt)],
);

/** A provider said "delivered" after the sale was resolved the other way (db/schema/purchases.ts). */
export const lateDeliveries = pgTable(
  'late_deliveries',
  {
    id: id(),
    purchaseId: ref('purchase_id')
      .notNull()
      .references(() => purchases.id),
    attemptId: ref('attempt_id')
      .notNull()
      .unique()
      .references(() => purchaseAttempts.id),
    kind: text('kind', { enum: LATE_DELIVERY_KINDS }).notNull(),
    detectedBy: text('detected_by').notNull(),
    detectedAt: epochMs('detected_at').notNull(),
    resolution: text('resolution', { enum: ['recovered', 'written_off'] }),
    recoveredMinor: minor('recovered_minor'),
    debtMinor: minor('debt_minor'),
    reason: text('reason'),
    resolvedBy: text('resolved_by'),
    resolvedAt: epochMs('resolved_at'),
  },
  (t) => [index('late_deliveries_open_idx').on(t.resolution, t.detectedAt)],
);

/** A bill account's verify answer, reused by the sale (db/schema/purchases.ts). */
export const billVerifications = pgTable(
  'bill_verifications',
  {
    id: id(),
    agentId: ref('agent_id')
      .notNull()
      .references(() => users.id),
    productId: ref('product_id')
      .notNull()
      .references(() => products.id),
    account: text('account').notNull(),
    customer: jsonb('customer').$type<unknown>().notNull(),
    verifiedAt: epochMs('verified_at').notNull(),
  },
  (t) => [index('bill_verifications_lookup_idx').on(t.agentId, t.productId, t.account)],
);

/** Callbacks seen, so a replay changes nothing. */
export const callbackInbox = pgTable('callback_inbox', {
  id: id(),
  provider: text('provider').notNull(),
  dedupeKey: text('dedupe_key').notNull().unique(),
  reference: text('reference').notNull(),
  receivedAt: epochMs('received_at').notNull(),
});
