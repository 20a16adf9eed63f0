import { describe, expect, it } from 'vitest';
import { decisionOf, type Decision } from '../decision';
import {
  mapVtpassPurchase,
  mapVtpassRequery,
  mapVtpassVariations,
  VTPASS_CODES,
  VTPASS_INNER_STATUS,
  vtpassBillCodes,
} from './map';

// Expected decision for a pay answer, written out from docs/providers/vtpass.md#codes (000/001 read the inner status).
const PURCHASE: Record<string, Decision | 'BY_INNER'> = {
  '000': 'BY_INNER',
  '001': 'BY_INNER',
  '099': 'pending',
  '044': 'manual-review',
  '091': 'failover',
  '016': 'refund-after-confirm',
  '010': 'failover',
  '011': 'failover',
  '012': 'failover',
  '013': 'failover',
  '017': 'failover',
  '014': 'duplicate',
  '015': 'not-found',
  '018': 'failover',
  '019': 'failover',
  '020': 'pending',
  '021': 'failover',
  '022': 'failover',
  '023': 'failover',
  '024': 'failover',
  '025': 'refund',
  '026': 'refund',
  '027': 'failover',
  '028': 'failover',
  '030': 'failover-after-confirm',
  '031': 'failover',
  '032': 'failover',
  '034': 'failover',
  '035': 'failover',
  '040': 'reversed',
  '083': 'pending',
  '085': 'failover',
  '087': 'failover',
  '089': 'pending',
};
const INNER: Record<string, string> = {
  initiated: 'PENDING',
  pending: 'PENDING',
  delivered: 'SUCCESS',
  reversed: 'REVERSED',
  failed: 'FAILED',
  resolved: 'MANUAL_REVIEW',
};
const INNER_ON_PAY: Record<string, Decision> = {
  initiated: 'pending',
  pending: 'pending',
  delivered: 'success',
  reversed: 'reversed',
  failed: 'refund-after-confirm',
  resolved: 'manual-review',
};
const INNER_ON_REQUERY: Record<string, Decision> = { ...INNER_ON_PAY, failed: 'refund' };
const withInner = (code: string, status?: string) => ({
  code,
  content: status ? { transactions: { status, transactionId: 'T1' } } : undefined,
});

describe('VTpass code table', () => {
  it('covers exactly the documented codes and inner statuses', () => {
    expect(Object.keys(VTPASS_CODES).sort()).toEqual(Object.keys(PURCHASE).sort());
    expect(VTPASS_INNER_STATUS).toEqual(INNER);
  });

  it.each(Object.entries(PURCHASE).filter(([, s]) => s !== 'BY_INNER'))(
    'pay answer %s -> %s',
    (code, decision) => {
      expect(decisionOf(mapVtpassPurchase(withInner(code), []))).toBe(decision);
    },
  );

  it.each(Object.keys(INNER))('000 with inner status %s, for pay and requery', (inner) => {
    expect(decisionOf(mapVtpassPurchase(withInner('000', inner), []))).toBe(INNER_ON_PAY[inner]);
    expect(decisionOf(mapVtpassRequery(withInner('001', inner), []))).toBe(INNER_ON_REQUERY[inner]);
    expect(mapVtpassPurchase(withInner('000', inner), []).providerCode).toBe(`000/${inner}`);
  });

  it('016 on a requery is the confirmation itself: refund', () => {
    expect(decisionOf(mapVtpassRequery(withInner('016'), []))).toBe('refund');
  });

  it('never calls 000 success without a readable inner status', () => {
    expect(mapVtpassPurchase(withInner('000'), []).status).toBe('PENDING');
  });

  it('treats an undocumented pay code as pending (docs: requery)', () => {
    expect(mapVtpassPurchase(withInner('777'), []).status).toBe('PENDING');
  });

  it('keeps requery answers about the query itself UNKNOWN', () => {
    expect(mapVtpassRequery(withInner('015'), []).status).toBe('NOT_FOUND');
    expect(mapVtpassRequery(withInner('040'), []).status).toBe('REVERSED');
    for (const code of ['087', '011', '014', '085', '091', '777'])
      expect(mapVtpassRequery(withInner(code), []).status).toBe('UNKNOWN');
  });

  it('takes the provider ref from content.transactions.transactionId', () => {
    expect(mapVtpassPurchase(withInner('000', 'delivered'), []).providerRef).toBe('T1');
  });
});

// Bills read the same table but for 044 (docs/providers/vtpass-bills.md#codes): a token may still come,
// so pending and requery by default; a deployment may send it to an admin instead (option billCode044).
describe('VTpass bills code table', () => {
  it('reads 044 as pending (requery) by default, as manual review only when the deployment says so', () => {
    for (const read of [mapVtpassPurchase, mapVtpassRequery]) {
      expect(read(withInner('044'), [], vtpassBillCodes()).status).toBe('PENDING');
      expect(read(withInner('044'), [], vtpassBillCodes('PENDING')).status).toBe('PENDING');
      expect(read(withInner('044'), [], vtpassBillCodes('MANUAL_REVIEW')).status).toBe(
        'MANUAL_REVIEW',
      );
      expect(read(withInner('044'), [], vtpassBillCodes('pending, please')).status).toBe('PENDING');
    }
    // Top-ups keep the documented reading.
    expect(decisionOf(mapVtpassPurchase(withInner('044'), []))).toBe('manual-review');
  });

  it('reads every other pay code as top-ups do', () => {
    for (const [code, decision] of Object.entries(PURCHASE))
      if (code !== '044' && decision !== 'BY_INNER')
        expect(decisionOf(mapVtpassPurchase(withInner(code), [], vtpassBillCodes()))).toBe(
          decision,
        );
  });
});

describe('VTpass variations', () => {
  it('maps fixed-price variations with exact kobo', () => {
    const items = mapVtpassVariations('etisalat-data', [
      {
        variation_code: 'eti-100',
        name: '9mobile Data Bundle - 100 Naira - 40MB - 1Day',
        variation_amount: '100.00',
        fixedPrice: 'Yes',
      },
      { variation_code: 'bad', name: 'x', variation_amount: 'abc' },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      network: '9MOBILE',
      planCode: 'eti-100',
      priceMinor: 10000,
      dataMb: 40,
      validityDays: 1,
    });
    expect(mapVtpassVariations('dstv', [])).toEqual([]);
  });
});
