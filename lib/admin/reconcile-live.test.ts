import { describe, expect, it } from 'vitest';
import { recordProviderBalance } from '@/lib/provider-settings/commands';
import { providerFor } from '@/lib/provider-settings/adapters';
import { startSale } from '@/lib/purchases/start-sale';
import type { World } from '@/test/world';
import { withWorld } from '@/test/world/hooks';
import { reconcileRecentDays } from './reconcile';

let world: World;
withWorld(5_000_000, (w) => (world = w));

async function readFloat() {
  const live = (await providerFor(world.db, 'vtpass'))!;
  await recordProviderBalance(world.db, 'vtpass', (await live.adapter.balance()).amountMinor);
}

describe('reconciliation against the simulator', () => {
  it("matches our settled costs with the provider's float movement, failures and all", async () => {
    await readFloat();
    const product = await world.product({ network: 'MTN', type: 'airtime' });
    let n = 0;
    for (const [ending, amount] of [
      ['00', 50_000],
      ['01', 12_300],
      ['59', 20_000],
      ['02', 100_000],
    ] as const) {
      const result = await startSale(world.db, world.agentId, {
        idempotencyKey: `reconcile-${++n}-${Date.now()}`,
        productId: product.id,
        phone: `0803000${n}0${ending}`,
        network: 'MTN',
        amountMinor: amount,
      });
      // A definite failure (59) stays with its provider, refunded after its confirming requery, and moves no float.
      expect(result.ok && result.outcome.provider).toBe('vtpass');
    }
    await readFloat();
    const today = (await reconcileRecentDays(world.db, ['vtpass'], 1)).find(
      (r) => r.provider === 'vtpass',
    );
    expect(today?.ours?.netMinor).toBeGreaterThan(0);
    expect(today).toMatchObject({ status: 'match', differenceMinor: 0 });
  });
});
