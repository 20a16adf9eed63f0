import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { throttleBuckets } from '@/db/schema';

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

export const LOGIN_RULES = {
  account: { limit: 5, windowMs: 15 * 60_000 },
  ip: { limit: 20, windowMs: 15 * 60_000 },
} satisfies Record<string, ThrottleRule>;

/** Milliseconds until the key may try again, or 0 when it may try now. Cheap: one indexed read. */
export function retryAfterMs(db: Db, key: string, rule: ThrottleRule, now = Date.now()): number {
  const bucket = db.select().from(throttleBuckets).where(eq(throttleBuckets.key, key)).get();
  if (!bucket || now - bucket.windowStart >= rule.windowMs) return 0;
  return bucket.count >= rule.limit ? bucket.windowStart + rule.windowMs - now : 0;
}

/** Counts one more hit in a fixed window; a window that has passed starts again at one. */
export function recordHit(db: Db, key: string, rule: ThrottleRule, now = Date.now()): void {
  const windowStart = now - rule.windowMs;
  db.insert(throttleBuckets)
    .values({ key, count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: throttleBuckets.key,
      set: {
        count: sql`case when ${throttleBuckets.windowStart} <= ${windowStart} then 1 else ${throttleBuckets.count} + 1 end`,
        windowStart: sql`case when ${throttleBuckets.windowStart} <= ${windowStart} then ${now} else ${throttleBuckets.windowStart} end`,
      },
    })
    .run();
}

export function clearHits(db: Db, key: string): void {
  db.delete(throttleBuckets).where(eq(throttleBuckets.key, key)).run();
}

/** A general limiter for routes (receipt lookups, "check now"): true when this hit is allowed. */
export function allowHit(db: Db, key: string, rule: ThrottleRule, now = Date.now()): boolean {
  if (retryAfterMs(db, key, rule, now) > 0) return false;
  recordHit(db, key, rule, now);
  return true;
}
