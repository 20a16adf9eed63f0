import { describe, expect, it } from 'vitest';
import { CWG_ERROR_CODES, CWG_TRANSACTION_STATUS, cwgNetworkOf, mapCwgStatus, mapCwgSubscriptions, mapCwgVend } from './map';

const ok = (transactionStatus: string) => ({ requestSuccessful: true, responseEntity: { body: { transactionStatus, cwgReference: 'C1' } } });
const bad = (errorCode: string) => ({ requestSuccessful: false, apiErrors: { errorCount: 1, apiErrorList: [{ errorCode, errorMessage: 'x' }] } });

describe('CWG (INFERRED) tables', () => {
  it.each([['SUCCESSFUL', 'SUCCESS'], ['SUCCESS', 'SUCCESS'], ['PENDING', 'PENDING'], ['PROCESSING', 'PENDING'], ['FAILED', 'FAILED'], ['REVERSED', 'REVERSED']])(
    'transaction status %s -> %s', (word, want) => {
      expect(Object.keys(CWG_TRANSACTION_STATUS)).toContain(word);
      expect(mapCwgVend(ok(word), [])).toMatchObject({ status: want, providerCode: `status=${word}`, providerRef: 'C1' });
      expect(mapCwgStatus(ok(word), []).status).toBe(want);
    });

  const VEND_ERRORS: Record<string, string> = {
    DUPLICATE_REFERENCE: 'PENDING', TRANSACTION_NOT_FOUND: 'NOT_FOUND', INVALID_HASH: 'FAILED', INVALID_VEND_CODE: 'FAILED',
    INVALID_SUB_CODE: 'FAILED', INSUFFICIENT_BALANCE: 'FAILED', INVALID_AMOUNT: 'FAILED', INVALID_REQUEST: 'FAILED', VEND_NOT_PROCESSED: 'FAILED',
  };
  it('covers exactly the inferred error codes', () => {
    expect(Object.keys(CWG_ERROR_CODES).sort()).toEqual(Object.keys(VEND_ERRORS).sort());
  });
  it.each(Object.entries(VEND_ERRORS))('vend error %s -> %s', (code, want) => {
    const r = mapCwgVend(bad(code), []);
    expect(r.status).toBe(want);
    expect(r.duplicate ?? false).toBe(code === 'DUPLICATE_REFERENCE');
  });

  it('keeps unknown errors and query-side errors ambiguous', () => {
    expect(mapCwgVend(bad('SOMETHING_NEW'), []).status).toBe('UNKNOWN');
    expect(mapCwgStatus(bad('INVALID_HASH'), []).status).toBe('UNKNOWN');
    expect(mapCwgStatus(bad('TRANSACTION_NOT_FOUND'), []).status).toBe('NOT_FOUND');
    expect(mapCwgVend({ requestSuccessful: true, responseEntity: { body: {} } }, []).status).toBe('UNKNOWN');
  });

  it('recognises both documented vend-code sets', () => {
    expect(['M301', 'MTN_D', 'G502', 'GLO_A', 'A201', 'AIR_D', 'N902', 'NIN_A'].map(cwgNetworkOf)).toEqual(['MTN', 'MTN', 'GLO', 'GLO', 'AIRTEL', 'AIRTEL', '9MOBILE', '9MOBILE']);
    expect(cwgNetworkOf('DSTV')).toBeUndefined();
  });

  it('lists presets as vendCode:subCode data plans and free-amount _A codes as airtime', () => {
    const items = mapCwgSubscriptions([
      { name: 'Mtn Etop up', vendCode: 'MTN_A', usesPreset: false, presetAmountList: [] },
      { name: null, vendCode: 'MTN_D', usesPreset: true, presetAmountList: [{ subCode: '10GB', description: '10Gb MTN', amount: 1000 }] },
      { name: 'Glo Edata', vendCode: 'GLO_D', usesPreset: false, presetAmountList: [] },
    ], 5000, 5_000_000);
    expect(items.map((i) => [i.type, i.planCode, i.priceMinor, i.dataMb])).toEqual([
      ['airtime', 'MTN_A', undefined, undefined],
      ['data', 'MTN_D:10GB', 100000, 10240],
    ]);
  });
});
