import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { epochMs, id, minor, ref } from './columns';
import { users } from './users';

/** Every place money can sit (see db/schema/ledger.ts for the accounts and the invariants). */
export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    code: text('code').notNull().unique(),
    kind: text('kind', {
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
    userId: ref('user_id').references(() => users.id),
    provider: text('provider'),
    balance: minor('balance').notNull().default(0),
    // Wallets only: the part of clearing held for this wallet's unresolved sales.
    reserved: minor('reserved').notNull().default(0),
  },
  (t) => [
    unique('accounts_one_wallet_per_currency').on(t.userId, t.currency),
    check('accounts_wallet_no_overdraft', sql`${t.kind} <> 'wallet' or ${t.balance} >= 0`),
    check('accounts_reserved_non_negative', sql`${t.reserved} >= 0`),
  ],
);

/** One movement of one amount from one account to another (I1). Append-only (I8). */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: id(),
    debitAccountId: ref('debit_account_id')
      .notNull()
      .references(() => accounts.id),
    creditAccountId: ref('credit_account_id')
      .notNull()
      .references(() => accounts.id),
    amount: minor('amount').notNull(),
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
    purchaseId: ref('purchase_id'),
    reference: text('reference'),
    memo: text('memo').notNull(),
    createdBy: ref('created_by'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    check('ledger_amount_positive', sql`${t.amount} > 0`),
    check('ledger_distinct_accounts', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
    index('ledger_debit_idx').on(t.debitAccountId, t.id),
    index('ledger_credit_idx').on(t.creditAccountId, t.id),
    index('ledger_purchase_idx').on(t.purchaseId),
  ],
);

export const fundingRequests = pgTable(
  'funding_requests',
  {
    id: id(),
    agentId: ref('agent_id')
      .notNull()
      .references(() => users.id),
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    amount: minor('amount').notNull(),
    bankReference: text('bank_reference').notNull(),
    note: text('note'),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    decidedBy: ref('decided_by').references(() => users.id),
    decidedAt: epochMs('decided_at'),
    decisionReason: text('decision_reason'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    check('funding_requests_amount_positive', sql`${t.amount} > 0`),
    unique('funding_requests_bank_ref').on(t.agentId, t.bankReference),
  ],
);

/** One bank payment credits one wallet once (see db/schema/ledger.ts). */
export const bankPayments = pgTable(
  'bank_payments',
  {
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    // Upper-cased, spaces and dashes removed: "abc-123 4" and "ABC1234" are the same payment.
    reference: text('reference').notNull(),
    agentId: ref('agent_id')
      .notNull()
      .references(() => users.id),
    source: text('source', { enum: ['direct', 'request'] }).notNull(),
    fundingRequestId: ref('funding_request_id'),
    ledgerEntryId: ref('ledger_entry_id').notNull(),
    claimedAt: epochMs('claimed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.reference] })],
);
