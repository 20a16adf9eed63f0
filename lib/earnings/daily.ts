import { sql } from 'drizzle-orm';
import { prepared } from '@/db/prepared';
import type { Tx } from '@/db/transaction';
import { agentDailyEarnings, type purchases } from '@/db/schema';
import { lagosDayNumber } from '@/lib/time/lagos';

type Sale = Pick<
  typeof purchases.$inferSelect,
  'agentId' | 'createdAt' | 'currency' | 'network' | 'type' | 'amountMinor' | 'commissionMinor'
>;

const p = sql.placeholder;
const addToDay = prepared((db) =>
  db
    .insert(agentDailyEarnings)
    .values({
      agentId: p('agentId'),
      day: p('day'),
      currency: p('currency'),
      network: p('network'),
      type: p('type'),
      salesCount: p('count'),
      amountMinor: p('amountMinor'),
      commissionMinor: p('commissionMinor'),
    })
    .onConflictDoUpdate({
      target: [
        agentDailyEarnings.agentId,
        agentDailyEarnings.day,
        agentDailyEarnings.currency,
        agentDailyEarnings.network,
        agentDailyEarnings.type,
      ],
      set: {
        salesCount: sql`${agentDailyEarnings.salesCount} + excluded.sales_count`,
        amountMinor: sql`${agentDailyEarnings.amountMinor} + excluded.face_minor`,
        commissionMinor: sql`${agentDailyEarnings.commissionMinor} + excluded.commission_minor`,
      },
    }),
);

/**
 * Counts a sale in its agent's day when it becomes SUCCESS (+1), or takes it out when a success is
 * reversed (-1). Runs inside the transaction that changes the status, so the totals never drift.
 */
export async function countEarnings(tx: Tx, sale: Sale, direction: 1 | -1): Promise<void> {
  await addToDay(tx).run({
    agentId: sale.agentId,
    day: lagosDayNumber(sale.createdAt),
    currency: sale.currency,
    network: sale.network,
    type: sale.type,
    count: direction,
    amountMinor: direction * sale.amountMinor,
    commissionMinor: direction * sale.commissionMinor,
  });
}
