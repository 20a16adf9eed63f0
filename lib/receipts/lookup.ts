import type { Db } from '@/db';
import { allowHit, recordHit, retryAfterMs, type ThrottleRule } from '@/lib/auth/throttle';
import { getPublicReceipt, type PublicReceipt } from './queries';

/**
 * Misses are what guessing looks like, so they are counted strictly per IP; every lookup (including
 * a customer's page polling a pending sale) is also counted, generously, to bound the load.
 */
export const RECEIPT_RULES = {
  misses: { limit: 20, windowMs: 10 * 60_000 },
  lookups: { limit: 600, windowMs: 10 * 60_000 },
} satisfies Record<string, ThrottleRule>;

export type ReceiptLookup =
  | { ok: true; receipt: PublicReceipt }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

export async function lookupReceipt(
  db: Db,
  token: string,
  ip: string,
  now = Date.now(),
): Promise<ReceiptLookup> {
  const missKey = `receipt-miss:${ip}`;
  const wait = await retryAfterMs(db, missKey, RECEIPT_RULES.misses, now);
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };
  const lookupKey = `receipt:${ip}`;
  if (!(await allowHit(db, lookupKey, RECEIPT_RULES.lookups, now))) {
    return {
      ok: false,
      reason: 'throttled',
      retryAfterMs: await retryAfterMs(db, lookupKey, RECEIPT_RULES.lookups, now),
    };
  }
  const receipt = await getPublicReceipt(db, token);
  if (!receipt) {
    await recordHit(db, missKey, RECEIPT_RULES.misses, now);
    return { ok: false, reason: 'not_found' };
  }
  return { ok: true, receipt };
}
