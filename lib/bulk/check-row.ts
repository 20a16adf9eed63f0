import type { ProductType } from '@/lib/providers/types';
import type { Db } from '@/db';
import { commissionBps, priceSale } from '@/lib/catalogue/pricing';
import {
  detectNigerianNetwork,
  NG_NETWORKS,
  normaliseNigerianNumber,
  type NgNetwork,
} from '@/lib/catalogue/phone';
import { listProducts } from '@/lib/catalogue/queries';
import type { Product } from '@/lib/catalogue/routing';
import { formatMoney, minorOrUndefined, parseTypedAmount } from '@/lib/money';
import { checkAirtimeAmount } from '@/lib/purchases/airtime-limits';
import type { CsvRow } from './csv';

export type CheckedRow =
  | {
      ok: true;
      rowNumber: number;
      rawNumber: string;
      phone: string;
      network: NgNetwork;
      product: Product;
      amountMinor: number;
      agentCostMinor: number;
    }
  | {
      ok: false;
      rowNumber: number;
      rawNumber: string;
      phone: string | null;
      network: string | null;
      error: string;
    };

/** The products and rates one upload checks against, read once per upload instead of once per row. */
export interface CheckContext {
  sellable: (network: NgNetwork) => Promise<Product[]>;
  rateBps: (network: NgNetwork, type: ProductType) => Promise<number>;
}

export function checkContext(db: Db, agentId: number): CheckContext {
  const products = new Map<NgNetwork, Product[]>();
  const rates = new Map<string, number>();
  return {
    sellable: async (network) => {
      if (!products.has(network))
        products.set(network, await listProducts(db, { currency: 'NGN', network }));
      return products.get(network)!;
    },
    rateBps: async (network, type) => {
      const key = `${network}|${type}`;
      if (!rates.has(key)) rates.set(key, await commissionBps(db, agentId, 'NGN', network, type));
      return rates.get(key)!;
    },
  };
}

/**
 * One row as the sale path will see it: the number, the network (the column, else detected from the
 * number), the plan (a product by its id or exact name) or an airtime amount, and its price. Every
 * refusal is a sentence the agent can act on. The sale path checks everything again when it sells.
 */
export async function checkRow(ctx: CheckContext, row: CsvRow): Promise<CheckedRow> {
  const base = { rowNumber: row.rowNumber, rawNumber: row.number };
  const phone = normaliseNigerianNumber(row.number);
  if (!phone)
    return {
      ...base,
      ok: false,
      phone: null,
      network: null,
      error: 'Not a Nigerian mobile number (like 0803 123 4567).',
    };
  const named = row.network.toUpperCase().replace(/^ETISALAT$/, '9MOBILE');
  if (named && !(NG_NETWORKS as string[]).includes(named)) {
    return {
      ...base,
      ok: false,
      phone,
      network: null,
      error: `Unknown network "${row.network}": use MTN, GLO, AIRTEL or 9MOBILE.`,
    };
  }
  const network = (named as NgNetwork) || detectNigerianNetwork(phone);
  if (!network)
    return {
      ...base,
      ok: false,
      phone,
      network: null,
      error: 'The network of this number is unknown: add it in the network column.',
    };
  const refuse = (error: string): CheckedRow => ({ ...base, ok: false, phone, network, error });
  const sellable = await ctx.sellable(network);

  if (row.product) {
    const wanted = row.product.trim().toLowerCase();
    const product = sellable.find(
      (p) => String(p.id) === wanted || p.name.toLowerCase() === wanted,
    );
    if (!product)
      return refuse(`No ${network} plan "${row.product}" is on sale. Use a plan name from Plans.`);
    if (product.type === 'data') {
      if (product.priceMinor === null) return refuse('That plan has no price. Pick another one.');
      return priced(base, phone, network, product, product.priceMinor, ctx);
    }
    if (!row.amount) return refuse('Airtime needs an amount.');
    return airtime(base, phone, network, product, row.amount, ctx, refuse);
  }
  const product = sellable.find((p) => p.type === 'airtime');
  if (!product) return refuse(`${network} airtime is not on sale right now.`);
  if (!row.amount) return refuse('Give a product or an amount.');
  return airtime(base, phone, network, product, row.amount, ctx, refuse);
}

async function airtime(
  base: { rowNumber: number; rawNumber: string },
  phone: string,
  network: NgNetwork,
  product: Product,
  amount: string,
  ctx: CheckContext,
  refuse: (e: string) => CheckedRow,
): Promise<CheckedRow> {
  // The sale path's own rule, so a previewed row is not refused when it is sold.
  const checked = checkAirtimeAmount(product, minorOrUndefined(parseTypedAmount(amount)));
  if (!checked.ok) return refuse(`Amount "${amount}" is not ${checked.wanted}.`);
  return priced(base, phone, network, product, checked.amountMinor, ctx);
}

async function priced(
  base: { rowNumber: number; rawNumber: string },
  phone: string,
  network: NgNetwork,
  product: Product,
  amountMinor: number,
  ctx: CheckContext,
): Promise<CheckedRow> {
  const price = priceSale(amountMinor, await ctx.rateBps(network, product.type));
  return {
    ...base,
    ok: true,
    phone,
    network,
    product,
    amountMinor,
    agentCostMinor: price.agentCostMinor,
  };
}
