import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { products, purchases } from '@/db/schema';
import { createTestDb, insertUser } from '@/test/world/db';
import { countEarnings } from './daily';
import { getEarnings } from './queries';
import { startOfLagosDay, startOfLagosMonth } from '@/lib/time/lagos';
import { one } from '@/db/query';

let db: Db;
let cleanup: () => void;
let agent: number;
let other: number;
const productIds: Record<string, number> = {};

// 15 June 2025, 11:00 in Lagos.
const NOW = Date.UTC(2025, 5, 15, 10, 0);
let seq = 0;

async function sale(
  agentId: number,
  at: number,
  opts: {
    key: string;
    status?: 'SUCCESS' | 'FAILED' | 'PENDING';
    face: number;
    commission: number;
  },
) {
  const product = productIds[opts.key]!;
  const [currency, network, type] = opts.key.split(':') as [
    'NGN' | 'INR',
    string,
    'airtime' | 'data',
  ];
  seq += 1;
  const row = await one(
    db
      .insert(purchases)
      .values({
        agentId,
        idempotencyKey: `k${seq}`,
        requestHash: 'h',
        productId: product,
        type,
        currency,
        network,
        phone: '08031234567',
        amountMinor: opts.face,
        agentCostMinor: opts.face - opts.commission,
        commissionMinor: opts.commission,
        status: opts.status ?? 'SUCCESS',
        provider: 'sim',
        reference: `ref-${seq}`,
        createdAt: at,
        updatedAt: at,
      })
      .returning(),
  );
  // As the sale's own settlement does, in the transaction that makes it SUCCESS.
  if (row.status === 'SUCCESS') await countEarnings(db, row, 1);
}

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  agent = (await insertUser(db)).id;
  other = (await insertUser(db)).id;
  for (const key of ['NGN:MTN:airtime', 'NGN:MTN:data', 'NGN:GLO:airtime', 'INR:JIO:airtime']) {
    const [currency, network, type] = key.split(':') as ['NGN' | 'INR', string, 'airtime' | 'data'];
    productIds[key] = (
      await one(
        db
          .insert(products)
          .values({ identity: key, currency, network, type, name: key, updatedAt: 0 })
          .returning(),
      )
    ).id;
  }
  const utc = (d: number, h: number, m = 0) => Date.UTC(2025, d < 0 ? 4 : 5, d < 0 ? 31 : d, h, m);
  await sale(agent, utc(15, 8), { key: 'NGN:MTN:airtime', face: 50_000, commission: 1_000 }); // today
  await sale(agent, utc(14, 23, 30), { key: 'NGN:MTN:data', face: 30_000, commission: 900 }); // 00:30 on the 15th in Lagos: today
  await sale(agent, utc(14, 22, 30), { key: 'NGN:GLO:airtime', face: 20_000, commission: 400 }); // 23:30 on the 14th in Lagos: not today
  await sale(agent, utc(-1, 23, 30), { key: 'NGN:MTN:airtime', face: 10_000, commission: 200 }); // 00:30 on 1 June in Lagos: this month
  await sale(agent, utc(-1, 22, 30), { key: 'NGN:MTN:airtime', face: 99_900, commission: 9_900 }); // 23:30 on 31 May in Lagos: last month
  await sale(agent, utc(15, 9), {
    key: 'NGN:MTN:airtime',
    face: 70_000,
    commission: 7_000,
    status: 'FAILED',
  });
  await sale(agent, utc(15, 9), {
    key: 'NGN:MTN:airtime',
    face: 80_000,
    commission: 8_000,
    status: 'PENDING',
  });
  await sale(other, utc(15, 9), { key: 'NGN:MTN:airtime', face: 60_000, commission: 6_000 }); // another agent
  await sale(agent, utc(15, 9, 30), { key: 'INR:JIO:airtime', face: 10_000, commission: 300 });
});
afterEach(() => cleanup());

describe('earnings', () => {
  it('uses Lagos day and month boundaries', () => {
    expect(startOfLagosDay(NOW)).toBe(Date.UTC(2025, 5, 14, 23));
    expect(startOfLagosMonth(NOW)).toBe(Date.UTC(2025, 4, 31, 23));
    expect(startOfLagosMonth(Date.UTC(2025, 11, 31, 23, 30))).toBe(Date.UTC(2025, 11, 31, 23)); // already January in Lagos
  });

  it('sums successful sales and commission today and this month, per currency, for this agent only', async () => {
    const [ngn, inr] = await getEarnings(db, agent, ['NGN'], NOW);
    expect(ngn?.currency).toBe('NGN');
    expect(ngn?.today).toEqual({ count: 2, valueMinor: 80_000, commissionMinor: 1_900 });
    expect(ngn?.month).toEqual({ count: 4, valueMinor: 110_000, commissionMinor: 2_500 });
    expect(inr?.currency).toBe('INR');
    expect(inr?.today).toEqual({ count: 1, valueMinor: 10_000, commissionMinor: 300 });
    expect(inr?.month).toEqual({ count: 1, valueMinor: 10_000, commissionMinor: 300 });
  });

  it('breaks the month down by network and by product type', async () => {
    const [ngn] = await getEarnings(db, agent, ['NGN'], NOW);
    expect(ngn?.byNetwork).toEqual([
      {
        key: 'MTN',
        today: { count: 2, valueMinor: 80_000, commissionMinor: 1_900 },
        month: { count: 3, valueMinor: 90_000, commissionMinor: 2_100 },
      },
      {
        key: 'GLO',
        today: { count: 0, valueMinor: 0, commissionMinor: 0 },
        month: { count: 1, valueMinor: 20_000, commissionMinor: 400 },
      },
    ]);
    expect(ngn?.byType).toEqual([
      {
        key: 'airtime',
        today: { count: 1, valueMinor: 50_000, commissionMinor: 1_000 },
        month: { count: 3, valueMinor: 80_000, commissionMinor: 1_600 },
      },
      {
        key: 'data',
        today: { count: 1, valueMinor: 30_000, commissionMinor: 900 },
        month: { count: 1, valueMinor: 30_000, commissionMinor: 900 },
      },
    ]);
  });

  it('gives one zero-filled chart entry per Lagos day of the month so far', async () => {
    const [ngn] = await getEarnings(db, agent, ['NGN'], NOW);
    expect(ngn?.daily).toHaveLength(15);
    expect(ngn?.daily[0]).toEqual({
      day: '2025-06-01',
      count: 1,
      valueMinor: 10_000,
      commissionMinor: 200,
    });
    expect(ngn?.daily[13]).toEqual({
      day: '2025-06-14',
      count: 1,
      valueMinor: 20_000,
      commissionMinor: 400,
    });
    expect(ngn?.daily[14]).toEqual({
      day: '2025-06-15',
      count: 2,
      valueMinor: 80_000,
      commissionMinor: 1_900,
    });
    expect(ngn?.daily.slice(1, 13).every((d) => d.count === 0 && d.valueMinor === 0)).toBe(true);
  });

  it('shows zeros for a wallet currency with no sales', async () => {
    const fresh = (await insertUser(db)).id;
    const [ngn, ...rest] = await getEarnings(db, fresh, ['NGN'], NOW);
    expect(rest).toEqual([]);
    expect(ngn).toMatchObject({
      currency: 'NGN',
      today: { count: 0, valueMinor: 0, commissionMinor: 0 },
      byNetwork: [],
    });
  });
});
