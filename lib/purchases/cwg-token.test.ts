import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { providerSettings, routes } from '@/db/schema';
import { allViolations } from '@/lib/ledger/invariants';
import type { World } from '@/test/world';
import { withWorld } from '@/test/world/hooks';
import { startSale } from './start-sale';

let world: World;
withWorld(100_000_000, (w) => (world = w));

describe('the CWG token', () => {
  it('is fetched once for 100 concurrent sales through CWG (cached per provider configuration, across sales)', async () => {
    await world.db
      .update(routes)
      .set({ providers: ['cwg'] })
      .where(
        and(eq(routes.currency, 'NGN'), eq(routes.network, 'MTN'), eq(routes.type, 'airtime')),
      );
    // 100 calls at once on a small machine: give them time so every sale gets its answer.
    await world.db
      .update(providerSettings)
      .set({ timeoutMs: 20_000 })
      .where(eq(providerSettings.id, 'cwg'));
    const product = await world.product({ network: 'MTN', type: 'airtime' });
    const sales = await Promise.all(
      Array.from(
        { length: 100 },
        async (_, i) =>
          await startSale(world.db, world.agentId, {
            idempotencyKey: `cwg-token-${i}-key-000`,
            productId: product.id,
            phone: `0803${String(10_000 + i).padStart(5, '0')}00`,
            network: 'MTN',
            amountMinor: 10_000,
          }),
      ),
    );
    expect(sales.map((s) => (s.ok ? s.outcome.status : s.refusal.message))).toEqual(
      Array(100).fill('SUCCESS'),
    );
    // One since the simulator started: the catalogue sync's token served all 100 sales too.
    expect(world.sim.cwgTokenRequests()).toBe(1);
    expect(await allViolations(world.db)).toEqual([]);
  }, 60_000);
});
