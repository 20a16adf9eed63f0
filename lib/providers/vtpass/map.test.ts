import { describe, expect, it } from 'vitest';
import { mapVtpassPurchase, mapVtpassRequery, mapVtpassVariations, VTPASS_CODES, VTPASS_INNER_STATUS } from './map';

// Expected normalisation for a purchase answer, written out from providers.md §2.5 (000/001 read the inner status).
const PURCHASE: Record<string, string> = {
  '000': 'BY_INNER', '001': 'BY_INNER', '099': 'PENDING', '044': 'MANUAL_REVIEW', '091': 'FAILED', '016': 'FAILED',
  '010': 'FAILED', '011': 'FAILED', '012': 'FAILED', '013': 'FAILED', '017': 'FAILED', '014': 'PENDING', '015': 'NOT_FOUND',
  '018': 'FAILED', '019': 'FAILED', '020': 'UNKNOWN', '021': 'FAILED', '022': 'FAILED', '023': 'FAILED', '024': 'FAILED',
  '025': 'FAILED', '026': 'FAILED', '027': 'FAILED', '028': 'FAILED', '030': 'FAILED', '031': 'FAILED', '032': 'FAILED',
  '034': 'FAILED', '035': 'FAILED', '040': 'REVERSED', '083': 'PENDING', '085': 'FAILED', '087': 'FAILED', '089': 'PENDING',
};
const INNER: Record<string, string> = {
  initiated: 'PENDING', pending: 'PENDING', delivered: 'SUCCESS', reversed: 'REVERSED', failed: 'FAILED', resolved: 'MANUAL_REVIEW',
};
const withInner = (code: string, status?: string) => ({ code, content: status ? { transactions: { status, transactionId: 'T1' } } : undefined });

describe('VTpass code table', () => {
  it('covers exactly the documented codes and inner statuses', () => {
    expect(Object.keys(VTPASS_CODES).sort()).toEqual(Object.keys(PURCHASE).sort());
    expect(VTPASS_INNER_STATUS).toEqual(INNER);
  });

  it.each(Object.entries(PURCHASE).filter(([, s]) => s !== 'BY_INNER'))('pay answer %s -> %s', (code, status) => {
    const r = mapVtpassPurchase(withInner(code), []);
    expect(r.status).toBe(status);
    expect(r.duplicate ?? false).toBe(code === '014');
  });

  it.each(Object.entries(INNER))('000 with inner status %s -> %s, for pay and requery', (inner, status) => {
    expect(mapVtpassPurchase(withInner('000', inner), []).status).toBe(status);
    expect(mapVtpassRequery(withInner('001', inner), []).status).toBe(status);
    expect(mapVtpassPurchase(withInner('000', inner), []).providerCode).toBe(`000/${inner}`);
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
    for (const code of ['087', '011', '014', '085', '091', '777']) expect(mapVtpassRequery(withInner(code), []).status).toBe('UNKNOWN');
  });

  it('takes the provider ref from content.transactions.transactionId', () => {
    expect(mapVtpassPurchase(withInner('000', 'delivered'), []).providerRef).toBe('T1');
  });
});

describe('VTpass variations', () => {
  it('maps fixed-price variations with exact kobo', () => {
    const items = mapVtpassVariations('etisalat-data', [
      { variation_code: 'eti-100', name: '9mobile Data Bundle - 100 Naira - 40MB - 1Day', variation_amount: '100.00', fixedPrice: 'Yes' },
      { variation_code: 'bad', name: 'x', variation_amount: 'abc' },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ network: '9MOBILE', planCode: 'eti-100', priceMinor: 10000, dataMb: 40, validityDays: 1 });
    expect(mapVtpassVariations('dstv', [])).toEqual([]);
  });
});
