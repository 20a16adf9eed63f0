import { describe, expect, it } from 'vitest';
import { decisionOf, type Decision } from '../decision';
import {
  JONET_CODES,
  JONET_STATUS_WORDS,
  mapJonetPlans,
  mapJonetPurchase,
  mapJonetRequery,
} from './map';

// Expected decision per code, written out independently of map.ts from docs/providers/jonet.md#codes and #pitfalls.
const PURCHASE: Record<string, Decision> = {
  '200': 'success',
  '201': 'pending',
  '202': 'pending',
  '203': 'pending',
  // Refused before processing (not charged, auth, method, TLS, key, pause, validation): another provider may take it.
  '002': 'failover',
  '101': 'failover',
  '102': 'failover',
  '103': 'failover',
  '104': 'failover',
  '106': 'failover',
  '107': 'failover',
  JO101: 'failover',
  JO102: 'failover',
  JO103: 'failover',
  JO104: 'failover',
  // "Unable to process, try again": requery the old customer_id first; only JO110 lets it go elsewhere (jonet.md#pitfalls).
  '105': 'failover-after-confirm',
  '108': 'failover-after-confirm',
  '109': 'failover-after-confirm',
  JO105: 'duplicate',
  JO106: 'refund',
  JO107: 'refund',
  JO109: 'refund-after-confirm',
  JO110: 'not-found',
  JO119: 'pending',
};
const REQUERY: Record<string, Decision> = {
  '200': 'pending',
  '201': 'pending',
  '202': 'pending',
  '203': 'pending',
  JO106: 'refund',
  JO107: 'refund',
  JO110: 'not-found',
  JO119: 'pending',
  JO105: 'pending',
  '102': 'pending',
  '105': 'pending',
  '002': 'pending',
  XYZ: 'pending',
};

describe('JoNet code table', () => {
  it('covers exactly the documented codes', () => {
    expect(Object.keys(JONET_CODES).sort()).toEqual(Object.keys(PURCHASE).sort());
  });

  it.each(Object.entries(PURCHASE))('purchase answer %s -> %s', (code, decision) => {
    const r = mapJonetPurchase({ responseCode: code, message: 'm' }, []);
    expect(decisionOf(r)).toBe(decision);
    expect(r.providerCode).toBe(code);
  });

  it('gives an unlisted code one confirming requery before it refunds (docs: "outright failure")', () => {
    expect(decisionOf(mapJonetPurchase({ responseCode: '999' }, []))).toBe('refund-after-confirm');
  });

  it.each(Object.entries(REQUERY))(
    'requery answer %s -> %s (codes about the query itself say nothing)',
    (code, decision) => {
      const r = mapJonetRequery({ responseCode: code }, []);
      expect(decisionOf(r)).toBe(decision);
      expect(r.needsConfirmation).toBeUndefined();
    },
  );

  it('reads the status word a 200 requery carries, and never calls an unknown word delivered', () => {
    expect(mapJonetRequery({ responseCode: '200', status: 'Successful' }, []).status).toBe(
      'SUCCESS',
    );
    expect(mapJonetRequery({ responseCode: '200', status: 'Reversed' }, []).status).toBe(
      'REVERSED',
    );
    expect(mapJonetRequery({ responseCode: '200', status: 'Refunded' }, []).status).toBe(
      'REVERSED',
    );
    expect(mapJonetRequery({ responseCode: '200', status: 'Processing' }, []).status).toBe(
      'PENDING',
    );
    expect(mapJonetRequery({ responseCode: '200', status: 'Failed' }, []).status).toBe('FAILED');
    expect(mapJonetRequery({ responseCode: '200', status: 'queued-for-review' }, []).status).toBe(
      'PENDING',
    );
    expect(mapJonetRequery({ responseCode: '200' }, []).status).toBe('PENDING');
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
    expect(
      items.map((i) => [i.planCode, i.network, i.priceMinor, i.dataMb, i.validityDays]),
    ).toEqual([
      ['M1', 'MTN', 100000, 1024, 30],
      ['M2', 'MTN', 120050, 2048, 30],
    ]);
  });
});
