import type { Db } from '@/db/client';
import { commissionBps, priceSale } from '@/lib/catalogue/pricing';
import { getProduct } from '@/lib/catalogue/routing';
import { applyProviderResult } from '@/lib/purchases/apply-result';
import { openSale } from '@/lib/purchases/open';
import { createReferenceGenerator } from '@/lib/providers/reference';

/**
 * A function that makes one settled ₦100 sale of the product per call, in-process: openSale, then
 * applyProviderResult with a SUCCESS, as the portal does when the provider answers at once.
 */
export async function ledgerSeller(
  db: Db,
  agentId: number,
  productId: number,
  keyPrefix: string,
): Promise<() => Promise<void>> {
  const product = await getProduct(db, productId);
  if (!product) throw new Error(`no product ${productId}`);
  const price = priceSale(
    10_000,
    await commissionBps(db, agentId, product.currency, product.network, product.type),
  );
  const newReference = createReferenceGenerator();
  let n = 0;
  return async () => {
    n += 1;
    const now = Date.now();
    const phone = `0803${String(n % 10_000_000).padStart(7, '0')}`;
    const opened = await openSale(
      db,
      {
        agentId,
        idempotencyKey: `${keyPrefix}-${n}-bench-key`,
        product,
        phone,
        network: product.network,
        price,
      },
      newReference,
      now,
    );
    if (opened.kind !== 'opened') throw new Error('bench sale replayed');
    await applyProviderResult(
      db,
      opened.attempt.id,
      { status: 'SUCCESS', providerCode: '000', exchanges: [] },
      { by: 'purchase', now },
    );
  };
}
