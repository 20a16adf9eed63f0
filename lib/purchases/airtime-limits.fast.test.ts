// The airtime amount rule, fast (no database): a product's own limits when its provider gives them, the
// portal's (₦50 to ₦50,000) when it gives none; the refusal names the range the product may be sold in.
import { describe, expect, it } from 'vitest';
import { AIRTIME_LIMITS, airtimeRange, checkAirtimeAmount } from './airtime-limits';

describe('the amounts an airtime product may be sold for', () => {
  it('are the portal’s when the product has no limits of its own, or no product is given', () => {
    expect(AIRTIME_LIMITS).toEqual({ minMinor: 5_000, maxMinor: 5_000_000 });
    expect(airtimeRange()).toEqual({ minMinor: 5_000, maxMinor: 5_000_000 });
    expect(airtimeRange({ minMinor: null, maxMinor: null })).toEqual({
      minMinor: 5_000,
      maxMinor: 5_000_000,
    });
  });

  it('are the product’s own when its provider gives them, each bound on its own', () => {
    expect(airtimeRange({ minMinor: 10_000, maxMinor: 2_000_000 })).toEqual({
      minMinor: 10_000,
      maxMinor: 2_000_000,
    });
    expect(airtimeRange({ minMinor: 10_000, maxMinor: null })).toEqual({
      minMinor: 10_000,
      maxMinor: 5_000_000,
    });
    expect(airtimeRange({ minMinor: null, maxMinor: 2_000_000 })).toEqual({
      minMinor: 5_000,
      maxMinor: 2_000_000,
    });
  });

  it('a sale outside the product’s own range is refused in the words of that range', () => {
    const product = { minMinor: 10_000, maxMinor: 2_000_000, currency: 'NGN' as const };
    expect(checkAirtimeAmount(product, 10_000)).toEqual({ ok: true, amountMinor: 10_000 });
    expect(checkAirtimeAmount(product, 2_000_000)).toEqual({ ok: true, amountMinor: 2_000_000 });
    // Inside the portal's range, outside the product's: refused.
    for (const amount of [5_000, 2_000_100]) {
      const r = checkAirtimeAmount(product, amount);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.wanted).toBe('a whole amount from ₦100.00 to ₦20,000.00');
    }
  });
});
