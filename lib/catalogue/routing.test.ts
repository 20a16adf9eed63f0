import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { products, providerSettings, routes } from '@/db/schema';
import { changeRoute } from '@/lib/admin/routing';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
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

const PROVIDERS = ['vtpass', 'jonet', 'cwg'] as const;
const airtime = (provider: string): CatalogueItem => ({
  provider: provider as CatalogueItem['provider'],
  currency: 'NGN',
  network: 'MTN',
  type: 'airtime',
  planCode: `${provider}-mtn`,
  name: 'MTN airtime',
  raw: {},
});

async function sellEverywhere(order: string[]) {
  const now = Date.now();
  for (const id of PROVIDERS) {
    await db
      .insert(providerSettings)
      .values({ id, baseUrl: 'http://127.0.0.1:1', timeoutMs: 1000, updatedAt: now });
    await applyProviderCatalogue(db, { provider: id, costBps: 9500, items: [airtime(id)] });
  }
  await db
    .insert(routes)
    .values({ currency: 'NGN', network: 'MTN', type: 'airtime', providers: order });
  return (await first(db.select().from(products)))!;
}

describe('routeFor', () => {
  it("follows the admin's order", async () => {
    const product = await sellEverywhere(['cwg', 'vtpass', 'jonet']);
    expect((await routeFor(db, product)).map((s) => s.provider)).toEqual([
      'cwg',
      'vtpass',
      'jonet',
    ]);
  });

  it('sends nothing to a provider removed from the route, though it still sells the product', async () => {
    const product = await sellEverywhere(['vtpass', 'jonet', 'cwg']);
    await changeRoute(
      db,
      SYSTEM_ACTOR,
      { currency: 'NGN', network: 'MTN', type: 'airtime' },
      { op: 'remove', provider: 'jonet' },
    );
    expect((await routeFor(db, product)).map((s) => s.provider)).toEqual(['vtpass', 'cwg']);
  });

  it('sells through nobody when the network has no route', async () => {
    const product = await sellEverywhere(['vtpass']);
    await db.delete(routes);
    expect(await routeFor(db, product)).toEqual([]);
  });

  it('lists a product only while a provider on its route can sell it', async () => {
    await sellEverywhere(['vtpass']);
    await db
      .update(providerSettings)
      .set({ enabled: false })
      .where(eq(providerSettings.id, 'vtpass'));
    expect(await listProducts(db, { currency: 'NGN' })).toEqual([]);
    await db.update(providerSettings).set({ enabled: true });
    expect(await listProducts(db, { currency: 'NGN' })).toHaveLength(1);
  });
});
