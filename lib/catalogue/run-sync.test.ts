import { describe, expect, it } from 'vitest';
import { contractCostBps } from './run-sync';

describe("a provider's costBps option", () => {
  it('falls back to the demo contract when unset', () => {
    expect(contractCostBps('jonet', undefined)).toBe(9_500);
    expect(contractCostBps('vtpass', ' ')).toBe(9_550);
    expect(contractCostBps('unknown', undefined)).toBe(10_000);
  });

  it('takes whole basis points from 1 to 10000', () => {
    expect(contractCostBps('jonet', '9400')).toBe(9_400);
    expect(contractCostBps('jonet', '1')).toBe(1);
    expect(contractCostBps('jonet', '10000')).toBe(10_000);
  });

  it('refuses anything the cost rounding cannot take, instead of failing each sale later', () => {
    for (const bad of ['9500.5', '0', '-1', '10001', '95%', 'abc']) {
      expect(() => contractCostBps('jonet', bad), bad).toThrow(
        /whole basis points from 1 to 10000/,
      );
    }
  });
});
