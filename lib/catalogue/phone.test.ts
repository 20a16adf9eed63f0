import { describe, expect, it } from 'vitest';
import {
  detectNigerianNetwork,
  formatNigerianNumber,
  normaliseIndianNumber,
  normaliseNigerianNumber,
} from './phone';

describe('Nigerian numbers', () => {
  it('accepts the ways people type a number', () => {
    for (const input of [
      '08031234567',
      '0803 123 4567',
      '+2348031234567',
      '2348031234567',
      '+234 803 123 4567',
      '8031234567',
    ]) {
      expect(normaliseNigerianNumber(input)).toBe('08031234567');
    }
  });

  it('refuses what is not a Nigerian mobile', () => {
    for (const input of [
      '',
      '0803123456',
      '080312345678',
      '06031234567',
      'abc',
      '+44 7911 123456',
      "0803'; drop",
    ]) {
      expect(normaliseNigerianNumber(input)).toBeNull();
    }
  });

  it('detects the network, longest prefix first', () => {
    expect(detectNigerianNetwork('08031234567')).toBe('MTN');
    expect(detectNigerianNetwork('08051234567')).toBe('GLO');
    expect(detectNigerianNetwork('08021234567')).toBe('AIRTEL');
    expect(detectNigerianNetwork('09091234567')).toBe('9MOBILE');
    expect(detectNigerianNetwork('07025123456')).toBe('MTN'); // 5-digit rule
    expect(detectNigerianNetwork('07020123456')).toBeNull(); // Smile: not a VTU network
    expect(detectNigerianNetwork('08041234567')).toBeNull(); // Ntel
  });

  it('formats for reading back to the customer', () => {
    expect(formatNigerianNumber('08031234567')).toBe('0803 123 4567');
  });
});

describe('Indian numbers', () => {
  it('accepts 10 digits starting 6–9, with or without +91', () => {
    expect(normaliseIndianNumber('98765 43210')).toBe('9876543210');
    expect(normaliseIndianNumber('+91 98765 43210')).toBe('9876543210');
    expect(normaliseIndianNumber('09876543210')).toBe('9876543210');
  });

  it('refuses anything else', () => {
    for (const input of ['5876543210', '987654321', '98765432101', 'x9876543210'])
      expect(normaliseIndianNumber(input)).toBeNull();
  });
});

describe('every prefix in the numbering table', () => {
  // docs/numbering.md#nigeria, the prefix table.
  const TABLE: Record<string, string[]> = {
    MTN: [
      '0703',
      '0704',
      '0706',
      '0707',
      '07025',
      '07026',
      '0803',
      '0806',
      '0810',
      '0813',
      '0814',
      '0816',
      '0903',
      '0906',
      '0913',
      '0916',
    ],
    AIRTEL: [
      '0701',
      '0708',
      '0802',
      '0808',
      '0812',
      '0901',
      '0902',
      '0904',
      '0907',
      '0911',
      '0912',
    ],
    GLO: ['0705', '0805', '0807', '0811', '0815', '0905', '0915'],
    '9MOBILE': ['0809', '0817', '0818', '0908', '0909'],
  };
  for (const [network, prefixes] of Object.entries(TABLE)) {
    for (const prefix of prefixes) {
      it(`${prefix} is ${network}, typed any way`, () => {
        const national = prefix.padEnd(11, '7');
        expect(detectNigerianNetwork(national)).toBe(network);
        expect(normaliseNigerianNumber(`+234 ${national.slice(1)}`)).toBe(national);
      });
    }
  }
});
