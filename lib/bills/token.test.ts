import { describe, expect, it } from 'vitest';
import { extractToken, formatToken } from './token';

describe('formatToken', () => {
  it('groups a 20-digit token in fours, as printed on vouchers', () => {
    expect(formatToken('26362054405982757802')).toBe('2636 2054 4059 8275 7802');
  });

  it('regroups a token given with other spacing or dashes', () => {
    expect(formatToken('2636-2054 40598275 7802')).toBe('2636 2054 4059 8275 7802');
  });

  it('leaves a voucher of letters and digits as it is', () => {
    expect(formatToken('SHMVHXQ9L3RXGPU')).toBe('SHMVHXQ9L3RXGPU');
  });
});

describe('extractToken', () => {
  it('strips the "Token :" prefix and ignores a bonus token after the main one', () => {
    expect(extractToken('Token : 26362054405982757802')).toBe('26362054405982757802');
    expect(extractToken('Token : 42167939781206619049 Bonus Token : 62881559799402440206')).toBe(
      '42167939781206619049',
    );
  });

  it('finds nothing in an empty, "N/A" or too-short value', () => {
    for (const value of ['', 'N/A', 'Token : 1234', null, undefined])
      expect(extractToken(value)).toBeNull();
  });
});
