import type { ProductType } from '@/lib/providers/types';
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { commissionRates } from '@/db/schema';
import { shareOf, type Currency } from '@/lib/money';
import { DEMO_COST_BPS } from '@/lib/providers/simulator-terms';

/** Until an admin sets a provider's `costBps` option, the simulator's commercial terms apply. */
export const DEFAULT_PROVIDER_COST_BPS: Record<string, number> = DEMO_COST_BPS;

const p = sql.placeholder;
const ratesFor = prepared((db) =>
  db
    .select({ agentId: commissionRates.agentId, rateBps: commissionRates.rateBps })
    .from(commissionRates)
    .where(
      and(
        eq(commissionRates.currency, p('currency')),
        eq(commissionRates.network, p('network')),
        eq(commissionRates.type, p('type')),
        or(eq(commissionRates.agentId, p('agentId')), isNull(commissionRates.agentId)),
      ),
    ),
);

/** The agent's own rate wins over the default for that network and product type. */
export async function commissionBps(
  db: Db,
  agentId: number,
  currency: Currency,
  network: string,
  type: ProductType,
): Promise<number> {
  const rows = await ratesFor(db).all({ agentId, currency, network, type });
  const own = rows.find((r) => r.agentId === agentId);
  return (own ?? rows[0])?.rateBps ?? 0;
}

export interface SalePrice {
  amountMinor: number;
  commissionMinor: number;
  agentCostMinor: number;
}

export function priceSale(amountMinor: number, rateBps: number): SalePrice {
  const commissionMinor = shareOf(amountMinor, rateBps);
  return { amountMinor, commissionMinor, agentCostMinor: amountMinor - commissionMinor };
}
