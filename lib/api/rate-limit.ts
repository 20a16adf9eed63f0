import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { apiRateWindows } from '@/db/schema';
import { env } from '@/lib/env';
import type { ApiKey } from './keys';

export type RateKind = 'sale' | 'read';

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window resets (at least 1). */
  resetSeconds: number;
}

const WINDOW_MS = 1_000;
const p = sql.placeholder;

// One statement counts and reads back the count, so two processes sharing the key each see their own
// increment; a new window starts the count at one. SQLite evaluates SET's right-hand sides on the old row.
const countRequest = prepared((db) =>
  db
    .insert(apiRateWindows)
    .values({ keyId: p('keyId'), kind: p('kind'), windowStart: p('windowStart'), count: 1 })
    .onConflictDoUpdate({
      target: [apiRateWindows.keyId, apiRateWindows.kind],
      set: {
        count: sql`case when ${apiRateWindows.windowStart} = excluded.window_start then ${apiRateWindows.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: apiRateWindows.count }),
);

export function rateLimitFor(
  key: Pick<ApiKey, 'saleRatePerSecond' | 'readRatePerSecond'>,
  kind: RateKind,
): number {
  return kind === 'sale'
    ? (key.saleRatePerSecond ?? env.API_SALE_RATE_PER_S)
    : (key.readRatePerSecond ?? env.API_READ_RATE_PER_S);
}

/** Counts this request in the key's current one-second window and says whether it is within the limit. */
export async function consumeRate(
  db: Db,
  key: ApiKey,
  kind: RateKind,
  now: number,
): Promise<RateDecision> {
  const limit = rateLimitFor(key, kind);
  const windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
  const { count } = (await countRequest(db).get({ keyId: key.id, kind, windowStart }))!;
  const resetSeconds = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1_000));
  return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetSeconds };
}

/** The IETF draft's RateLimit-* fields, on every answer that went through the limiter. */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
  };
}
