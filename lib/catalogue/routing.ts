import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { products, productSources, providerSettings, routes } from '@/db/schema';

export type Product = typeof products.$inferSelect;

export interface RouteStep {
  provider: string;
  planCode: string;
  priceMinor: number | null;
  costBps: number;
}

const p = sql.placeholder;

const routeOrder = prepared((db) =>
  db
    .select({ providers: routes.providers })
    .from(routes)
    .where(
      and(
        eq(routes.currency, p('currency')),
        eq(routes.network, p('network')),
        eq(routes.type, p('type')),
      ),
    ),
);

const sourcesOf = prepared((db) =>
  db
    .select({
      provider: productSources.provider,
      planCode: productSources.planCode,
      priceMinor: productSources.priceMinor,
      costBps: productSources.costBps,
      enabled: providerSettings.enabled,
      pausedAt: providerSettings.pausedAt,
    })
    .from(productSources)
    .innerJoin(providerSettings, eq(providerSettings.id, productSources.provider))
    .where(and(eq(productSources.productId, p('productId')), eq(productSources.available, true))),
);

const productById = prepared((db) =>
  db
    .select()
    .from(products)
    .where(eq(products.id, p('id'))),
);

/**
 * The providers that can sell this product now, in the admin's order for its network and type.
 * Only the providers the route lists are used: removing one from the route stops its traffic.
 * A disabled or auto-paused provider, one whose source vanished upstream, or one that charges
 * another price for the bundle, is skipped.
 */
export async function routeFor(db: Db, product: Product): Promise<RouteStep[]> {
  const order =
    (
      await routeOrder(db).get({
        currency: product.currency,
        network: product.network,
        type: product.type,
      })
    )?.providers ?? [];
  const sources = (await sourcesOf(db).all({ productId: product.id }))
    // A data plan sells at the product's price; a source asking more for the same bundle cannot serve it.
    .filter(
      (s) =>
        s.enabled &&
        s.pausedAt === null &&
        (product.type === 'airtime' || s.priceMinor === product.priceMinor),
    );
  return order
    .flatMap((provider) => sources.filter((s) => s.provider === provider))
    .map(({ provider, planCode, priceMinor, costBps }) => ({
      provider,
      planCode,
      priceMinor,
      costBps,
    }));
}

export async function getProduct(db: Db, id: number): Promise<Product | undefined> {
  return await productById(db).get({ id });
}
