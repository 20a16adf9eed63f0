// One sale end to end (`sell`), fast (in-memory world, in-process simulator): a replay of the same form
// never calls the provider again and reports the first request's answer once it has one (or what it sees
// when its wait runs out); "try again" from JoNet fails over only after a requery confirms the reference
// was never seen; a route that is exhausted refunds the agent in full.
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { productSources, purchaseAttempts, purchaseResolutions } from '@/db/schema';
import { findWallet } from '@/lib/ledger/accounts';
import { allViolations } from '@/lib/ledger/invariants';
import { createReferenceGenerator } from '@/lib/providers/reference';
import { createWorld, type MemoryWorld } from '@/test/world';
import { saleRequest } from '@/test/world/sales';
import { openThenSell, sell } from './sell';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

/** The provider's answers wait at a gate the test opens; `asked` counts the calls that reached it. */
function heldProvider() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const held = {
    asked: 0,
    open,
    fetch: (async (...args: Parameters<typeof fetch>) => {
      held.asked += 1;
      await opened;
      return w.sim.fetch(...args);
    }) as typeof fetch,
  };
  return held;
}
const deps = (
  provider: { fetch: typeof fetch },
  replayWaitMs?: number,
  pause?: (ms: number) => Promise<void>,
) => ({ provider, newReference: createReferenceGenerator(), replayWaitMs, pause });

/**
 * A replay's pauses, taking no real time: each is recorded and lets `first` (the first request) settle
 * before the replay looks again. A pause asked for once the replay has paused its whole wait fails the
 * replay, so a replay that would wait forever fails at once instead of hanging the test.
 */
function replayPauses(waitMs: number, first?: Promise<unknown>) {
  const taken: number[] = [];
  const total = () => taken.reduce((sum, ms) => sum + ms, 0);
  const pause = async (ms: number) => {
    if (total() >= waitMs) throw new Error(`the replay paused again after its ${waitMs} ms wait`);
    taken.push(ms);
    await first?.then(
      () => {},
      () => {},
    );
  };
  return { pause, total };
}
const wallet = async () => (await findWallet(w.db, w.agentId, 'NGN'))!;

describe('a replay of the same sale', () => {
  it('waits for the first answer and reports it, without asking the provider again', async () => {
    w = await T.fork();
    await w.fund(100_000);
    const request = saleRequest(w, { ending: '00' });
    const held = heldProvider();
    // Each is opened (the replay found the first) before the provider answers.
    const { answer: first } = await openThenSell(w.db, request, deps(held));
    const paused = replayPauses(30_000, first);
    const { answer: replay } = await openThenSell(w.db, request, deps(held, 30_000, paused.pause));
    held.open();
    const [a, b] = await Promise.all([first, replay]);
    expect(a).toMatchObject({ replayed: false, outcome: { status: 'SUCCESS' } });
    expect(b).toEqual({ replayed: true, outcome: a.outcome });
    // It waited for the first answer (with its own pauses), and answered once there was one, not when its
    // wait ran out.
    expect(paused.total()).toBeGreaterThan(0);
    expect(paused.total()).toBeLessThan(30_000);
    expect(held.asked).toBe(1);
    expect((await wallet()).balance).toBe(100_000 - request.price.agentCostMinor);
  });

  it('when its wait (40 s) runs out, reports the sale as it stands (still unknown), and the first goes on', async () => {
    w = await T.fork();
    await w.fund(100_000);
    const request = saleRequest(w, { ending: '00' });
    const held = heldProvider();
    const { answer: first } = await openThenSell(w.db, request, deps(held));
    const paused = replayPauses(40_000); // docs/money-rules.md: a replay waits up to 40 s
    const replay = await sell(w.db, request, deps(held, undefined, paused.pause));
    expect(replay).toMatchObject({ replayed: true, outcome: { status: 'UNKNOWN' } });
    expect(paused.total()).toBe(40_000);
    expect(held.asked).toBe(1);
    held.open();
    expect((await first).outcome).toMatchObject({
      status: 'SUCCESS',
      purchaseId: replay.outcome.purchaseId,
    });
  });

  it('after the answer, a replay returns at once with the same outcome', async () => {
    w = await T.fork();
    await w.fund(100_000);
    const request = saleRequest(w, { ending: '00' });
    const held = heldProvider();
    held.open();
    const first = await sell(w.db, request, deps(held));
    const noPause = replayPauses(0).pause; // "at once": any pause fails the replay
    expect(await sell(w.db, request, deps(held, undefined, noPause))).toEqual({
      replayed: true,
      outcome: first.outcome,
    });
    expect(held.asked).toBe(1);
  });
});

describe('try again', () => {
  it('JoNet’s "not processed" fails over only after its requery confirms; an exhausted route refunds', async () => {
    w = await T.fork();
    await w.fund(100_000);
    expect(w.routes.data[0]).toBe('jonet');
    const calls = w.sim.calls.length;
    const { outcome, replayed } = await sell(
      w.db,
      saleRequest(w, { ending: '60', product: w.data }),
      deps({ fetch: w.sim.fetch }),
    );
    expect(replayed).toBe(false);
    expect(outcome.status).toBe('FAILED');
    const asked = w.sim.calls.slice(calls);
    // JoNet's requery comes between its "try again" and the next provider's call.
    expect(asked[0]).toMatch(/^jonet .*purchase_data/);
    expect(asked[1]).toMatch(/^jonet .*requery/);
    expect(asked[2]!.split(' ')[0]).toBe(w.routes.data[1]);
    const attempts = await w.db
      .select()
      .from(purchaseAttempts)
      .where(eq(purchaseAttempts.purchaseId, outcome.purchaseId));
    expect(attempts.map((a) => a.provider)).toEqual(w.routes.data);
    expect(new Set(attempts.map((a) => a.reference)).size).toBe(attempts.length);
    expect(await wallet()).toMatchObject({ balance: 100_000, reserved: 0 });
    expect(await allViolations(w.db)).toEqual([]);
  });
});

describe('JoNet alone on the route', () => {
  it('its "not processed", confirmed by the requery, refunds in full, resolved by that requery', async () => {
    w = await T.fork();
    await w.fund(100_000);
    await w.db
      .update(productSources)
      .set({ available: false })
      .where(and(eq(productSources.productId, w.data.id), ne(productSources.provider, 'jonet')));
    const { outcome } = await sell(
      w.db,
      saleRequest(w, { ending: '60', product: w.data }),
      deps({ fetch: w.sim.fetch }),
    );
    expect(outcome).toMatchObject({ status: 'FAILED', provider: 'jonet' });
    const resolution = await w.db
      .select()
      .from(purchaseResolutions)
      .where(eq(purchaseResolutions.purchaseId, outcome.purchaseId));
    expect(resolution).toMatchObject([{ outcome: 'refunded', resolvedBy: 'requery' }]);
    expect(await wallet()).toMatchObject({ balance: 100_000, reserved: 0 });
    expect(await allViolations(w.db)).toEqual([]);
  });
});

describe('an Indian sale', () => {
  it('is sent with the number’s circle, which RechargeKit needs to deliver it', async () => {
    w = await T.fork();
    await w.fund(100_000, 'INR');
    const product = await w.product({ currency: 'INR', network: 'AIRTEL', type: 'airtime' });
    const request = { ...saleRequest(w, { ending: '00', product }), phone: '9876543200' };
    const { outcome } = await sell(w.db, { ...request, circle: '5' }, deps({ fetch: w.sim.fetch }));
    expect(outcome).toMatchObject({ status: 'SUCCESS', provider: 'rechargekit', currency: 'INR' });
  });
});
