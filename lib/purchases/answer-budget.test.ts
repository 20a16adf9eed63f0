import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purchaseResolutions, purchases, requeryJobs } from '@/db/schema';
import { allViolations } from '@/lib/ledger/invariants';
import { createWorld, type World } from '@/test/world';
import { startSale } from './start-sale';
import { first } from '@/db/query';

// The simulator holds a number ending in 53 for 3 s, then answers success; the provider waits up to 10 s, so
// the call itself gets that success. The counter's budget (300 ms) runs out long before.
let world: World;
beforeAll(async () => {
  world = await createWorld({
    saleTimeoutMs: 10_000,
    simulator: { kind: 'http', timeoutHoldMs: 3_000 },
  });
  await world.fund(10_000_000);
}, 60_000);
afterAll(() => world?.close());

describe('the counter budget', () => {
  it('answers pending within the budget while the provider hangs, then the call settles the sale once in the background', async () => {
    const product = await world.product({ network: 'MTN', type: 'airtime' });
    const background: Promise<unknown>[] = [];
    const t0 = Date.now();
    const result = await startSale(
      world.db,
      world.agentId,
      {
        idempotencyKey: 'budget-test-key-0001',
        productId: product.id,
        phone: '08031234553',
        network: 'MTN',
        amountMinor: 10_000,
      },
      { answerBudget: { ms: 300, inBackground: (work) => void background.push(work) } },
    );
    const waited = Date.now() - t0;
    if (!result.ok) throw new Error(result.refusal.message);
    expect(result.outcome.status).toBe('UNKNOWN'); // shown to the agent as "Pending — we'll update it"
    expect(waited).toBeLessThan(2_500); // well before the simulator's 3 s hold ends
    expect(background).toHaveLength(1);
    const id = result.outcome.purchaseId;
    // Were the process to die now, the requery job made at open would still resolve the sale.
    expect(
      await world.db.select().from(requeryJobs).where(eq(requeryJobs.purchaseId, id)),
    ).toHaveLength(1);

    await Promise.all(background);
    expect(
      (await first(world.db.select().from(purchases).where(eq(purchases.id, id))))?.status,
    ).toBe('SUCCESS');
    expect(
      await world.db
        .select()
        .from(purchaseResolutions)
        .where(eq(purchaseResolutions.purchaseId, id)),
    ).toHaveLength(1);
    expect(await allViolations(world.db)).toEqual([]);
  }, 20_000);

  it('answers at once with the final status when the provider is quick, leaving nothing in the background', async () => {
    const product = await world.product({ network: 'MTN', type: 'airtime' });
    const background: Promise<unknown>[] = [];
    const result = await startSale(
      world.db,
      world.agentId,
      {
        idempotencyKey: 'budget-test-key-0002',
        productId: product.id,
        phone: '08031234500',
        network: 'MTN',
        amountMinor: 10_000,
      },
      { answerBudget: { ms: 5_000, inBackground: (work) => void background.push(work) } },
    );
    expect(result).toMatchObject({ ok: true, outcome: { status: 'SUCCESS' } });
    expect(background).toHaveLength(0);
  });
});
