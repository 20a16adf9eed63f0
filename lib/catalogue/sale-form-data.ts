import type { Db } from '@/db';
import type { SaleFormProps } from '@/components/buy/types';
import { listBeneficiaries } from '@/lib/beneficiaries/queries';
import type { Currency } from '@/lib/money';
import { INDIA_CIRCLES } from './india';
import { IN_OPERATORS, NG_NETWORKS } from './phone';
import { commissionBps } from './pricing';
import { listProducts } from './queries';

/** Everything the buy form needs, read once on the server: products, the agent's rates and numbers. */
export function saleFormData(db: Db, agentId: number, currency: Currency, mode: 'airtime' | 'data'): Omit<SaleFormProps, 'banners'> {
  const networks = currency === 'INR' ? [...IN_OPERATORS] : NG_NETWORKS;
  const products = listProducts(db, { currency, type: mode }).map((p) => ({
    id: p.id, network: p.network, circle: p.circle, type: p.type, name: p.name, dataMb: p.dataMb,
    validityDays: p.validityDays, priceMinor: p.priceMinor, minMinor: p.minMinor, maxMinor: p.maxMinor,
  }));
  return {
    mode,
    currency,
    products,
    networks,
    circles: currency === 'INR' ? INDIA_CIRCLES : [],
    commissionBps: Object.fromEntries(networks.map((n) => [n, commissionBps(db, agentId, currency, n, mode)])),
    recentNumbers: listBeneficiaries(db, agentId, currency, 50).map((b) => ({ phone: b.phone, network: b.network, circle: b.circle, name: b.name })),
  };
}
