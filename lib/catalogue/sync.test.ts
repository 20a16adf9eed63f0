import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { priceChanges, products, productSources, providerSettings, routes } from '@/db/schema';
import type { CatalogueItem } from '@/lib/providers/types';
import { createTestDb } from '@/test/world/db';
import { listProducts } from './queries';
import { routeFor } from './routing';
import { applyProviderCatalogue } from './sync';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTestDb()));
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
  it('merges the same plan from two providers into one product with two sources', () => {
    applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'MTN-1GB', 'MTN 1GB - 30 days', 100_000)],
    });
    applyProviderCatalogue(db, {
      provider: 'vtpass',
      costBps: 9550,
      items: [plan('vtpass', 'mtn-1gb-1000', 'N1000 1GB - 30 Days', 100_000)],
    });
    const all = db.select().from(products).all();
    expect(all).toHaveLength(1);
    expect(
      db
        .select()
        .from(productSources)
        .where(eq(productSources.productId, all[0]!.id))
        .all()
        .map((s) => s.provider)
        .sort(),
    ).toEqual(['jonet', 'vtpass']);
  });

  it('records a price change and sells at the lowest available price', () => {
    applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'MTN-1GB', 'x', 100_000)],
    });
    const summary = applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'MTN-1GB', 'x', 95_000)],
    });
    expect(summary.priceChanges).toBe(1);
    expect(db.select().from(priceChanges).all()).toMatchObject([
      { oldPriceMinor: 100_000, newPriceMinor: 95_000 },
    ]);
    expect(db.select().from(products).get()?.priceMinor).toBe(95_000);
  });

  it('stops selling a plan that vanished upstream, and brings it back when it returns', () => {
    applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'A', 'a', 100_000), plan('jonet', 'B', 'b', 50_000, 500)],
    });
    const summary = applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'A', 'a', 100_000)],
    });
    expect(summary.withdrawn).toBe(1);
    const active = db.select().from(products).where(eq(products.active, true)).all();
    expect(active.map((p) => p.dataMb)).toEqual([1024]);
    applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'A', 'a', 100_000), plan('jonet', 'B', 'b', 50_000, 500)],
    });
    expect(db.select().from(products).where(eq(products.active, true)).all()).toHaveLength(2);
  });

  it('hides products of a disabled or missing provider from the catalogue', () => {
    applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'A', 'a', 100_000)],
    });
    // No provider_settings row for jonet in this database: nothing is sellable.
    expect(listProducts(db, { currency: 'NGN' })).toEqual([]);
  });

  it('routes a plan only through the sources that sell it at its price', () => {
    const now = Date.now();
    for (const id of ['jonet', 'vtpass'] as const) {
      db.insert(providerSettings)
        .values({ id, baseUrl: 'http://127.0.0.1:1', timeoutMs: 1000, updatedAt: now })
        .run();
    }
    db.insert(routes)
      .values({ currency: 'NGN', network: 'MTN', type: 'data', providers: ['jonet', 'vtpass'] })
      .run();
    applyProviderCatalogue(db, {
      provider: 'jonet',
      costBps: 9500,
      items: [plan('jonet', 'MTN-1GB', 'MTN 1GB - 30 days', 100_000)],
    });
    applyProviderCatalogue(db, {
      provider: 'vtpass',
      costBps: 9550,
      items: [plan('vtpass', 'mtn-1gb-1200', 'N1200 1GB - 30 Days', 120_000)],
    });
    const product = db.select().from(products).get()!;
    expect(product.priceMinor).toBe(100_000);
    expect(routeFor(db, product).map((s) => s.provider)).toEqual(['jonet']);
    applyProviderCatalogue(db, { provider: 'jonet', costBps: 9500, items: [] });
    const repriced = db.select().from(products).get()!;
    expect(repriced.priceMinor).toBe(120_000);
    expect(routeFor(db, repriced).map((s) => s.provider)).toEqual(['vtpass']);
  });
});
