import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { commissionRates } from '@/db/schema';
import { createTestDb, insertUser } from '@/test/world/db';
import { commissionBps, priceSale } from './pricing';

let db: Db;
let cleanup: () => void;
beforeEach(async () => ({ db, cleanup } = await createTestDb()));
afterEach(() => cleanup());

describe('pricing', () => {
  it("the agent's cost is the face price less the commission, in whole minor units", () => {
    expect(priceSale(50_000, 200)).toEqual({
      amountMinor: 50_000,
      commissionMinor: 1_000,
      agentCostMinor: 49_000,
    });
    expect(priceSale(999, 300)).toEqual({
      amountMinor: 999,
      commissionMinor: 29,
      agentCostMinor: 970,
    });
  });

  it("an agent's own rate wins over the default for that network and type", async () => {
    const agent = await insertUser(db);
    const other = await insertUser(db);
    await db.insert(commissionRates).values([
      { agentId: null, currency: 'NGN', network: 'MTN', type: 'data', rateBps: 300 },
      { agentId: agent.id, currency: 'NGN', network: 'MTN', type: 'data', rateBps: 450 },
    ]);
    expect(await commissionBps(db, agent.id, 'NGN', 'MTN', 'data')).toBe(450);
    expect(await commissionBps(db, other.id, 'NGN', 'MTN', 'data')).toBe(300);
    expect(await commissionBps(db, other.id, 'NGN', 'GLO', 'data')).toBe(0);
  });
});
