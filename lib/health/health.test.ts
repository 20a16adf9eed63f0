import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { getProviderSettings } from '@/lib/provider-settings/queries';
import { seedProviderSettings } from '@/lib/provider-settings/seed';
import { createTestDb, insertUser } from '@/test/world/db';
import { listStoredAlerts } from './alerts';
import { listPurchaseBanners } from './banners';
import { setHealthConfig } from './config';
import { evaluateProviderHealth } from './monitor';
import { percentile, providerHealth } from './stats';
import { execute, first, one, rows } from '@/db/query';

let db: Db;
let cleanup: () => void;
let agentId: number;
let productId: number;
let seq = 0;
const NOW = 1_750_000_000_000;
const admin = { userId: null, label: 'admin@test', ip: null };

beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  await seedProviderSettings(db, 'http://127.0.0.1:4010');
  agentId = (await insertUser(db)).id;
  productId = (
    await one(
      rows<{ id: number }>(
        db,
        sql`insert into products (identity, currency, network, type, name, updated_at)
      values ('p', 'NGN', 'GLO', 'data', 'Glo 1GB', 0) returning id`,
      ),
    )
  ).id;
  await execute(
    db,
    sql`insert into routes (currency, network, type, providers) values ('NGN', 'GLO', 'data', '["jonet","vtpass"]'), ('NGN', 'GLO', 'airtime', '["vtpass"]'), ('NGN', 'MTN', 'data', '["vtpass","jonet"]')`,
  );
});
afterEach(() => cleanup());

/** One sale with one answered attempt, and its provider_answer event carrying the call's duration. */
async function sale(
  provider: string,
  status: string,
  at: number,
  durationMs = 100,
  answered = true,
) {
  seq += 1;
  const ref = `REF${seq}`;
  const { id: purchaseId } = await one(
    rows<{ id: number }>(
      db,
      sql`insert into purchases (agent_id, idempotency_key, request_hash, product_id, type, currency, network, phone, face_minor, agent_cost_minor, commission_minor, status, provider, reference, created_at, updated_at)
      values (${agentId}, ${`k${seq}`}, 'h', ${productId}, 'data', 'NGN', 'GLO', '08050000000', 1000, 990, 10, ${status}, ${provider}, ${ref}, ${at}, ${at}) returning id`,
    ),
  );
  const { id: attemptId } = await one(
    rows<{ id: number }>(
      db,
      sql`insert into purchase_attempts (purchase_id, provider, reference, plan_code, provider_cost_minor, status, provider_code, created_at)
      values (${purchaseId}, ${provider}, ${ref}, 'plan', 950, ${status}, ${answered ? 'code' : null}, ${at}) returning id`,
    ),
  );
  if (answered) {
    const detail = JSON.stringify({
      provider,
      exchanges: [{ durationMs: durationMs - 10 }, { durationMs: 10 }],
    });
    await execute(
      db,
      sql`insert into purchase_events (purchase_id, attempt_id, kind, status, detail, at)
        values (${purchaseId}, ${attemptId}, 'provider_answer', ${status}, ${detail}, ${at})`,
    );
  }
}

const pause = (provider: string) =>
  execute(db, sql`update provider_settings set paused_at = 1 where id = ${provider}`);

describe('provider health', () => {
  it('computes success rate, median and p95 over the last hour only', async () => {
    for (let i = 1; i <= 20; i += 1)
      await sale(
        'jonet',
        i <= 15 ? 'SUCCESS' : i <= 18 ? 'FAILED' : 'PENDING',
        NOW - i * 60_000,
        i * 100,
      );
    await sale('jonet', 'FAILED', NOW - 2 * 3_600_000, 99_999); // outside the window
    await sale('jonet', 'UNKNOWN', NOW - 1000, 0, false); // still in flight: not judged
    const [jonet] = await providerHealth(db, NOW);
    expect(jonet).toEqual({
      provider: 'jonet',
      answered: 20,
      succeeded: 15,
      failed: 3,
      pending: 2,
      successRate: 0.75,
      medianMs: 1000,
      p95Ms: 1900,
    });
  });

  it('percentile uses nearest rank', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5], 95)).toBe(5);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 95)).toBe(4);
  });
});

describe('auto-pause', () => {
  it('pauses below the threshold once the minimum number of sales is reached, with an audit row and an alert', async () => {
    await setHealthConfig(db, admin, { enabled: true, thresholdPercent: 50, minSales: 5 });
    for (let i = 0; i < 4; i += 1) await sale('jonet', 'FAILED', NOW - i * 1000);
    expect(await evaluateProviderHealth(db, NOW)).toEqual([]); // 4 sales: too few to judge
    expect((await getProviderSettings(db, 'jonet'))?.pausedAt).toBeNull();

    await sale('jonet', 'SUCCESS', NOW - 5000);
    await sale('jonet', 'SUCCESS', NOW - 6000); // 2 of 6 = 33% < 50%
    for (let i = 0; i < 6; i += 1)
      await sale('vtpass', i < 3 ? 'SUCCESS' : 'FAILED', NOW - i * 1000); // exactly 50%: healthy
    expect((await evaluateProviderHealth(db, NOW)).map((d) => d.provider)).toEqual(['jonet']);
    expect(await getProviderSettings(db, 'jonet')).toMatchObject({
      pausedAt: NOW,
      pausedReason: expect.stringContaining('33%'),
    });
    expect((await getProviderSettings(db, 'vtpass'))?.pausedAt).toBeNull();

    // A second evaluation changes nothing: no second audit row, no second alert.
    expect(await evaluateProviderHealth(db, NOW + 1000)).toEqual([]);
    expect(
      (
        await first(
          rows<{ n: number }>(
            db,
            sql`select count(*) as n from audit_log where action = 'provider.auto_pause'`,
          ),
        )
      )?.n,
    ).toBe(1);
    expect((await listStoredAlerts(db)).map((a) => a.provider)).toEqual(['jonet']);
  });

  it('does nothing when auto-pause is switched off', async () => {
    await setHealthConfig(db, admin, { enabled: false, thresholdPercent: 90, minSales: 1 });
    await sale('cwg', 'FAILED', NOW - 1000);
    expect(await evaluateProviderHealth(db, NOW)).toEqual([]);
    expect((await getProviderSettings(db, 'cwg'))?.pausedAt).toBeNull();
  });

  it('puts a banner on the networks whose route uses a paused provider', async () => {
    expect(await listPurchaseBanners(db, 'NGN')).toEqual([]);
    await pause('jonet');
    expect((await listPurchaseBanners(db, 'NGN')).map((b) => b.message)).toEqual([
      'Glo data is delayed',
      'MTN data is delayed',
    ]);
    expect(await listPurchaseBanners(db, 'NGN', 'airtime')).toEqual([]);
    expect(await listPurchaseBanners(db, 'INR')).toEqual([]);
  });

  it('names a paused bill route by its company, as the bill forms do', async () => {
    await execute(
      db,
      sql`insert into routes (currency, network, type, providers) values ('NGN', 'IKEDC', 'electricity', '["vtpass"]')`,
    );
    await pause('vtpass');
    const messages = (await listPurchaseBanners(db, 'NGN', 'electricity')).map((b) => b.message);
    expect(messages).toContain('Ikeja Electric is delayed');
    expect(messages.every((m) => !/electricity is delayed/.test(m))).toBe(true);
  });
});
