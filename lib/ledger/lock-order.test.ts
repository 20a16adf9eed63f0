// One agent's sales opening and settling at the same time. On PostgreSQL each transaction locks the
// account rows it updates until it commits, so every transaction that touches both the agent's wallet
// and clearing must take them in one order (wallet first), or an opening sale and a settling one wait
// for each other until the server aborts one as a deadlock. On SQLite the transactions run one at a
// time; the test holds there too.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorld, type MemoryWorld } from '@/test/world';
import { sellTo } from '@/test/world/sales';
import { allViolations } from './invariants';

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
