// Free-amount airtime rows: no provider lists them as plans, so each adapter declares them from config.
import type { Currency } from '../money';
import type { CatalogueItem } from './types';

export function airtimeItems(
  provider: string,
  currency: Currency,
  codes: Record<string, string>,
  minMinor: number,
  maxMinor: number,
  circle?: string,
): CatalogueItem[] {
  return Object.entries(codes).map(([network, planCode]) => ({
    provider,
    currency,
    network,
    circle,
    type: 'airtime',
    planCode,
    name: `${network} airtime`,
    minMinor,
    maxMinor,
    raw: { network, planCode },
  }));
}
