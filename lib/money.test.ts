import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimalString, parseMajorToMinor, shareOf } from './money';

describe('money', () => {
  it('parses what people type into minor units', () => {
    expect(parseMajorToMinor('1,250.5')).toBe(125050);
    expect(parseMajorToMinor('₦500')).toBe(50000);
    expect(parseMajorToMinor(' 0.07 ')).toBe(7);
  });

  it('refuses amounts that are not plain decimals', () => {
    for (const bad of ['', '-5', '1.234', '1e3', 'abc', '12.3.4']) expect(parseMajorToMinor(bad)).toBeNull();
  });

  it('formats with the currency symbol and two decimals', () => {
    expect(formatMoney(125050, 'NGN')).toBe('₦1,250.50');
    expect(formatMoney(7, 'INR')).toBe('₹0.07');
    expect(formatMoney(-32000, 'NGN')).toBe('-₦320.00');
    expect(minorToDecimalString(125005)).toBe('1250.05');
  });

  it('rounds commission shares down', () => {
    expect(shareOf(999, 300)).toBe(29);
  });
});
