// "Check now", fast (in-memory world, in-process simulator): a hint like a callback, so it asks the
// provider at once but leaves the requery schedule and its budget alone; its per-agent allowance (20 a
// minute) is each agent's own. Only `ok` and the outcome are read: the refusal's shape is the caller's.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requeryJobs } from '@/db/schema';
import { createWorld, type MemoryWorld } from '@/test/world';
import { sellTo } from '@/test/world/sales';
import { checkNow } from './check-now';
import { first } from '@/db/query';

let T: MemoryWorld;
let w: MemoryWorld;
beforeAll(async () => {
  T = await createWorld({ storage: 'memory', simulator: { kind: 'in-process' } });
}, 60_000);
afterEach(() => w?.close());
afterAll(() => T?.close());

const jobOf = async (purchaseId: number) =>
  (await first(w.db.select().from(requeryJobs).where(eq(requeryJobs.purchaseId, purchaseId))))!;

describe('check now', () => {
  it('asks the provider but leaves the requery schedule and its budget alone', async () => {
    w = await T.fork();
    await w.fund(100_000);
    const sale = (await sellTo(w, { ending: '58' })).outcome; // pending forever
    const job = await jobOf(sale.purchaseId);
    const calls = w.sim.calls.length;
    const checked = await checkNow(w.db, w.agentId, sale.purchaseId, w.provider);
    expect(checked).toMatchObject({ ok: true, outcome: { status: 'PENDING' } });
    expect(w.sim.calls.length - calls).toBe(1);
    expect(await jobOf(sale.purchaseId)).toEqual(job);
  });

  it("an agent's allowance is that agent's own", async () => {
    w = await T.fork();
    await w.fund(1_000_000);
    const other = await w.newAgent(1_000_000);
    const pending = async (agentId: number) =>
      (await sellTo(w, { ending: '58', agentId })).outcome.purchaseId;
    const mine = [];
    for (let i = 0; i < 21; i += 1) mine.push(await pending(w.agentId));
    const theirs = await pending(other);
    // One check per sale: twenty are allowed in the minute, the twenty-first is not.
    const answers = [];
    for (const id of mine) answers.push((await checkNow(w.db, w.agentId, id, w.provider)).ok);
    expect(answers).toEqual([...Array<boolean>(20).fill(true), false]);
    expect((await checkNow(w.db, other, theirs, w.provider)).ok).toBe(true);
  });
});
