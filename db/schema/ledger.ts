import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  unique,
} from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * Every place money can sit. An agent's wallet is an account of kind 'wallet'; the system accounts
 * (funding source, clearing, provider float, commission income) make the ledger sum to zero.
 * balance = sum of credits − sum of debits over ledger_entries (I2).
 */
export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    kind: text('kind', {
      // write_off: the platform's loss on deliveries it chose not to recover; agent_receivable: what an agent owes.
      enum: [
        'wallet',
        'funding_source',
        'clearing',
        'provider_float',
        'commission_income',
        'write_off',
        'agent_receivable',
      ],
    }).notNull(),
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    userId: integer('user_id').references(() => users.id),
    provider: text('provider'),
    balance: integer('balance').notNull().default(0),
    // Wallets only: the part of clearing held for this wallet's unresolved sales.
    reserved: integer('reserved').notNull().default(0),
  },
  (t) => [
    unique('accounts_one_wallet_per_currency').on(t.userId, t.currency),
    check('accounts_wallet_no_overdraft', sql`${t.kind} <> 'wallet' or ${t.balance} >= 0`),
    check('accounts_reserved_non_negative', sql`${t.reserved} >= 0`),
  ],
);

/** One movement of one amount from one account to another (I1). Append-only (I8). */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    debitAccountId: integer('debit_account_id')
      .notNull()
      .references(() => accounts.id),
    creditAccountId: integer('credit_account_id')
      .notNull()
      .references(() => accounts.id),
    amount: integer('amount').notNull(),
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    kind: text('kind', {
      enum: [
        'funding',
        'debit',
        'reserve',
        'settle_cost',
        'settle_margin',
        'refund',
        'reversal',
        'recovery',
      ],
    }).notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    purchaseId: integer('purchase_id'),
    reference: text('reference'),
    memo: text('memo').notNull(),
    createdBy: integer('created_by'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    check('ledger_amount_positive', sql`${t.amount} > 0`),
    check('ledger_distinct_accounts', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
    index('ledger_debit_idx').on(t.debitAccountId, t.id),
    index('ledger_credit_idx').on(t.creditAccountId, t.id),
    index('ledger_purchase_idx').on(t.purchaseId),
  ],
);

export const fundingRequests = sqliteTable(
  'funding_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => users.id),
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    amount: integer('amount').notNull(),
    bankReference: text('bank_reference').notNull(),
    note: text('note'),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: integer('decided_at'),
    decisionReason: text('decision_reason'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    check('funding_requests_amount_positive', sql`${t.amount} > 0`),
    unique('funding_requests_bank_ref').on(t.agentId, t.bankReference),
  ],
);

/**
 * One bank payment credits one wallet once. A payment is named by its channel and its reference; the
 * funding forms take no bank, so the channel is the currency's transfer rail (NGN bank transfers carry a
 * NIP session id, INR ones a UTR, each unique across banks). Claimed in the same transaction as the
 * credit, by an admin's direct credit or an approved funding request, whichever comes first.
 */
export const bankPayments = sqliteTable(
  'bank_payments',
  {
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    // Upper-cased, spaces and dashes removed: "abc-123 4" and "ABC1234" are the same payment.
    reference: text('reference').notNull(),
    agentId: integer('agent_id')
      .notNull()
      .references(() => users.id),
    source: text('source', { enum: ['direct', 'request'] }).notNull(),
    fundingRequestId: integer('funding_request_id'),
    ledgerEntryId: integer('ledger_entry_id').notNull(),
    claimedAt: integer('claimed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.reference] })],
);
