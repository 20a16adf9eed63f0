/**
 * A fresh bench database, from the test world: the normal seed, the catalogue synced from the bench's
 * simulator, and a bench agent who signs in, with a large float. Runs inside a child process whose env
 * points at the bench files (lib/env is read at import time), or, with TEST_ENGINE=postgres, at the
 * bench's PostgreSQL server: then it is a new database there (`file` is ignored).
 */
import type { Db } from '@/db/client';
import { createApiKey, setApiKeyRateLimits } from '@/lib/api/keys';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { createWorld } from '@/test/world';
import { BENCH_AGENT, PORTAL_SETTINGS } from './config';

export interface BenchFixture {
  db: Db;
  agentId: number;
  productId: number;
  /** The bench agent's API key, limits raised so the limiter counts every request but refuses none. */
  apiKey: string;
  /** The SQLite file, or on PostgreSQL the database's URL (TEST_ENGINE=postgres: test/world). */
  location: string;
  /** Closes the handle; on PostgreSQL also drops the database. */
  discard(): Promise<void>;
}

export async function prepareBenchDatabase(
  file: string,
  simulatorUrl: string,
): Promise<BenchFixture> {
  const { email, password, name, floatMinor } = BENCH_AGENT;
  const world = await createWorld({
    storage: { file },
    simulator: { kind: 'running', url: simulatorUrl },
    saleTimeoutMs: Number(PORTAL_SETTINGS.PROVIDER_TIMEOUT_MS),
    agent: { account: { email, password, name }, currencies: ['NGN'] },
  });
  await world.fund(floatMinor);
  const { key: apiKey, row } = await createApiKey(world.db, SYSTEM_ACTOR, world.agentId, {
    name: 'bench',
    scopes: ['read', 'sell'],
    allowedIps: [],
  });
  await setApiKeyRateLimits(world.db, SYSTEM_ACTOR, row.id, {
    saleRatePerSecond: 100_000,
    readRatePerSecond: 100_000,
  });
  return {
    db: world.db,
    agentId: world.agentId,
    productId: world.airtime.id,
    apiKey,
    location: world.file,
    discard: () => world.close(),
  };
}
