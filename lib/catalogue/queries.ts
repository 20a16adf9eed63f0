import type { ProductType } from '@/lib/providers/types';
import { and, asc, between, eq, gte, like, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { products } from '@/db/schema';
import type { Currency } from '@/lib/money';
import { jsonArrayHas } from '@/db/dialect';

export type Validity = 'daily' | 'weekly' | 'monthly' | 'longer';

// Plans are sold as daily, weekly or monthly bundles; these are the day ranges agents expect.
const VALIDITY_DAYS: Record<Validity, [number, number]> = {
  daily: [0, 2],
  weekly: [3, 14],
  monthly: [15, 45],
  longer: [46, 100_000],
};

export interface ProductFilter {
  currency: Currency;
  type?: ProductType;
  network?: string;
  circle?: string;
  validity?: Validity;
  minPriceMinor?: number;
  maxPriceMinor?: number;
  search?: string;
}

/** Only products some enabled provider on the product's route can sell now, cheapest first. */
export async function listProducts(db: Db, f: ProductFilter) {
  const range = f.validity ? VALIDITY_DAYS[f.validity] : undefined;
  return await db
    .select()
    .from(products)
    .where(
      and(
        eq(products.currency, f.currency),
        eq(products.active, true),
        f.type ? eq(products.type, f.type) : undefined,
        f.network ? eq(products.network, f.network) : undefined,
        f.circle !== undefined ? eq(products.circle, f.circle) : undefined,
        range ? between(products.validityDays, range[0], range[1]) : undefined,
        f.minPriceMinor !== undefined ? gte(products.priceMinor, f.minPriceMinor) : undefined,
        f.maxPriceMinor !== undefined ? lte(products.priceMinor, f.maxPriceMinor) : undefined,
        f.search ? like(sql`lower(${products.name})`, `%${f.search.toLowerCase()}%`) : undefined,
        sql`exists (select 1 from product_sources s join provider_settings p on p.id = s.provider
          join routes r on r.currency = ${products.currency} and r.network = ${products.network} and r.type = ${products.type}
          where s.product_id = ${products.id} and s.available and p.enabled and p.paused_at is null
            and ${jsonArrayHas(db.engine, sql`r.providers`, sql`s.provider`)})`,
      ),
    )
    .orderBy(asc(products.network), asc(products.priceMinor), asc(products.dataMb));
}
