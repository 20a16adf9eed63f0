import { isBillType } from '@/lib/bills/billers';
import type { CatalogueItem } from '@/lib/providers/types';

/**
 * What makes two providers' plans the same product: the network (and circle), the type, and for
 * data the size and validity. Names differ between providers ("MTN 1GB - 30 days" vs
 * "N1000 1GB - 30 Days"), so they are not part of it; price drift is a price change, not a new plan.
 */
export function productIdentity(item: CatalogueItem): string {
  const base = [item.currency, item.network, item.circle ?? '', item.type];
  if (item.type === 'airtime') return base.join('|');
  // A bill product is its biller's meter type ('prepaid'/'postpaid') or bouquet code.
  if (isBillType(item.type)) return [...base, item.planCode].join('|');
  return [
    ...base,
    item.dataMb ?? `code:${item.provider}:${item.planCode}`,
    item.validityDays ?? '?',
  ].join('|');
}

export function displayName(item: CatalogueItem): string {
  if (item.type === 'airtime') return `${item.network} airtime`;
  // "Ikeja Electric prepaid"; a bouquet keeps the provider's name ("DStv Compact N7900").
  if (isBillType(item.type)) return item.name;
  const size =
    item.dataMb === undefined
      ? ''
      : item.dataMb >= 1024
        ? `${+(item.dataMb / 1024).toFixed(2)}GB`
        : `${item.dataMb}MB`;
  const validity =
    item.validityDays === undefined
      ? ''
      : item.validityDays === 1
        ? '1 day'
        : `${item.validityDays} days`;
  return [item.network, size, validity].filter(Boolean).join(' ') || item.name;
}
