import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purchases } from '@/db/schema';
import { allViolations } from '@/lib/ledger/invariants';
import { createWorld, type World } from '@/test/world';
import { startSimulator, type RunningSimulator } from '@/simulator/server';
import { runRequeryPass } from './requery-worker';
import { startSale } from './start-sale';
import { first } from '@/db/query';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-restart-'));
const dataFile = path.join(dir, 'simulator.jsonl');
let world: World;
let restarted: RunningSimulator | undefined;
beforeAll(async () => {
  world = await createWorld({ simulator: { kind: 'http', dataFile } });
  await world.fund(10_000_000);
}, 60_000);
afterAll(async () => {
  await restarted?.close();
  await world?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a simulator restart', () => {
  it('keeps its records, so a sale left pending before the restart resolves by requery, not by not-found', async () => {
    const product = await world.product({ network: 'MTN', type: 'airtime' });
    // 53: the simulator records the sale as delivered but holds the answer past our timeout.
    const result = await startSale(world.db, world.agentId, {
      idempotencyKey: 'sim-restart-key-0001',
      productId: product.id,
      phone: '08031234553',
      network: 'MTN',
      amountMinor: 10_000,
    });
    if (!result.ok) throw new Error(result.refusal.message);
    expect(result.outcome.status).toBe('UNKNOWN');

    await world.sim.close();
    restarted = await startSimulator({ port: world.sim.port, dataFile });
    // The worker's passes, as after a restart: the first may meet a pooled connection to the old process.
    const status = async () =>
      (
        await first(
          world.db.select().from(purchases).where(eq(purchases.id, result.outcome.purchaseId)),
        )
      )?.status;
    for (let pass = 1; pass <= 3 && (await status()) !== 'SUCCESS'; pass++)
      await runRequeryPass(world.db, { now: () => Date.now() + pass * 60 * 60_000 });

    expect(
      (
        await first(
          world.db.select().from(purchases).where(eq(purchases.id, result.outcome.purchaseId)),
        )
      )?.status,
    ).toBe('SUCCESS');
    expect(await allViolations(world.db)).toEqual([]);
  });
});
