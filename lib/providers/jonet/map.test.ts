import { describe, expect, it } from 'vitest';
import { JONET_CODES, JONET_STATUS_WORDS, mapJonetPlans, mapJonetPurchase, mapJonetRequery } from './map';

// Expected normalisation, written out independently of map.ts (providers.md §1.5).
const PURCHASE: Record<string, string> = {
  '200': 'SUCCESS', '201': 'PENDING', '202': 'PENDING', '203': 'PENDING', '002': 'FAILED',
  '101': 'FAILED', '102': 'FAILED', '103': 'FAILED', '104': 'FAILED', '105': 'FAILED', '106': 'FAILED', '107': 'FAILED',
  '108': 'FAILED', '109': 'FAILED', JO101: 'FAILED', JO102: 'FAILED', JO103: 'FAILED', JO104: 'FAILED', JO105: 'PENDING',
  JO106: 'FAILED', JO107: 'FAILED', JO109: 'FAILED', JO110: 'NOT_FOUND', JO119: 'PENDING',
};
const REQUERY: Record<string, string> = {
  '200': 'SUCCESS', '201': 'PENDING', '202': 'PENDING', '203': 'PENDING', JO106: 'FAILED', JO107: 'FAILED',
  JO110: 'NOT_FOUND', JO119: 'PENDING', JO105: 'UNKNOWN', '102': 'UNKNOWN', '105': 'UNKNOWN', '002': 'UNKNOWN', XYZ: 'UNKNOWN',
};

describe('JoNet code table', () => {
  it('covers exactly the documented codes', () => {
    expect(Object.keys(JONET_CODES).sort()).toEqual(Object.keys(PURCHASE).sort());
  });

  it.each(Object.entries(PURCHASE))('purchase answer %s -> %s', (code, status) => {
    const r = mapJonetPurchase({ responseCode: code, message: 'm' }, []);
    expect(r.status).toBe(status);
    expect(r.providerCode).toBe(code);
    expect(r.duplicate ?? false).toBe(code === 'JO105');
  });

  it('treats an unlisted code as failure, as the docs say', () => {
    expect(mapJonetPurchase({ responseCode: '999' }, []).status).toBe('FAILED');
  });

  it.each(Object.entries(REQUERY))('requery answer %s -> %s (codes about the query itself are UNKNOWN)', (code, status) => {
    expect(mapJonetRequery({ responseCode: code }, []).status).toBe(status);
  });

  it('reads the status word a 200 requery carries', () => {
    expect(mapJonetRequery({ responseCode: '200', status: 'Reversed' }, []).status).toBe('REVERSED');
    expect(mapJonetRequery({ responseCode: '200', status: 'Refunded' }, []).status).toBe('REVERSED');
    expect(mapJonetRequery({ responseCode: '200', status: 'Processing' }, []).status).toBe('PENDING');
    expect(JONET_STATUS_WORDS.processing).toBe('PENDING'); // a public client maps it to success: wrong
  });
});

describe('JoNet plans', () => {
  it('maps plans, keeps only AVAILABLE ones and converts naira strings exactly', () => {
    const items = mapJonetPlans([
      { code: 'M1', network: 'MTN', name: 'MTN 1GB - 30 days', price: '1000', status: 'AVAILABLE' },
      { code: 'M2', network: 'mtn', name: 'MTN 2GB - 30 days', price: 1200.5 },
      { code: 'G1', network: 'GLO', name: 'GLO 1GB', price: '500', status: 'DISABLED' },
      { code: 'X', network: 'SMILE', name: 'Smile 1GB', price: '500' },
      { nonsense: true },
    ]);
    expect(items.map((i) => [i.planCode, i.network, i.priceMinor, i.dataMb, i.validityDays])).toEqual([
      ['M1', 'MTN', 100000, 1024, 30],
      ['M2', 'MTN', 120050, 2048, 30],
    ]);
  });
});
