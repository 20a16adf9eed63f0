import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createReferenceGenerator,
  isValidLagosReference,
  lagosStamp,
  parseLagosStamp,
} from './reference';

const fixedRandom = (byte: number) => ({
  getRandomValues: <T extends ArrayBufferView | null>(a: T) => (
    a instanceof Uint8Array && a.fill(byte),
    a
  ),
});

describe('lagosStamp', () => {
  it('is already the next Lagos day at 23:30 UTC', () => {
    expect(lagosStamp(new Date('2025-01-15T23:30:00Z'))).toBe('202501160030');
  });

  it('rolls the year over at 23:00 UTC on 31 December', () => {
    expect(lagosStamp(new Date('2024-12-31T23:00:00Z'))).toBe('202501010000');
    expect(lagosStamp(new Date('2024-12-31T22:59:59Z'))).toBe('202412312359');
  });

  it('ignores the host time zone (UTC+1 all year, no DST)', () => {
    expect(lagosStamp(new Date('2025-07-01T11:05:00Z'))).toBe('202507011205');
    expect(lagosStamp(new Date('2025-03-30T01:30:00Z'))).toBe('202503300230');
  });
});

describe('createReferenceGenerator', () => {
  it('makes 20 alphanumeric chars: Lagos YYYYMMDDHHmm + 8 base36', () => {
    const gen = createReferenceGenerator(() => new Date('2025-01-15T23:30:12Z'));
    const ref = gen();
    expect(ref).toMatch(/^202501160030[0-9a-z]{8}$/);
    expect(ref).toHaveLength(20);
  });

  it('takes its randomness from the injected source, rejecting biased bytes', () => {
    expect(
      createReferenceGenerator(() => new Date('2025-01-15T10:00:00Z'), fixedRandom(37))(),
    ).toBe('202501151100' + '11111111');
    // 255 >= 252 would bias towards low digits; a source that only yields 255 then 0 must still finish with '0's.
    let calls = 0;
    const mixed = {
      getRandomValues: <T extends ArrayBufferView | null>(a: T) => (
        a instanceof Uint8Array && a.fill(calls++ === 0 ? 255 : 0),
        a
      ),
    };
    expect(
      createReferenceGenerator(() => new Date('2025-01-15T10:00:00Z'), mixed)().slice(12),
    ).toBe('00000000');
  });

  it('gives JoNet an all-digit customer_id (its document allows only a numeric string after the stamp), others base36', () => {
    const gen = createReferenceGenerator(() => new Date('2025-01-15T23:30:12Z'));
    for (let i = 0; i < 200; i++) expect(gen('jonet')).toMatch(/^202501160030\d{8}$/);
    expect(
      createReferenceGenerator(() => new Date('2025-01-15T10:00:00Z'), fixedRandom(37))('jonet'),
    ).toBe('202501151100' + '77777777');
    expect(
      createReferenceGenerator(() => new Date('2025-01-15T10:00:00Z'), fixedRandom(37))('vtpass'),
    ).toBe('202501151100' + '11111111');
  });

  it('never repeats in 5,000 JoNet draws either', () => {
    const gen = createReferenceGenerator();
    expect(new Set(Array.from({ length: 5000 }, () => gen('jonet'))).size).toBe(5000);
  });

  it('never repeats in 5,000 draws from the real crypto source', () => {
    const gen = createReferenceGenerator();
    expect(new Set(Array.from({ length: 5000 }, gen)).size).toBe(5000);
  });

  it('always produces a reference the providers accept at that moment (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const ref = createReferenceGenerator(() => d)();
          return /^[0-9a-z]{20}$/.test(ref) && isValidLagosReference(ref, d, 0);
        },
      ),
    );
  });
});

describe('isValidLagosReference', () => {
  const now = new Date('2025-01-15T23:30:40Z'); // Lagos 2025-01-16 00:30

  it('accepts the current Lagos minute and a stamp within tolerance', () => {
    expect(isValidLagosReference('202501160030abcdefgh', now, 5)).toBe(true);
    expect(isValidLagosReference('202501160026abcdefgh', now, 5)).toBe(true);
    expect(isValidLagosReference('202501160035', now, 5)).toBe(true);
  });

  it('rejects a UTC-stamped reference (one hour behind Lagos), the PHP date() pitfall', () => {
    expect(isValidLagosReference('202501152330abcdefgh', now, 5)).toBe(false);
  });

  it('rejects stale, future, non-numeric, short and impossible stamps', () => {
    expect(isValidLagosReference('202501160024abcdefgh', now, 5)).toBe(false);
    expect(isValidLagosReference('202501160037abcdefgh', now, 5)).toBe(false);
    expect(isValidLagosReference('2025011600x0abcdefgh', now, 5)).toBe(false);
    expect(isValidLagosReference('20250116003', now, 5)).toBe(false);
    expect(parseLagosStamp('202502310030')).toBeUndefined();
    expect(parseLagosStamp('202501162400')).toBeUndefined();
  });
});
