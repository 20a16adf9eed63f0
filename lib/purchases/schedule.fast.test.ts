// The requery schedule from the providers' rules: 30 s, 1, 2, 5, 10 and 30 minutes, then hourly up to
// 24 hours, then the budget is spent; JoNet asks not to be polled within its first minute.
import { describe, expect, it } from 'vitest';
import { nextRequeryDelay } from './schedule';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('the requery schedule', () => {
  it('backs off 30 s, 1, 2, 5, 10, 30 min, then hourly until the 24 h budget is spent', () => {
    const delays: number[] = [];
    for (let tries = 0; nextRequeryDelay('vtpass', tries) !== null && tries < 100; tries += 1)
      delays.push(nextRequeryDelay('vtpass', tries)!);
    expect(delays.slice(0, 7)).toEqual([
      30 * SECOND,
      MINUTE,
      2 * MINUTE,
      5 * MINUTE,
      10 * MINUTE,
      30 * MINUTE,
      HOUR,
    ]);
    expect(delays.slice(6).every((d) => d === HOUR)).toBe(true);
    // The last requery is asked within a day of the sale.
    const total = delays.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(22 * HOUR);
    expect(total).toBeLessThanOrEqual(24 * HOUR);
    expect(nextRequeryDelay('vtpass', delays.length)).toBeNull();
  });

  it("JoNet's first requery waits a full minute; its later ones follow the common schedule", () => {
    expect(nextRequeryDelay('jonet', 0)).toBe(MINUTE);
    expect(nextRequeryDelay('jonet', 1)).toBe(MINUTE);
    expect(nextRequeryDelay('jonet', 2)).toBe(2 * MINUTE);
    for (const provider of ['vtpass', 'cwg', 'rechargekit', 'unknown'])
      expect(nextRequeryDelay(provider, 0)).toBe(30 * SECOND);
  });
});
