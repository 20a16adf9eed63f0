import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { throttleBuckets } from '@/db/schema';
import { first, one } from '@/db/query';

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

export const LOGIN_RULES = {
  account: { limit: 5, windowMs: 15 * 60_000 },
  ip: { limit: 20, windowMs: 15 * 60_000 },
} satisfies Record<string, ThrottleRule>;

/** Milliseconds until the key may try again, or 0 when it may try now. Cheap: one indexed read. */
export async function retryAfterMs(
  db: Db,
  key: string,
  rule: ThrottleRule,
  now = Date.now(),
): Promise<number> {
  const bucket = await first(db.select().from(throttleBuckets).where(eq(throttleBuckets.key, key)));
  if (!bucket || now - bucket.windowStart >= rule.windowMs) return 0;
  return bucket.count >= rule.limit ? bucket.windowStart + rule.windowMs - now : 0;
}

/** Counts one more hit in a fixed window; a window that has passed starts again at one. */
export async function recordHit(
  db: Db,
  key: string,
  rule: ThrottleRule,
  now = Date.now(),
): Promise<void> {
  await countHit(db, key, rule, now);
}

/**
 * Counts this attempt first and then says whether it may go ahead: milliseconds to wait, or 0 when
 * it is within the limit. One statement counts and reads back, so attempts arriving together each
 * see their own count and a burst cannot all pass a check made before any of them was counted.
 */
export async function takeHit(
  db: Db,
  key: string,
  rule: ThrottleRule,
  now = Date.now(),
): Promise<number> {
  const bucket = await countHit(db, key, rule, now);
  return bucket.count > rule.limit ? bucket.windowStart + rule.windowMs - now : 0;
}

/** The upsert behind recordHit and takeHit: the bucket as this hit left it. */
async function countHit(db: Db, key: string, rule: ThrottleRule, now: number) {
  const windowStart = now - rule.windowMs;
  return await one(
    db
      .insert(throttleBuckets)
      .values({ key, count: 1, windowStart: now })
      .onConflictDoUpdate({
        target: throttleBuckets.key,
        set: {
          count: sql`case when ${throttleBuckets.windowStart} <= ${windowStart} then 1 else ${throttleBuckets.count} + 1 end`,
          windowStart: sql`case when ${throttleBuckets.windowStart} <= ${windowStart} then ${now} else ${throttleBuckets.windowStart} end`,
        },
      })
      .returning({ count: throttleBuckets.count, windowStart: throttleBuckets.windowStart }),
  );
}

/** Takes back one counted hit (an attempt that turned out not to count). */
export async function releaseHit(db: Db, key: string): Promise<void> {
  await db
    .update(throttleBuckets)
    .set({
      count: sql`case when ${throttleBuckets.count} > 0 then ${throttleBuckets.count} - 1 else 0 end`,
    })
    .where(eq(throttleBuckets.key, key));
}

export async function clearHits(db: Db, key: string): Promise<void> {
  await db.delete(throttleBuckets).where(eq(throttleBuckets.key, key));
}

/** A general limiter for routes (receipt lookups, "check now"): true when this hit is allowed. */
export async function allowHit(
  db: Db,
  key: string,
  rule: ThrottleRule,
  now = Date.now(),
): Promise<boolean> {
  return (await takeHit(db, key, rule, now)) === 0;
}
