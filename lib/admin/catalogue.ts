import type { ProductType } from '@/lib/providers/types';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { containsText } from '@/lib/text-search';
import type { Db } from '@/db';
import { priceChanges, products, productSources } from '@/db/schema';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { syncCatalogue, type SyncOutcome } from '@/lib/catalogue/run-sync';
import type { Currency } from '@/lib/money';
import { first } from '@/db/query';

export interface CatalogueFilter {
  currency?: Currency;
  network?: string;
  type?: ProductType;
  q?: string;
}

export async function listCatalogue(db: Db, filter: CatalogueFilter, page = 1, pageSize = 50) {
  const where = and(
    filter.currency ? eq(products.currency, filter.currency) : undefined,
    filter.network ? eq(products.network, filter.network) : undefined,
    filter.type ? eq(products.type, filter.type) : undefined,
    filter.q?.trim() ? containsText(products.name, filter.q.trim()) : undefined,
  );
  const rows = await db
    .select()
    .from(products)
    .where(where)
    .orderBy(
      asc(products.currency),
      asc(products.network),
      asc(products.type),
      asc(products.priceMinor),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const ids = rows.map((r) => r.id);
  const sources = ids.length
    ? await db
        .select()
        .from(productSources)
        .where(inArray(productSources.productId, ids))
        .orderBy(asc(productSources.provider))
    : [];
  const total = (await first(db.select({ n: count() }).from(products).where(where)))?.n ?? 0;
  return {
    rows: rows.map((p) => ({ ...p, sources: sources.filter((s) => s.productId === p.id) })),
    total,
    page,
    pageSize,
  };
}

export async function listRecentPriceChanges(db: Db, limit = 20) {
  return await db
    .select({
      id: priceChanges.id,
      at: priceChanges.at,
      oldPriceMinor: priceChanges.oldPriceMinor,
      newPriceMinor: priceChanges.newPriceMinor,
      provider: productSources.provider,
      product: products.name,
      currency: products.currency,
    })
    .from(priceChanges)
    .innerJoin(productSources, eq(productSources.id, priceChanges.productSourceId))
    .innerJoin(products, eq(products.id, productSources.productId))
    .orderBy(desc(priceChanges.at), desc(priceChanges.id))
    .limit(limit);
}

/** "Sync now": fetches outside any transaction, then records who asked and what came back. */
export async function syncCatalogueNow(db: Db, actor: Actor): Promise<SyncOutcome[]> {
  const outcomes = await syncCatalogue(db);
  await recordAudit(db, actor, {
    action: 'catalogue.sync',
    targetType: 'catalogue',
    detail: { outcomes },
  });
  return outcomes;
}
