// Two small rules the sale pages rely on: a pending sale is polled quickly at first, then less often,
// never more than every 30 s; a sale form's key is fresh each time and is one the sale input accepts.
import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './idempotency-key';
import { saleInputSchema } from './sale-input';
import { pendingPollDelay } from './status';

describe('polling a pending sale', () => {
  it('starts at 2 s, grows by half each time, and stays at 30 s', () => {
    expect([0, 1, 2, 3].map(pendingPollDelay)).toEqual([2_000, 3_000, 4_500, 6_750]);
    expect(pendingPollDelay(6)).toBeCloseTo(22_781.25);
    expect([7, 8, 20].map(pendingPollDelay)).toEqual([30_000, 30_000, 30_000]);
  });
});

describe('a sale form’s key', () => {
  it('is 36 hexadecimal characters the sale input accepts, and never the same twice', () => {
    const keys = Array.from({ length: 50 }, newIdempotencyKey);
    for (const key of keys) {
      expect(key).toMatch(/^[0-9a-f]{36}$/);
      const parsed = saleInputSchema.safeParse({
        idempotencyKey: key,
        productId: 1,
        phone: '08031234500',
        network: 'MTN',
      });
      expect(parsed.success).toBe(true);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });
});
