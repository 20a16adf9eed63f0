import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '@/db';
import { commissionRates } from '@/db/schema';
import { shareOf, type Currency } from '@/lib/money';

/**
 * What each provider charges us, in basis points of face value (their discount is our gross margin).
 * The live figures come from each provider's contract; an admin overrides them per provider with
 * the `costBps` option.
 */
export const DEFAULT_PROVIDER_COST_BPS: Record<string, number> = {
  jonet: 9_500,
  vtpass: 9_550,
  cwg: 9_450,
  rechargekit: 9_600,
};

export function providerCost(faceMinor: number, costBps: number): number {
  return Math.max(1, shareOf(faceMinor, costBps));
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
