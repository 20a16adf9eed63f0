import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { clearingAccount, commissionAccount } from '@/lib/ledger/accounts';
import { post } from '@/lib/ledger/post';
import { createTestDb, insertUser } from '@/test/world/db';
import { salesSeries, todayStats } from './dashboard';
import { parseLagosDay } from '@/lib/time/lagos';
import { inTransaction } from '@/db/transaction';
import { sql } from 'drizzle-orm';
import { execute, one, rows } from '@/db/query';

let db: Db;
let cleanup: () => void;
let agentId: number;
let productId: number;
let n = 0;
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  agentId = (await insertUser(db)).id;
  productId = (
    await one(
      rows<{ id: number }>(
        db,
        sql`insert into products (identity, currency, network, type, name, updated_at)
      values ('p', 'NGN', 'MTN', 'airtime', 'MTN', 0) returning id`,
      ),
    )
  ).id;
});
afterEach(() => cleanup());

const TODAY = parseLagosDay('2025-06-15')!;
const NOW = TODAY + 15.5 * 3_600_000; // 15:30 Lagos

async function sale(status: string, provider: string, at: number, face = 1000) {
  n += 1;
  await execute(
    db,
    sql`insert into purchases (agent_id, idempotency_key, request_hash, product_id, type, currency, network, phone, face_minor, agent_cost_minor, commission_minor, status, provider, reference, created_at, updated_at)
      values (${agentId}, ${`k${n}`}, 'h', ${productId}, 'airtime', 'NGN', 'MTN', '0803', ${face}, ${face - 10}, 10, ${status}, ${provider}, ${`R${n}`}, ${at}, ${at})`,
  );
}

async function margin(
  amount: number,
  at: number,
  kind: 'settle_margin' | 'reversal' = 'settle_margin',
) {
  n += 1;
  await inTransaction(db, async (tx) => {
    const clearing = await clearingAccount(tx, 'NGN');
    const commission = await commissionAccount(tx, 'NGN');
    await post(tx, {
      from: kind === 'settle_margin' ? clearing : commission,
      to: kind === 'settle_margin' ? commission : clearing,
      amount,
      kind,
      idempotencyKey: `m${n}`,
      memo: 'm',
      now: at,
    });
  });
}

describe('admin dashboard figures', () => {
  it('counts today’s sales in Lagos time, with value, success rate, pending and commission', async () => {
    await sale('SUCCESS', 'jonet', TODAY + 1000, 5000);
    await sale('SUCCESS', 'vtpass', NOW - 1000, 2000);
    await sale('FAILED', 'jonet', NOW - 2000);
    await sale('PENDING', 'jonet', NOW - 3000);
    await sale('SUCCESS', 'jonet', TODAY - 1000, 99_999); // 23:59 yesterday, Lagos
    await margin(150, NOW - 1000);
    await margin(40, NOW - 500, 'reversal');
    await margin(999, TODAY - 1000);
    const [ngn] = await todayStats(db, NOW);
    expect(ngn).toEqual({
      currency: 'NGN',
      sales: 4,
      succeeded: 2,
      failed: 1,
      pending: 1,
      valueMinor: 7000,
      successRate: 2 / 3,
      commissionMinor: 110,
    });
  });

  it('gives every provider a zero-filled hourly series', async () => {
    await sale('SUCCESS', 'jonet', NOW - 1000);
    await sale('FAILED', 'jonet', NOW - 2000);
    await sale('SUCCESS', 'vtpass', NOW - 2 * 3_600_000);
    const { buckets, series } = await salesSeries(db, 3, NOW);
    expect(buckets).toHaveLength(3);
    expect(series.jonet?.map((p) => p.count)).toEqual([0, 0, 2]);
    expect(series.vtpass?.map((p) => p.count)).toEqual([1, 0, 0]);
  });
});
