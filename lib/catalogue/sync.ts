import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { priceChanges, products, productSources } from '@/db/schema';
import { inTransaction, type Tx } from '@/db/transaction';
import type { CatalogueItem } from '@/lib/providers/types';
import type { ProviderId } from '@/lib/providers/registry';
import { displayName, productIdentity } from './identity';
import { execute, first, one, written } from '@/db/query';

export interface ProviderCatalogue {
  provider: ProviderId;
  costBps: number;
  items: CatalogueItem[];
}

export interface SyncSummary {
  provider: ProviderId;
  seen: number;
  added: number;
  priceChanges: number;
  withdrawn: number;
}

/**
 * Writes one provider's catalogue in one transaction: upserts products by identity, records price
 * changes, and withdraws this provider's sources that vanished upstream. A product with no
 * available source stops being sellable.
 */
export async function applyProviderCatalogue(
  db: Db,
  catalogue: ProviderCatalogue,
  now = Date.now(),
): Promise<SyncSummary> {
  const summary: SyncSummary = {
    provider: catalogue.provider,
    seen: 0,
    added: 0,
    priceChanges: 0,
    withdrawn: 0,
  };
  await inTransaction(db, async (tx) => {
    const seenSourceIds: number[] = [];
    for (const item of catalogue.items) {
      const identity = productIdentity(item);
      const product = await one(
        tx
          .insert(products)
          .values({
            identity,
            currency: item.currency,
            network: item.network,
            circle: item.circle ?? '',
            type: item.type,
            name: displayName(item),
            dataMb: item.dataMb,
            validityDays: item.validityDays,
            priceMinor: item.priceMinor,
            minMinor: item.minMinor,
            maxMinor: item.maxMinor,
            active: true,
            updatedAt: now,
          })
          .onConflictDoUpdate({ target: products.identity, set: { updatedAt: now } })
          .returning({ id: products.id }),
      );
      const existing = await first(
        tx
          .select()
          .from(productSources)
          .where(
            and(
              eq(productSources.productId, product.id),
              eq(productSources.provider, item.provider),
            ),
          ),
      );
      if (existing && existing.priceMinor !== (item.priceMinor ?? null)) {
        await tx.insert(priceChanges).values({
          productSourceId: existing.id,
          oldPriceMinor: existing.priceMinor,
          newPriceMinor: item.priceMinor ?? null,
          at: now,
        });
        summary.priceChanges += 1;
      }
      const source = await one(
        tx
          .insert(productSources)
          .values({
            productId: product.id,
            provider: item.provider,
            planCode: item.planCode,
            providerName: item.name,
            priceMinor: item.priceMinor,
            costBps: catalogue.costBps,
            available: true,
            lastSeenAt: now,
          })
          .onConflictDoUpdate({
            target: [productSources.productId, productSources.provider],
            set: {
              planCode: item.planCode,
              providerName: item.name,
              priceMinor: item.priceMinor ?? null,
              costBps: catalogue.costBps,
              available: true,
              lastSeenAt: now,
            },
          })
          .returning({ id: productSources.id }),
      );
      if (!existing) summary.added += 1;
      seenSourceIds.push(source.id);
      summary.seen += 1;
    }
    const withdrawn = await written(
      tx
        .update(productSources)
        .set({ available: false })
        .where(
          and(
            eq(productSources.provider, catalogue.provider),
            eq(productSources.available, true),
            seenSourceIds.length ? notInArray(productSources.id, seenSourceIds) : undefined,
          ),
        ),
    );
    summary.withdrawn = withdrawn;
    await refreshProducts(tx, now);
  });
  return summary;
}

/** A product sells at its lowest available price, and only while some source can sell it. */
async function refreshProducts(db: Tx, now: number) {
  await execute(
    db,
    sql`
    update products set
      active = exists (select 1 from product_sources s where s.product_id = products.id and s.available),
      price_minor = coalesce((select min(s.price_minor) from product_sources s where s.product_id = products.id and s.available), price_minor),
      updated_at = ${now}`,
  );
}
