// The requery worker's lease, fast (in-memory world): a due job is taken by one worker at a time, the
// soonest due first; a crashed worker's lease expires after a minute and another worker takes the job.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { products, purchaseResolutions, requeryJobs } from '@/db/schema';
import { createWorld, type MemoryWorld } from '@/test/world';
import { sellTo } from '@/test/world/sales';
import { claimDueJobs, runRequeryPass, startRequeryWorker } from './requery-worker';
import { startSale } from './start-sale';
import { execute, first } from '@/db/query';

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
const jobOf = async (purchaseId: number) =>
  (await first(w.db.select().from(requeryJobs).where(eq(requeryJobs.purchaseId, purchaseId))))!;

describe('the requery lease', () => {
  it('one worker at a time; nothing before it is due; the lease expires after a minute', async () => {
    w = await T.fork();
    await w.fund(1_000_000);
    clock = Date.now();
    const s = await pendingSale();
    const due = (await jobOf(s.purchaseId)).nextAt;
    expect(await claimDueJobs(w.db, 'a', due - 1)).toEqual([]);
    expect((await claimDueJobs(w.db, 'a', due)).map((a) => a.purchaseId)).toEqual([s.purchaseId]);
    expect(await jobOf(s.purchaseId)).toMatchObject({ leaseOwner: 'a', leaseUntil: due + MINUTE });
    expect(await claimDueJobs(w.db, 'b', due + MINUTE - 1)).toEqual([]);
    expect((await claimDueJobs(w.db, 'b', due + MINUTE)).map((a) => a.purchaseId)).toEqual([
      s.purchaseId,
    ]);
    expect((await jobOf(s.purchaseId)).leaseOwner).toBe('b');
  });

  it('takes the soonest due first, at most the limit; a pass requeries each taken job once', async () => {
    w = await T.fork();
    await w.fund(1_000_000);
    clock = Date.now();
    const sales = [await pendingSale(), await pendingSale(), await pendingSale()];
    await w.db
      .update(requeryJobs)
      .set({ nextAt: clock + 3 * MINUTE })
      .where(eq(requeryJobs.purchaseId, sales[0]!.purchaseId));
    await w.db
      .update(requeryJobs)
      .set({ nextAt: clock + MINUTE })
      .where(eq(requeryJobs.purchaseId, sales[1]!.purchaseId));
    await w.db
      .update(requeryJobs)
      .set({ nextAt: clock + 2 * MINUTE })
      .where(eq(requeryJobs.purchaseId, sales[2]!.purchaseId));
    expect(
      (await claimDueJobs(w.db, 'a', clock + 5 * MINUTE, 2)).map((a) => a.purchaseId).sort(),
    ).toEqual([sales[1]!.purchaseId, sales[2]!.purchaseId].sort());
    const calls = w.sim.calls.length;
    // While a's lease holds, another pass takes only the job a left.
    clock += 5 * MINUTE + 30_000;
    expect(await runRequeryPass(w.db, { now: () => clock, owner: 'b', provider: w.provider })).toBe(
      1,
    );
    expect(w.sim.calls.length - calls).toBe(1);
    // Its answer (still pending) booked the next requery and released the lease.
    expect(await jobOf(sales[0]!.purchaseId)).toMatchObject({ tries: 1, leaseOwner: null });
    expect(await jobOf(sales[1]!.purchaseId)).toMatchObject({ tries: 0, leaseOwner: 'a' });
  });
});

// The worker's loop, with the interval driven by Vitest's fake timers (the clock stays real) and each
// provider call held at a gate the test opens: nothing here waits on time.
describe('the requery worker', () => {
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { opened, open };
  };
  let held = gate();
  let calls = 0;
  // The worker reaches the providers through the global fetch (no deps): the in-process simulator's.
  const heldFetch = (async (...args: Parameters<typeof fetch>) => {
    calls += 1;
    await held.opened;
    return w.sim.fetch(...args);
  }) as typeof fetch;
  /** Lets the worker's promises run until the condition holds (bounded: no clock involved). */
  async function until(what: string, condition: () => boolean | Promise<boolean>) {
    for (let i = 0; i < 2_000; i += 1) {
      if (await condition()) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`never: ${what}`);
  }
  /** Lets the worker's promises run for a fixed number of event-loop turns (no clock involved). */
  async function turns(count: number) {
    for (let i = 0; i < count; i += 1) await new Promise((resolve) => setImmediate(resolve));
  }
  const makeDue = async (purchaseId: number) =>
    await w.db.update(requeryJobs).set({ nextAt: 0 }).where(eq(requeryJobs.purchaseId, purchaseId));
  const resolution = async (purchaseId: number) =>
    await first(
      w.db.select().from(purchaseResolutions).where(eq(purchaseResolutions.purchaseId, purchaseId)),
    );

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('runs one pass at a time under its own lease, settles what the requery finds, and stops', async () => {
    w = await T.fork();
    await w.fund(1_000_000);
    // Held past the timeout (53): unknown until a requery finds it delivered.
    const first = (await sellTo(w, { ending: '53' })).outcome;
    const second = (await sellTo(w, { ending: '53' })).outcome;
    expect([first.status, second.status]).toEqual(['UNKNOWN', 'UNKNOWN']);
    held = gate();
    calls = 0;
    vi.stubGlobal('fetch', heldFetch);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const stop = startRequeryWorker(w.db, 1_000);
    await makeDue(first.purchaseId);

    vi.advanceTimersByTime(999);
    await until('a tick would have called', () => true);
    expect(calls).toBe(0); // not before the interval
    vi.advanceTimersByTime(1);
    await until('the pass asks the provider', () => calls === 1);
    // The lease names this worker (one process, one label) while its pass holds the job.
    expect((await jobOf(first.purchaseId)).leaseOwner).toMatch(/^worker-\d+-[0-9a-f]{8}$/);
    const owner = (await jobOf(first.purchaseId)).leaseOwner;
    // Another tick while that pass runs starts nothing, even with another job due.
    await makeDue(second.purchaseId);
    vi.advanceTimersByTime(3_000);
    await until('ticks ran', () => true);
    expect(calls).toBe(1);
    expect((await jobOf(second.purchaseId)).leaseOwner).toBeNull();

    held.open();
    await until(
      'the first sale settles',
      async () => (await resolution(first.purchaseId)) !== undefined,
    );
    expect(await resolution(first.purchaseId)).toMatchObject({
      outcome: 'settled',
      resolvedBy: 'requery',
    });
    // The next tick starts the next pass, under the same owner (held at a new gate while the test looks).
    held = gate();
    vi.advanceTimersByTime(1_000);
    await until('the second pass asks', () => calls === 2);
    expect((await jobOf(second.purchaseId)).leaseOwner).toBe(owner);
    held.open();
    await until(
      'the second sale settles',
      async () => (await resolution(second.purchaseId)) !== undefined,
    );

    // Stopped: however long it waits, nothing more is asked (the turns given would let a pass claim
    // the due job and ask the provider, as the passes above did).
    stop();
    const third = (await sellTo(w, { ending: '53' })).outcome;
    await makeDue(third.purchaseId);
    const before = calls;
    vi.advanceTimersByTime(10_000);
    await turns(200);
    expect(calls).toBe(before);
    expect((await jobOf(third.purchaseId)).leaseOwner).toBeNull();
  });

  it('a pass that fails is logged and the worker carries on with the next tick', async () => {
    w = await T.fork();
    await w.fund(1_000_000);
    const sale = (await sellTo(w, { ending: '53' })).outcome;
    held = gate();
    held.open();
    calls = 0;
    vi.stubGlobal('fetch', heldFetch);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const stop = startRequeryWorker(w.db, 1_000);
    await makeDue(sale.purchaseId);
    // The database fails the pass (the jobs' table is out of reach for one tick).
    await execute(w.db, sql`alter table requery_jobs rename to requery_jobs_away`);
    vi.advanceTimersByTime(1_000);
    await until('the failure is logged', () => logged.mock.calls.length > 0);
    expect(logged.mock.calls[0]![0]).toBe('[requery] pass failed');
    await execute(w.db, sql`alter table requery_jobs_away rename to requery_jobs`);
    vi.advanceTimersByTime(1_000);
    await until('the sale settles', async () => (await resolution(sale.purchaseId)) !== undefined);
    expect(calls).toBe(1);
    stop();
  });

  it('an attempt whose answer cannot be applied is logged with its error; the others are applied', async () => {
    w = await T.fork();
    await w.fund(1_000_000);
    const sales = [
      (await sellTo(w, { ending: '53' })).outcome,
      (await sellTo(w, { ending: '53' })).outcome,
    ];
    for (const s of sales) await makeDue(s.purchaseId);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    // The pass reads the clock once to claim, then once per answer it applies: the first answer's read fails.
    const broken = new Error('clock unreadable');
    let reads = 0;
    const now = () => {
      reads += 1;
      if (reads === 2) throw broken;
      return Date.now();
    };
    expect(await runRequeryPass(w.db, { now, owner: 'w', provider: w.provider })).toBe(2);
    expect(logged.mock.calls).toEqual([['[requery] attempt failed', broken]]);
    const settled: string[] = [];
    for (const s of sales) settled.push((await resolution(s.purchaseId))?.outcome ?? 'open');
    expect(settled.sort()).toEqual(['open', 'settled']);
  });
});
