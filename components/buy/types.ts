import type { Currency } from '@/lib/money';

/** What the buy page hands the browser: plain data, no secrets, no provider costs. */
export interface SellableProduct {
  id: number;
  network: string;
  circle: string;
  type: 'airtime' | 'data';
  name: string;
  dataMb: number | null;
  validityDays: number | null;
  priceMinor: number | null;
  minMinor: number | null;
  maxMinor: number | null;
}

export interface SaleFormProps {
  mode: 'airtime' | 'data';
  currency: Currency;
  products: SellableProduct[];
  networks: string[];
  circles: { code: string; name: string }[];
  /** Commission in basis points per network for this product type. */
  commissionBps: Record<string, number>;
  recentNumbers: { phone: string; network: string; circle: string | null; name: string | null }[];
  /** Delays announced by the health monitor, per network. */
  banners: { network: string; message: string }[];
  /** From the dashboard's quick-sell box. */
  initialPhone?: string;
}
