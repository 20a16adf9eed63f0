import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { products } from './catalogue';
import { users } from './users';
import { PRODUCT_TYPES } from '@/lib/providers/types';

export const PURCHASE_STATUSES = [
  'PENDING',
  'UNKNOWN',
  'SUCCESS',
  'FAILED',
  'REVERSED',
  'MANUAL_REVIEW',
] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];

export const purchases = sqliteTable(
  'purchases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => users.id),
    // Made by the browser when the form opens: a retry with the same key is the same sale (I6).
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    type: text('type', { enum: PRODUCT_TYPES }).notNull(),
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    network: text('network').notNull(),
    circle: text('circle'),
    phone: text('phone').notNull(),
    // Bills only: the meter / smartcard (ShowMax: the phone), TV months and renew-or-change.
    account: text('account'),
    quantity: integer('quantity'),
    subscriptionType: text('subscription_type', { enum: ['renew', 'change'] }),
    // The delivered value (docs/providers/vtpass-bills.md#tokens). Write-once: the first answer that
    // carries a token sets it and no later answer erases or replaces it (lib/bills/delivered.ts).
    tokenExpected: integer('token_expected', { mode: 'boolean' }).notNull().default(false),
    token: text('token'),
    units: text('units'),
    customerName: text('customer_name'),
    tokenAt: integer('token_at'),
    amountMinor: integer('face_minor').notNull(),
    agentCostMinor: integer('agent_cost_minor').notNull(),
    commissionMinor: integer('commission_minor').notNull(),
    status: text('status', { enum: PURCHASE_STATUSES }).notNull(),
    provider: text('provider').notNull(),
    reference: text('reference').notNull(),
    providerRef: text('provider_ref'),
    operatorRef: text('operator_ref'),
    receiptTokenHash: text('receipt_token_hash').unique(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    finalAt: integer('final_at'),
  },
  (t) => [
    unique('purchases_idempotency').on(t.agentId, t.idempotencyKey),
    index('purchases_agent_idx').on(t.agentId, t.createdAt),
    index('purchases_status_idx').on(t.status),
    check('purchases_amounts', sql`${t.agentCostMinor} > 0 and ${t.amountMinor} > 0`),
  ],
);

/** One row per provider attempt; each attempt has its own reference, never reused (I9). */
export const purchaseAttempts = sqliteTable(
  'purchase_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    purchaseId: integer('purchase_id')
      .notNull()
      .references(() => purchases.id),
    provider: text('provider').notNull(),
    reference: text('reference').notNull().unique(),
    planCode: text('plan_code').notNull(),
    providerCostMinor: integer('provider_cost_minor').notNull(),
    status: text('status').notNull(),
    providerCode: text('provider_code'),
    // NOT_FOUND answers in a row that came after the grace period, from any writer: two refund (rule 4).
    notFoundCount: integer('not_found_count').notNull().default(0),
    // Set while a definite "no" waits for the confirming requery its provider's document asks for.
    awaiting: text('awaiting', { enum: ['refund', 'failover'] }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('attempts_purchase_idx').on(t.purchaseId)],
);

/** At most one resolution per purchase, whoever gets there first (I4). */
export const purchaseResolutions = sqliteTable('purchase_resolutions', {
  purchaseId: integer('purchase_id')
    .primaryKey()
    .references(() => purchases.id),
  outcome: text('outcome', { enum: ['settled', 'refunded'] }).notNull(),
  resolvedBy: text('resolved_by').notNull(),
  reason: text('reason'),
  at: integer('at').notNull(),
});

/** A reversal after a settlement refunds exactly once. */
export const purchaseReversals = sqliteTable('purchase_reversals', {
  purchaseId: integer('purchase_id')
    .primaryKey()
    .references(() => purchases.id),
  resolvedBy: text('resolved_by').notNull(),
  at: integer('at').notNull(),
});

/** Timeline and provider evidence (requests and responses, secrets redacted). */
export const purchaseEvents = sqliteTable(
  'purchase_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    purchaseId: integer('purchase_id')
      .notNull()
      .references(() => purchases.id),
    attemptId: integer('attempt_id'),
    kind: text('kind').notNull(),
    status: text('status'),
    detail: text('detail', { mode: 'json' }).$type<unknown>(),
    at: integer('at').notNull(),
  },
  (t) => [index('events_purchase_idx').on(t.purchaseId, t.id)],
);

/** Durable requery schedule: survives restarts; a lease keeps two workers off the same sale. */
export const requeryJobs = sqliteTable(
  'requery_jobs',
  {
    attemptId: integer('attempt_id')
      .primaryKey()
      .references(() => purchaseAttempts.id),
    purchaseId: integer('purchase_id')
      .notNull()
      .references(() => purchases.id),
    provider: text('provider').notNull(),
    nextAt: integer('next_at').notNull(),
    tries: integer('tries').notNull().default(0),
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('requery_due_idx').on(t.nextAt)],
);

export const LATE_DELIVERY_KINDS = ['delivered_after_refund', 'delivered_twice'] as const;
export type LateDeliveryKind = (typeof LATE_DELIVERY_KINDS)[number];

/**
 * A provider said "delivered" after the sale was already resolved the other way: the agent was
 * refunded (or charged once, for a delivery that came through another provider too). One row per
 * attempt; it stays open in the review queue until an admin recovers the value or writes it off.
 */
export const lateDeliveries = sqliteTable(
  'late_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    purchaseId: integer('purchase_id')
      .notNull()
      .references(() => purchases.id),
    attemptId: integer('attempt_id')
      .notNull()
      .unique()
      .references(() => purchaseAttempts.id),
    kind: text('kind', { enum: LATE_DELIVERY_KINDS }).notNull(),
    detectedBy: text('detected_by').notNull(),
    detectedAt: integer('detected_at').notNull(),
    resolution: text('resolution', { enum: ['recovered', 'written_off'] }),
    /** Taken from the wallet at once; the rest of the agent's cost became the agent's debt. */
    recoveredMinor: integer('recovered_minor'),
    debtMinor: integer('debt_minor'),
    reason: text('reason'),
    resolvedBy: text('resolved_by'),
    resolvedAt: integer('resolved_at'),
  },
  (t) => [index('late_deliveries_open_idx').on(t.resolution, t.detectedAt)],
);

/**
 * The provider's answer about a bill account, kept so a sale confirmed within minutes of its verify
 * reuses it instead of asking again (lib/bills/verify.ts).
 */
export const billVerifications = sqliteTable(
  'bill_verifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => users.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    account: text('account').notNull(),
    customer: text('customer', { mode: 'json' }).$type<unknown>().notNull(),
    verifiedAt: integer('verified_at').notNull(),
  },
  (t) => [index('bill_verifications_lookup_idx').on(t.agentId, t.productId, t.account)],
);

/** Callbacks seen, so a replay changes nothing. */
export const callbackInbox = sqliteTable('callback_inbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  provider: text('provider').notNull(),
  dedupeKey: text('dedupe_key').notNull().unique(),
  reference: text('reference').notNull(),
  receivedAt: integer('received_at').notNull(),
});
