// One agent's sales opening and settling at the same time. On PostgreSQL each transaction locks the
// account rows it updates until it commits, so every transaction that touches both the agent's wallet
// and clearing must take them in one order (wallet first), or an opening sale and a settling one wait
// for each other until the server aborts one as a deadlock. On SQLite the transactions run one at a
// time; the test holds there too.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { purchases } from '@/db/schema';
import { one } from '@/db/query';
import { inTransaction } from '@/db/transaction';
import { createWorld, type MemoryWorld } from '@/test/world';
import { sellTo } from '@/test/world/sales';
import { allViolations, checkInvariants } from './invariants';
import { reverseSettled, settle, type SaleMoney } from './purchase-money';

let w: MemoryWorld;
beforeAll(async () => {
  w = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
  await w.fund(10_000_000);
});
afterAll(async () => await w.close());

it('settles and refunds concurrent sales of one agent, none aborted by a deadlock', async () => {
  // Endings 00 succeed at once, 60 fail on every provider (refunded): both settle-side paths.
  const endings = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? '60' : '00'));
  const results = await Promise.allSettled(endings.map((ending) => sellTo(w, { ending })));
  const failures = results.filter((r) => r.status === 'rejected').map((r) => String(r.reason));
  expect(failures).toEqual([]);
  expect(await allViolations(w.db)).toEqual([]);
});

it('settles, reverses and settles below cost at once, none aborted by a deadlock', async () => {
  // Every money transaction that touches two of wallet, clearing, float and commission takes them in
  // one order. A settle pays clearing → float, a reversal float → clearing; a settle below cost takes
  // commission → clearing, one above cost clearing → commission: all at once, both ways.
  const opened: SaleMoney[] = [];
  for (let i = 0; i < 24; i++) {
    const sale = await sellTo(w, { ending: '58' }); // pending forever: only this test resolves it
    opened.push(await saleMoney(sale.outcome.purchaseId));
  }
  const settledFirst = opened.slice(0, 12);
  for (const sale of settledFirst)
    await inTransaction(w.db, (tx) => settle(tx, sale, 'vtpass', 9_000, 'test'));
  const results = await Promise.allSettled([
    ...settledFirst.map((sale) =>
      inTransaction(w.db, (tx) => reverseSettled(tx, sale, 'vtpass', 9_000, 'test')),
    ),
    ...opened.slice(12).map((sale, i) =>
      // Half above cost, half below (a promotion: commission funds the gap).
      inTransaction(w.db, (tx) =>
        settle(tx, sale, 'vtpass', i % 2 === 0 ? 9_000 : sale.agentCostMinor + 500, 'test'),
      ),
    ),
  ]);
  const failures = results.filter((r) => r.status === 'rejected').map((r) => String(r.reason));
  expect(failures).toEqual([]);
  expect(results.every((r) => r.status === 'fulfilled' && r.value === true)).toBe(true);
  // The money's invariants (the sales' statuses are the engine's, which this test leaves PENDING).
  const money = (await checkInvariants(w.db)).filter((r) => r.id === 'I1' || r.id === 'I2');
  expect(money.flatMap((r) => r.violations)).toEqual([]);
});

async function saleMoney(purchaseId: number): Promise<SaleMoney> {
  const sale = await one(w.db.select().from(purchases).where(eq(purchases.id, purchaseId)));
  return {
    purchaseId,
    agentId: sale.agentId,
    currency: sale.currency,
    agentCostMinor: sale.agentCostMinor,
    now: Date.now(),
  };
}
