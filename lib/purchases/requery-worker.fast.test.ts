// The requery worker's lease, fast (in-memory world): a due job is taken by one worker at a time, the
// soonest due first; a crashed worker's lease expires after a minute and another worker takes the job.
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { products, requeryJobs } from '@/db/schema';
import { createWorld, type MemoryWorld } from '@/test/world';
import { claimDueJobs, runRequeryPass } from './requery-worker';
import { startSale } from './start-sale';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

const MINUTE = 60_000;
let clock = 0;
let n = 0;

async function pendingSale() {
  const product = w.db
    .select()
    .from(products)
    .where(
      and(
        eq(products.currency, 'NGN'),
        eq(products.network, 'MTN'),
        eq(products.type, 'airtime'),
        eq(products.active, true),
      ),
    )
    .get()!;
  const r = await startSale(
    w.db,
    w.agentId,
    {
      idempotencyKey: `worker-${++n}`,
      productId: product.id,
      phone: `0803${String(10_000 + n).padStart(5, '0')}58`,
      network: 'MTN',
      amountMinor: 10_000,
      confirmRepeat: true,
    },
    { now: () => clock, provider: w.provider },
  );
  if (!r.ok) throw new Error(r.refusal.message);
  return r.outcome;
}
const jobOf = (purchaseId: number) =>
  w.db.select().from(requeryJobs).where(eq(requeryJobs.purchaseId, purchaseId)).get()!;

describe('the requery lease', () => {
  it('one worker at a time; nothing before it is due; the lease expires after a minute', async () => {
    w = T.fork();
    w.fund(1_000_000);
    clock = Date.now();
    const s = await pendingSale();
    const due = jobOf(s.purchaseId).nextAt;
    expect(claimDueJobs(w.db, 'a', due - 1)).toEqual([]);
    expect(claimDueJobs(w.db, 'a', due).map((a) => a.purchaseId)).toEqual([s.purchaseId]);
    expect(jobOf(s.purchaseId)).toMatchObject({ leaseOwner: 'a', leaseUntil: due + MINUTE });
    expect(claimDueJobs(w.db, 'b', due + MINUTE - 1)).toEqual([]);
    expect(claimDueJobs(w.db, 'b', due + MINUTE).map((a) => a.purchaseId)).toEqual([s.purchaseId]);
    expect(jobOf(s.purchaseId).leaseOwner).toBe('b');
  });

  it('takes the soonest due first, at most the limit; a pass requeries each taken job once', async () => {
    w = T.fork();
    w.fund(1_000_000);
    clock = Date.now();
    const sales = [await pendingSale(), await pendingSale(), await pendingSale()];
    w.db
      .update(requeryJobs)
      .set({ nextAt: clock + 3 * MINUTE })
      .where(eq(requeryJobs.purchaseId, sales[0]!.purchaseId))
      .run();
    w.db
      .update(requeryJobs)
      .set({ nextAt: clock + MINUTE })
      .where(eq(requeryJobs.purchaseId, sales[1]!.purchaseId))
      .run();
    w.db
      .update(requeryJobs)
      .set({ nextAt: clock + 2 * MINUTE })
      .where(eq(requeryJobs.purchaseId, sales[2]!.purchaseId))
      .run();
    expect(
      claimDueJobs(w.db, 'a', clock + 5 * MINUTE, 2)
        .map((a) => a.purchaseId)
        .sort(),
    ).toEqual([sales[1]!.purchaseId, sales[2]!.purchaseId].sort());
    const calls = w.sim.calls.length;
    // While a's lease holds, another pass takes only the job a left.
    clock += 5 * MINUTE + 30_000;
    expect(await runRequeryPass(w.db, { now: () => clock, owner: 'b', provider: w.provider })).toBe(
      1,
    );
    expect(w.sim.calls.length - calls).toBe(1);
    // Its answer (still pending) booked the next requery and released the lease.
    expect(jobOf(sales[0]!.purchaseId)).toMatchObject({ tries: 1, leaseOwner: null });
    expect(jobOf(sales[1]!.purchaseId)).toMatchObject({ tries: 0, leaseOwner: 'a' });
  });
});
