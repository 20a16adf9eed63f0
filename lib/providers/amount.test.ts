import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalToMinor, minorToDecimalString, minorToMajorNumber, minorToWholeMajor } from './amount';

describe('decimalToMinor', () => {
  it('parses provider decimals exactly', () => {
    expect(decimalToMinor('1234.50')).toBe(123450);
    expect(decimalToMinor('100.00')).toBe(10000);
    expect(decimalToMinor('100')).toBe(10000);
    expect(decimalToMinor('0.07')).toBe(7);
    expect(decimalToMinor('15230.5')).toBe(1523050);
    expect(decimalToMinor(19.3)).toBe(1930);
    expect(decimalToMinor(12345.5)).toBe(1234550);
    expect(decimalToMinor(0.1 + 0.2)).toBeUndefined(); // 0.30000000000000004 is not a 2-decimal amount
    expect(decimalToMinor('1.230')).toBe(123);
  });

  it('refuses what is not a plain 2-decimal amount', () => {
    for (const bad of ['', 'abc', '1,000', '1.234', '1e3', 'NaN', '12.']) expect(decimalToMinor(bad)).toBeUndefined();
    expect(decimalToMinor(Number.NaN)).toBeUndefined();
    expect(decimalToMinor(1e21)).toBeUndefined();
  });
});

describe('minor -> provider units', () => {
  it('formats JoNet strings, VTpass/RK numbers and CWG whole naira', () => {
    expect(minorToDecimalString(10000)).toBe('100');
    expect(minorToDecimalString(10050)).toBe('100.50');
    expect(minorToDecimalString(7)).toBe('0.07');
    expect(minorToMajorNumber(10050)).toBe(100.5);
    expect(minorToWholeMajor(100000)).toBe(1000);
    expect(minorToWholeMajor(100050)).toBeUndefined();
    expect(() => minorToDecimalString(1.5)).toThrow(RangeError);
  });

  it('round-trips every amount exactly (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (m) => decimalToMinor(minorToDecimalString(m)) === m && decimalToMinor(minorToMajorNumber(m)) === m));
  });
});
