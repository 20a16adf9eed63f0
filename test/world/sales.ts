// One sale through the engine's own entry (`sell`: open, call, apply), for fast tests that need sales in a
// given state without the counter's input checks. The simulator's magic ending (the number's last two
// digits) picks the provider's answer; `at` is the sale's clock (its createdAt). References come from the
// real clock, because the simulator refuses a reference stamped too far from its own time.
import { priceSale } from '@/lib/catalogue/pricing';
import { createReferenceGenerator } from '@/lib/providers/reference';
import { sell, type SellDeps } from '@/lib/purchases/sell';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { first } from '@/db/query';
import { products, productSources } from '@/db/schema';
import type { MemoryWorld, Product } from './index';

let sales = 0;

export interface SellToOptions {
  /** The last two digits of the customer's number (README: the simulator's magic numbers). */
  ending: string;
  /** The sale's clock (default: now). */
  at?: number;
  product?: Product;
  agentId?: number;
  /** Airtime's face amount (a data plan sells at its price). */
  amountMinor?: number;
  /** The nine digits before the ending (default: fresh ones, so no two sales share a number). */
  stem?: string;
  idempotencyKey?: string;
  deps?: SellDeps;
}

/** The commission every helper sale earns: 3 % (any rate will do; the tests read it back). */
export const HELPER_COMMISSION_BPS = 300;

export function saleRequest(w: MemoryWorld, o: SellToOptions) {
  sales += 1;
  const product = o.product ?? w.airtime;
  const amount = product.type === 'airtime' ? (o.amountMinor ?? 10_000) : product.priceMinor!;
  return {
    agentId: o.agentId ?? w.agentId,
    idempotencyKey: o.idempotencyKey ?? `helper-sale-${sales}`,
    product,
    phone: `${o.stem ?? `0803${String(sales).padStart(5, '0')}`}${o.ending}`,
    network: product.network,
    circle: product.circle || undefined, // NG products have no circle ('')
    price: priceSale(amount, HELPER_COMMISSION_BPS),
  };
}

export async function sellTo(w: MemoryWorld, o: SellToOptions) {
  const at = o.at ?? Date.now();
  return await sell(w.db, saleRequest(w, o), {
    now: () => at,
    newReference: createReferenceGenerator(),
    provider: w.provider,
    ...o.deps,
  });
}

/** The catalogue product of a biller and plan code (meter type or bouquet code). */
export async function billProduct(db: Db, network: string, planCode: string) {
  const found = await first(
    db
      .select({ product: products })
      .from(products)
      .innerJoin(productSources, eq(productSources.productId, products.id))
      .where(and(eq(products.network, network), eq(productSources.planCode, planCode))),
  );
  if (!found) throw new Error(`no ${network} product with plan ${planCode}`);
  return found.product;
}
