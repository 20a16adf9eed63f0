import type { ProductType } from '@/lib/providers/types';
import type { Db } from '@/db';
import { listBeneficiaries } from '@/lib/beneficiaries/queries';
import type { Currency } from '@/lib/money';
import { INDIA_CIRCLES } from './india';
import { IN_OPERATORS, NG_NETWORKS } from './phone';
import { commissionBps } from './pricing';
import { listProducts } from './queries';

/** What the buy page hands the browser: plain data, no secrets, no provider costs. */
export interface SellableProduct {
  id: number;
  network: string;
  circle: string;
  type: ProductType;
  name: string;
  dataMb: number | null;
  validityDays: number | null;
  priceMinor: number | null;
  minMinor: number | null;
  maxMinor: number | null;
}

export interface SaleFormData {
  mode: 'airtime' | 'data';
  currency: Currency;
  products: SellableProduct[];
  networks: string[];
  circles: { code: string; name: string }[];
  /** Commission in basis points per network for this product type. */
  commissionBps: Record<string, number>;
  recentNumbers: { phone: string; network: string; circle: string | null; name: string | null }[];
}

/** Everything the buy form needs, read once on the server: products, the agent's rates and numbers. */
export async function saleFormData(
  db: Db,
  agentId: number,
  currency: Currency,
  mode: 'airtime' | 'data',
): Promise<SaleFormData> {
  const networks = currency === 'INR' ? [...IN_OPERATORS] : NG_NETWORKS;
  const products = (await listProducts(db, { currency, type: mode })).map((p) => ({
    id: p.id,
    network: p.network,
    circle: p.circle,
    type: p.type,
    name: p.name,
    dataMb: p.dataMb,
    validityDays: p.validityDays,
    priceMinor: p.priceMinor,
    minMinor: p.minMinor,
    maxMinor: p.maxMinor,
  }));
  return {
    mode,
    currency,
    products,
    networks,
    circles: currency === 'INR' ? INDIA_CIRCLES : [],
    commissionBps: Object.fromEntries(
      await Promise.all(
        networks.map(async (n) => [n, await commissionBps(db, agentId, currency, n, mode)]),
      ),
    ),
    recentNumbers: (await listBeneficiaries(db, agentId, currency, 50)).map((b) => ({
      phone: b.phone,
      network: b.network,
      circle: b.circle,
      name: b.name,
    })),
  };
}
