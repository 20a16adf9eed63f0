import { billerLabel, isBillType } from '@/lib/bills/billers';
import type { ProductType } from '@/lib/providers/types';

/** "1.5 GB", "500 MB": sizes as agents say them. */
export function sizeLabel(mb: number | null): string {
  if (mb === null) return '';
  return mb >= 1024 ? `${+(mb / 1024).toFixed(2)} GB` : `${mb} MB`;
}

export function validityLabel(days: number | null): string {
  if (days === null) return '';
  return days === 1 ? '1 day' : `${days} days`;
}

/** Product types as agents and admins say them. */
export const PRODUCT_TYPE_LABEL: Record<ProductType, string> = {
  airtime: 'Airtime',
  data: 'Data',
  electricity: 'Electricity',
  tv: 'Cable TV',
};

/**
 * A network and product type as one service, e.g. "MTN airtime" or "Ikeja Electric (IKEDC)
 * electricity": for a bill the network is the biller, named from lib/bills/billers.ts.
 */
export function serviceLabel(network: string, type: ProductType): string {
  const who = isBillType(type) ? `${billerLabel(network)} (${network})` : network;
  return `${who} ${PRODUCT_TYPE_LABEL[type].toLowerCase()}`;
}
