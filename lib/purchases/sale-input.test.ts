import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { products } from '@/db/schema';
import { fail } from '@/lib/actions/result';
import { Refusal } from '@/lib/errors';
import { createWorld, type MemoryWorld } from '@/test/world';
import { AIRTIME_LIMITS } from './airtime-limits';
import { saleInputSchema } from './sale-input';
import { startSale } from './start-sale';
import { first } from '@/db/query';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

let n = 0;
/** The MTN airtime product with its provider's limits removed, so the portal's own limits apply. */
async function productWithoutLimits() {
  w = await T.fork();
  await w.fund(10_000_000);
  const product = (await first(
    w.db
      .select()
      .from(products)
      .where(
        and(
          eq(products.currency, 'NGN'),
          eq(products.network, 'MTN'),
          eq(products.type, 'airtime'),
          eq(products.active, true),
        ),
      ),
  ))!;
  await w.db
    .update(products)
    .set({ minMinor: null, maxMinor: null })
    .where(eq(products.id, product.id));
  return product;
}

/** What the browser posts: every value a string, under the schema's own keys. */
function posted(productId: number, amountMinor: number) {
  return {
    idempotencyKey: `sale-input-${++n}-${Date.now()}`,
    productId: String(productId),
    phone: `0803${String(20_000 + n).padStart(5, '0')}00`,
    network: 'MTN',
    amountMinor: String(amountMinor),
  };
}

describe('the sale form posts the sale input', () => {
  it('parses into exactly what startSale takes, and its refusal names a form field', async () => {
    const product = await productWithoutLimits();
    const input = saleInputSchema.parse(posted(product.id, AIRTIME_LIMITS.minMinor - 100));
    const refused = await startSale(w.db, w.agentId, input, { provider: w.provider });
    expect(refused).toMatchObject({ ok: false, refusal: { field: 'amountMinor' } });
    if (refused.ok) return;
    expect(Object.keys(saleInputSchema.shape)).toContain(refused.refusal.field);
    expect(fail(refused.refusal)).toEqual({
      ok: false,
      message: refused.refusal.message,
      fieldErrors: { amountMinor: [refused.refusal.message] },
    });
  });

  it('sells a product without limits of its own from AIRTIME_LIMITS.minMinor to AIRTIME_LIMITS.maxMinor, the range the form shows', async () => {
    const product = await productWithoutLimits();
    const sell = async (amountMinor: number) =>
      await startSale(w.db, w.agentId, saleInputSchema.parse(posted(product.id, amountMinor)), {
        provider: w.provider,
      });
    expect(await sell(AIRTIME_LIMITS.minMinor - 100)).toMatchObject({
      ok: false,
      refusal: { field: 'amountMinor' },
    });
    expect(await sell(AIRTIME_LIMITS.maxMinor + 100)).toMatchObject({
      ok: false,
      refusal: { field: 'amountMinor' },
    });
    expect(await sell(AIRTIME_LIMITS.minMinor)).toMatchObject({
      ok: true,
      outcome: { amountMinor: AIRTIME_LIMITS.minMinor },
    });
  });

  it('refuses what a browser could post but a sale cannot be, under the field it came in', () => {
    const good = posted(1, 10_000);
    for (const [field, value] of [
      ['amountMinor', '100.5'],
      ['amountMinor', '-100'],
      ['amountMinor', '9'.repeat(21)],
      ['confirmRepeat', 'yes'],
      ['productId', '1 or 1=1'],
    ]) {
      const parsed = saleInputSchema.safeParse({ ...good, [field!]: value });
      expect(
        parsed.success ? null : Object.keys(parsed.error.flatten().fieldErrors),
        `${field} = ${value}`,
      ).toEqual([field]);
    }
    expect(saleInputSchema.parse({ ...good, confirmRepeat: '1' }).confirmRepeat).toBe(true);
  });
});
