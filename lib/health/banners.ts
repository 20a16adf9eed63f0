import type { ProductType } from '@/lib/providers/types';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { billerLabel, isBillType } from '@/lib/bills/billers';
import { providerSettings, routes } from '@/db/schema';
import type { Currency } from '@/lib/money';

const NETWORK_NAMES: Record<string, string> = {
  MTN: 'MTN',
  GLO: 'Glo',
  AIRTEL: 'Airtel',
  '9MOBILE': '9mobile',
  JIO: 'Jio',
  VI: 'Vi',
  BSNL: 'BSNL',
};

export const networkName = (network: string) => NETWORK_NAMES[network] ?? network;

export interface PurchaseBanner {
  network: string;
  type: ProductType;
  message: string;
}

/**
 * One banner per network and product type whose route includes an auto-paused provider, e.g.
 * "Glo data is delayed". Sales still go through the route's other providers; the banner sets expectations.
 */
export async function listPurchaseBanners(
  db: Db,
  currency: Currency,
  type?: ProductType,
): Promise<PurchaseBanner[]> {
  const paused = new Set(
    (
      await db
        .select({ id: providerSettings.id })
        .from(providerSettings)
        .where(isNotNull(providerSettings.pausedAt))
    ).map((r) => r.id as string),
  );
  if (paused.size === 0) return [];
  return (
    await db
      .select()
      .from(routes)
      .where(and(eq(routes.currency, currency), type ? eq(routes.type, type) : undefined))
  )
    .filter((route) => route.providers.some((p) => paused.has(p)))
    .sort((a, b) => a.network.localeCompare(b.network) || a.type.localeCompare(b.type))
    .map((route) => ({
      network: route.network,
      type: route.type,
      // A bill route is one company (its biller), named as the bill forms name it.
      message: isBillType(route.type)
        ? `${billerLabel(route.network)} is delayed`
        : `${networkName(route.network)} ${route.type} is delayed`,
    }));
}
