import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  costAtBps,
  formatMoney,
  isWholeAmountWithin,
  minorOrUndefined,
  minorToDecimal2,
  minorToMajorNumber,
  minorToWholeOrDecimal2,
  minorToWholeUnits,
  parseDecimalToMinor,
  parseTypedAmount,
  shareOf,
  type MinorParse,
} from './money';

const minor = (p: MinorParse) => (p.ok ? p.minor : `refused: ${p.refusal}`);
const refused = (p: MinorParse) => !p.ok;

describe('parseDecimalToMinor (the one parser)', () => {
  it('parses provider decimals, as text or JSON numbers, exactly', () => {
    expect(minor(parseDecimalToMinor('1234.50'))).toBe(123450);
    expect(minor(parseDecimalToMinor('100.00'))).toBe(10000);
    expect(minor(parseDecimalToMinor('100'))).toBe(10000);
    expect(minor(parseDecimalToMinor('0.07'))).toBe(7);
    expect(minor(parseDecimalToMinor('0'))).toBe(0);
    expect(minor(parseDecimalToMinor(' 15230.5 '))).toBe(1523050);
    expect(minor(parseDecimalToMinor('1.230'))).toBe(123); // a trailing zero is not a third decimal
    expect(minor(parseDecimalToMinor(19.3))).toBe(1930);
    expect(minor(parseDecimalToMinor(12345.5))).toBe(1234550);
  });

  it('refuses what is not a plain non-negative 2-decimal amount, and says why', () => {
    for (const bad of [
      '',
      ' ',
      'abc',
      '1,000',
      '₦500',
      '1.234',
      '1e3',
      'NaN',
      '12.',
      '.5',
      '+5',
      '1.2.3',
      '0x10',
    ]) {
      expect(refused(parseDecimalToMinor(bad)), bad).toBe(true);
    }
    expect(parseDecimalToMinor('1.234')).toEqual({
      ok: false,
      refusal: 'more than two decimal places',
    });
    expect(refused(parseDecimalToMinor(0.1 + 0.2))).toBe(true); // 0.30000000000000004 is not a 2-decimal amount
    expect(refused(parseDecimalToMinor(Number.NaN))).toBe(true);
    expect(refused(parseDecimalToMinor(Number.POSITIVE_INFINITY))).toBe(true);
    expect(refused(parseDecimalToMinor(1e21))).toBe(true); // prints as "1e+21"
  });

  it('refuses negative amounts', () => {
    expect(parseDecimalToMinor('-5')).toEqual({ ok: false, refusal: 'a negative amount' });
    expect(refused(parseDecimalToMinor('-0.01'))).toBe(true);
    expect(refused(parseDecimalToMinor(-19.3))).toBe(true);
  });

  it('refuses the first amount past the largest safe integer of minor units, and takes the last one inside', () => {
    // Number.MAX_SAFE_INTEGER is 9007199254740991 minor units = 90071992547409.91 major.
    expect(minor(parseDecimalToMinor('90071992547409.91'))).toBe(9007199254740991);
    expect(parseDecimalToMinor('90071992547409.92')).toEqual({
      ok: false,
      refusal: 'too large an amount',
    });
    expect(refused(parseDecimalToMinor('99999999999999999999'))).toBe(true);
  });

  it('gives undefined for a refusal where a provider answer is read', () => {
    expect(minorOrUndefined(parseDecimalToMinor('12.50'))).toBe(1250);
    expect(minorOrUndefined(parseDecimalToMinor('12,50'))).toBeUndefined();
  });
});

describe('parseTypedAmount (what people type, through the same parser)', () => {
  it('drops the currency symbol, spaces and grouping commas', () => {
    expect(minor(parseTypedAmount('1,250.5'))).toBe(125050);
    expect(minor(parseTypedAmount('₦500'))).toBe(50000);
    expect(minor(parseTypedAmount('₹ 1 000'))).toBe(100000);
    expect(minor(parseTypedAmount(' 0.07 '))).toBe(7);
  });

  it('refuses what the parser refuses', () => {
    for (const bad of ['', '-5', '1.234', '1e3', 'abc', '12.3.4', '₦'])
      expect(refused(parseTypedAmount(bad)), bad).toBe(true);
  });
});

describe('minor units to text and numbers', () => {
  it('formats for people with the symbol, grouping and two decimals', () => {
    expect(formatMoney(125050, 'NGN')).toBe('₦1,250.50');
    expect(formatMoney(7, 'INR')).toBe('₹0.07');
    expect(formatMoney(0, 'NGN')).toBe('₦0.00');
    expect(formatMoney(-32000, 'NGN')).toBe('-₦320.00');
    expect(formatMoney(123456789012, 'NGN')).toBe('₦1,234,567,890.12');
  });

  it('always writes two decimals for CSV and forms', () => {
    expect(minorToDecimal2(100000)).toBe('1000.00');
    expect(minorToDecimal2(125005)).toBe('1250.05');
    expect(minorToDecimal2(7)).toBe('0.07');
    expect(minorToDecimal2(0)).toBe('0.00');
    expect(minorToDecimal2(-150)).toBe('-1.50');
  });

  it('drops ".00" only when the amount is whole (JoNet)', () => {
    expect(minorToWholeOrDecimal2(100000)).toBe('1000');
    expect(minorToWholeOrDecimal2(10050)).toBe('100.50');
    expect(minorToWholeOrDecimal2(10005)).toBe('100.05');
    expect(minorToWholeOrDecimal2(7)).toBe('0.07');
    expect(minorToWholeOrDecimal2(-100)).toBe('-1');
  });

  it('gives a JSON number of major units (VTpass, RechargeKit)', () => {
    expect(minorToMajorNumber(10050)).toBe(100.5);
    expect(minorToMajorNumber(100000)).toBe(1000);
    expect(minorToMajorNumber(1)).toBe(0.01);
  });

  it('gives whole units only when there are no cents (CWG)', () => {
    expect(minorToWholeUnits(100000)).toBe(1000);
    expect(minorToWholeUnits(100050)).toBeUndefined();
    expect(minorToWholeUnits(99)).toBeUndefined();
  });

  it('throws on an amount that is not a safe integer of minor units', () => {
    for (const bad of [1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => minorToDecimal2(bad)).toThrow(RangeError);
      expect(() => minorToWholeOrDecimal2(bad)).toThrow(RangeError);
      expect(() => minorToWholeUnits(bad)).toThrow(RangeError);
      expect(() => formatMoney(bad, 'NGN')).toThrow(RangeError);
    }
  });

  it('round-trips every amount exactly through each wire format (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        (m) =>
          minor(parseDecimalToMinor(minorToDecimal2(m))) === m &&
          minor(parseDecimalToMinor(minorToWholeOrDecimal2(m))) === m,
      ),
    );
    // A JSON number is exact only while major units × 100 stay well inside 2^53.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 13 }),
        (m) => minor(parseDecimalToMinor(minorToMajorNumber(m))) === m,
      ),
    );
  });
});

describe('shares in basis points round down', () => {
  it('rounds the commission down (toward zero): we never promise more than we hold', () => {
    expect(shareOf(999, 300)).toBe(29); // 29.97 → 29
    expect(shareOf(10_000, 300)).toBe(300); // exact
    expect(shareOf(33, 1)).toBe(0); // 0.0033 → 0
    expect(shareOf(0, 300)).toBe(0);
    expect(shareOf(10_000, 0)).toBe(0);
  });

  it('rounds the provider cost down but never below one minor unit', () => {
    expect(costAtBps(100_000, 9_500)).toBe(95_000);
    expect(costAtBps(999, 9_550)).toBe(954); // 954.045 → 954
    expect(costAtBps(1, 9_500)).toBe(1); // 0.95 → 0, raised to the one-unit floor
    expect(costAtBps(10_001, 9_999)).toBe(9_999); // 9999.9999 → 9999
  });

  it('stays exact next to the safe-integer limit', () => {
    // 90,071,992,547 × 99,999 = 9,007,109,182,707,453 → / 10,000 = 900,710,918,270.7453 → 900,710,918,270.
    expect(shareOf(90_071_992_547, 99_999)).toBe(900_710_918_270);
    // 900,719,925,473 × 9,999 = 9,006,298,534,804,527 → 900,629,853,480.4527 → 900,629,853,480.
    expect(costAtBps(900_719_925_473, 9_999)).toBe(900_629_853_480);
  });

  it('refuses a negative amount, bad basis points and an overflowing product', () => {
    expect(() => shareOf(-100, 300)).toThrow(RangeError);
    expect(() => costAtBps(-100, 9_500)).toThrow(RangeError);
    expect(() => shareOf(100, -1)).toThrow(RangeError);
    expect(() => shareOf(100, 1.5)).toThrow(RangeError);
    expect(() => shareOf(1.5, 100)).toThrow(RangeError);
    expect(() => shareOf(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
  });
});

describe('isWholeAmountWithin: whole major units inside a range', () => {
  const range = { minMinor: 5_000, maxMinor: 20_000 };
  it('takes both ends and whole amounts between them', () => {
    expect(isWholeAmountWithin(5_000, range)).toBe(true);
    expect(isWholeAmountWithin(12_300, range)).toBe(true);
    expect(isWholeAmountWithin(20_000, range)).toBe(true);
  });
  it('refuses kobo, amounts outside the range and a missing amount', () => {
    expect(isWholeAmountWithin(12_350, range)).toBe(false);
    expect(isWholeAmountWithin(4_900, range)).toBe(false);
    expect(isWholeAmountWithin(20_100, range)).toBe(false);
    expect(isWholeAmountWithin(undefined, range)).toBe(false);
    expect(isWholeAmountWithin(null, range)).toBe(false);
  });
});
