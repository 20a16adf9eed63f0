import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { minor, ref } from './columns';
import { users } from './users';
import { PRODUCT_TYPES } from '../../lib/providers/types';

/** Each agent's successful sales per Lagos day, currency, network and type (see db/schema/earnings.ts). */
export const agentDailyEarnings = pgTable(
  'agent_daily_earnings',
  {
    agentId: ref('agent_id')
      .notNull()
      .references(() => users.id),
    day: integer('day').notNull(), // Lagos day number of the sale's created_at (lib/time/lagos.ts lagosDayNumber)
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    network: text('network').notNull(),
    type: text('type', { enum: PRODUCT_TYPES }).notNull(),
    salesCount: integer('sales_count').notNull(),
    amountMinor: minor('face_minor').notNull(),
    commissionMinor: minor('commission_minor').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.day, t.currency, t.network, t.type] })],
);
