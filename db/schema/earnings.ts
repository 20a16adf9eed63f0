import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { PRODUCT_TYPES } from '@/lib/providers/types';

/**
 * Each agent's successful sales summed per Lagos day (of the sale's creation), currency, network and
 * type: what the dashboard's earnings read instead of scanning the month's sales on every visit.
 * Written in the same transaction that makes a sale SUCCESS, and taken back when a success is reversed.
 */
export const agentDailyEarnings = sqliteTable(
  'agent_daily_earnings',
  {
    agentId: integer('agent_id')
      .notNull()
      .references(() => users.id),
    day: integer('day').notNull(), // Lagos day number of the sale's created_at (lib/time/lagos.ts lagosDayNumber)
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    network: text('network').notNull(),
    type: text('type', { enum: PRODUCT_TYPES }).notNull(),
    salesCount: integer('sales_count').notNull(),
    amountMinor: integer('face_minor').notNull(),
    commissionMinor: integer('commission_minor').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.day, t.currency, t.network, t.type] })],
);
