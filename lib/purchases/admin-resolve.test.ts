import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { purchases } from '@/db/schema';
import { findWallet } from '@/lib/ledger/accounts';
import { allViolations } from '@/lib/ledger/invariants';
import type { World } from '@/test/world';
import { withWorld } from '@/test/world/hooks';
import { adminResolve } from './admin-resolve';
import { listReviewQueue } from './review';
import { startSale } from './start-sale';
import { first, rows } from '@/db/query';

let world: World;
withWorld(5_000_000, (w) => (world = w));

const admin = { userId: null, label: 'admin@test', ip: '10.0.0.1' };
let n = 0;
async function pendingForever() {
  const product = await world.product({ network: 'MTN', type: 'airtime' });
  const r = await startSale(world.db, world.agentId, {
    idempotencyKey: `review-${Date.now()}-${++n}`,
    productId: product.id,
    phone: `080300${String(n).padStart(3, '0')}58`,
    network: 'MTN',
    amountMinor: 10_000,
  });
  if (!r.ok) throw new Error(r.refusal.message);
  return r.outcome;
}

describe('admin resolution of a stuck sale', () => {
  it('lists sales pending too long, refunds on "failed", audits, and refuses a second resolution', async () => {
    const sale = await pendingForever();
    expect((await listReviewQueue(world.db)).map((q) => q.purchase.id)).not.toContain(
      sale.purchaseId,
    );
    expect(
      (await listReviewQueue(world.db, Date.now() + 31 * 60_000)).map((q) => q.purchase.id),
    ).toContain(sale.purchaseId);

    const before = (await findWallet(world.db, world.agentId, 'NGN'))!;
    expect(
      await adminResolve(
        world.db,
        admin,
        sale.purchaseId,
        'failed',
        'Provider confirmed not delivered',
      ),
    ).toBe('FAILED');
    const after = (await findWallet(world.db, world.agentId, 'NGN'))!;
    expect(after.balance).toBe(before.balance + sale.agentCostMinor);
    expect(after.reserved).toBe(before.reserved - sale.agentCostMinor);
    const audit = await rows<{ n: number }>(
      world.db,
      sql`select count(*) as n from audit_log where action = 'sale.manual_resolution' and target_id = ${String(sale.purchaseId)} and ip = '10.0.0.1'`,
    );
    expect(audit[0]?.n).toBe(1);

    await expect(
      adminResolve(world.db, admin, sale.purchaseId, 'success', 'second thoughts'),
    ).rejects.toThrow(/already resolved/);
    expect(
      (await first(world.db.select().from(purchases).where(eq(purchases.id, sale.purchaseId))))!
        .status,
    ).toBe('FAILED');
    expect(await allViolations(world.db)).toEqual([]);
  });

  it('settles on "success" with the provider cost and the margin', async () => {
    const sale = await pendingForever();
    expect(
      await adminResolve(
        world.db,
        admin,
        sale.purchaseId,
        'success',
        'Operator confirmed delivery',
      ),
    ).toBe('SUCCESS');
    expect(await allViolations(world.db)).toEqual([]);
  });
});
