import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { priceChanges, products, productSources, providerSettings, routes } from '@/db/schema';
import type { CatalogueItem } from '@/lib/providers/types';
import { createTestDb } from '@/test/world/db';
import { listProducts } from './queries';
import { routeFor } from './routing';
import { applyProviderCatalogue } from './sync';
import { first } from '@/db/query';

let db: Db;
let cleanup: () => void;
beforeEach(async () => ({ db, cleanup } = await createTestDb()));
afterEach(() => cleanup());

const plan = (
  provider: 'jonet' | 'vtpass',
  planCode: string,
  name: string,
  priceMinor: number,
  dataMb = 1024,
): CatalogueItem => ({
  provider,
  currency: 'NGN',
  network: 'MTN',
  type: 'data',
  planCode,
  name,
  dataMb,
  validityDays: 30,
  priceMinor,
  raw: {},
});

describe('catalogue sync', () => {
  it('merges the same plan from two providers into one product with two sources', async () => {
    await applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'MTN-1GB', 'MTN 1GB - 30 days', 100_000)],
    });
    await applyProviderCatalogue(db, {
      provider: 'vtpass',
      costBps: 9550,
      items: [plan('vtpass', 'mtn-1gb-1000', 'N1000 1GB - 30 Days', 100_000)],
    });
    const all = await db.select().from(products);
    expect(all).toHaveLength(1);
    expect(
      (await db.select().from(productSources).where(eq(productSources.productId, all[0]!.id)))
        .map((s) => s.provider)
        .sort(),
    ).toEqual(['jonet', 'vtpass']);
  });

  it('records a price change and sells at the lowest available price', async () => {
    await applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'MTN-1GB', 'x', 100_000)],
    });
    const summary = await applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'MTN-1GB', 'x', 95_000)],
    });
    expect(summary.priceChanges).toBe(1);
    expect(await db.select().from(priceChanges)).toMatchObject([
      { oldPriceMinor: 100_000, newPriceMinor: 95_000 },
    ]);
    expect((await first(db.select().from(products)))?.priceMinor).toBe(95_000);
  });

  it('stops selling a plan that vanished upstream, and brings it back when it returns', async () => {
    await applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'A', 'a', 100_000), plan('jonet', 'B', 'b', 50_000, 500)],
    });
    const summary = await applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'A', 'a', 100_000)],
    });
    expect(summary.withdrawn).toBe(1);
    const active = await db.select().from(products).where(eq(products.active, true));
    expect(active.map((p) => p.dataMb)).toEqual([1024]);
    await applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'A', 'a', 100_000), plan('jonet', 'B', 'b', 50_000, 500)],
    });
    expect(await db.select().from(products).where(eq(products.active, true))).toHaveLength(2);
  });

  it('hides products of a disabled or missing provider from the catalogue', async () => {
    await applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'A', 'a', 100_000)],
    });
    // No provider_settings row for jonet in this database: nothing is sellable.
    expect(await listProducts(db, { currency: 'NGN' })).toEqual([]);
  });

  it('routes a plan only through the sources that sell it at its price', async () => {
    const now = Date.now();
    for (const id of ['jonet', 'vtpass'] as const) {
      await db
        .insert(providerSettings)
        .values({ id, baseUrl: 'http://127.0.0.1:1', timeoutMs: 1000, updatedAt: now });
    }
    await db
      .insert(routes)
      .values({ currency: 'NGN', network: 'MTN', type: 'data', providers: ['jonet', 'vtpass'] });
    await applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'MTN-1GB', 'MTN 1GB - 30 days', 100_000)],
    });
    await applyProviderCatalogue(db, {
      provider: 'vtpass',
      costBps: 9550,
      items: [plan('vtpass', 'mtn-1gb-1200', 'N1200 1GB - 30 Days', 120_000)],
    });
    const product = (await first(db.select().from(products)))!;
    expect(product.priceMinor).toBe(100_000);
    expect((await routeFor(db, product)).map((s) => s.provider)).toEqual(['jonet']);
    await applyProviderCatalogue(db, { provider: 'jonet', costBps: 9500, items: [] });
    const repriced = (await first(db.select().from(products)))!;
    expect(repriced.priceMinor).toBe(120_000);
    expect((await routeFor(db, repriced)).map((s) => s.provider)).toEqual(['vtpass']);
  });
});
