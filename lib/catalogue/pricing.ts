import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { commissionRates } from '@/db/schema';
import { shareOf, type Currency } from '@/lib/money';
import { costAt, DEMO_COST_BPS } from '@/lib/providers/demo-contract';

/** Until an admin sets a provider's `costBps` option, the demo contract's rates apply. */
export const DEFAULT_PROVIDER_COST_BPS: Record<string, number> = DEMO_COST_BPS;

export function providerCost(faceMinor: number, costBps: number): number {
  return costAt(faceMinor, costBps);
}

/** The agent's own rate wins over the default for that network and product type. */
export function commissionBps(db: Db, agentId: number, currency: Currency, network: string, type: 'airtime' | 'data'): number {
  const rows = db
    .select()
    .from(commissionRates)
    .where(
      and(
        eq(commissionRates.currency, currency),
        eq(commissionRates.network, network),
        eq(commissionRates.type, type),
        or(eq(commissionRates.agentId, agentId), isNull(commissionRates.agentId)),
      ),
    )
    .all();
  const own = rows.find((r) => r.agentId === agentId);
  return (own ?? rows[0])?.rateBps ?? 0;
}

export interface SalePrice {
  faceMinor: number;
  commissionMinor: number;
  agentCostMinor: number;
}

export function priceSale(faceMinor: number, rateBps: number): SalePrice {
  const commissionMinor = shareOf(faceMinor, rateBps);
  return { faceMinor, commissionMinor, agentCostMinor: faceMinor - commissionMinor };
}
