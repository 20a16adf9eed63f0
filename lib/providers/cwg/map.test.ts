import { describe, expect, it } from 'vitest';
import { decisionOf, type Decision } from '../decision';
import {
  CWG_ERROR_CODES,
  CWG_TRANSACTION_STATUS,
  cwgNetworkOf,
  mapCwgStatus,
  mapCwgSubscriptions,
  mapCwgVend,
} from './map';

const ok = (transactionStatus: string) => ({
  requestSuccessful: true,
  responseEntity: { body: { transactionStatus, cwgReference: 'C1' } },
});
const bad = (errorCode: string) => ({
  requestSuccessful: false,
  apiErrors: { errorCount: 1, apiErrorList: [{ errorCode, errorMessage: 'x' }] },
});

describe('CWG (INFERRED) tables', () => {
  // Expected decisions, from docs/providers/cwg.md#codes with the safe reading every INFERRED row gets.
  const WORDS: Record<string, [Decision, Decision]> = {
    SUCCESSFUL: ['success', 'success'],
    SUCCESS: ['success', 'success'],
    PENDING: ['pending', 'pending'],
    PROCESSING: ['pending', 'pending'],
    FAILED: ['refund-after-confirm', 'refund'],
    REVERSED: ['reversed', 'reversed'],
  };
  it('covers exactly the inferred status words', () => {
    expect(Object.keys(CWG_TRANSACTION_STATUS).sort()).toEqual(Object.keys(WORDS).sort());
  });
  it.each(Object.entries(WORDS))(
    'transaction status %s -> %j (vend, status query)',
    (word, [vend, query]) => {
      expect(mapCwgVend(ok(word), [])).toMatchObject({
        providerCode: `status=${word}`,
        providerRef: 'C1',
      });
      expect(decisionOf(mapCwgVend(ok(word), []))).toBe(vend);
      expect(decisionOf(mapCwgStatus(ok(word), []))).toBe(query);
    },
  );
  it('an unknown status word is pending', () => {
    expect(decisionOf(mapCwgVend(ok('ON_HOLD'), []))).toBe('pending');
    expect(decisionOf(mapCwgStatus(ok('ON_HOLD'), []))).toBe('pending');
  });

  const VEND_ERRORS: Record<string, Decision> = {
    DUPLICATE_REFERENCE: 'duplicate',
    TRANSACTION_NOT_FOUND: 'not-found',
    INVALID_HASH: 'failover-after-confirm',
    INVALID_VEND_CODE: 'failover-after-confirm',
    INVALID_SUB_CODE: 'failover-after-confirm',
    INSUFFICIENT_BALANCE: 'failover-after-confirm',
    INVALID_AMOUNT: 'failover-after-confirm',
    INVALID_REQUEST: 'failover-after-confirm',
    VEND_NOT_PROCESSED: 'failover-after-confirm',
  };
  it('covers exactly the inferred error codes', () => {
    expect(Object.keys(CWG_ERROR_CODES).sort()).toEqual(Object.keys(VEND_ERRORS).sort());
  });
  it.each(Object.entries(VEND_ERRORS))('vend error %s -> %s', (code, want) => {
    expect(decisionOf(mapCwgVend(bad(code), []))).toBe(want);
  });

  it('keeps unknown errors and query-side errors ambiguous', () => {
    expect(mapCwgVend(bad('SOMETHING_NEW'), []).status).toBe('UNKNOWN');
    expect(mapCwgStatus(bad('INVALID_HASH'), []).status).toBe('UNKNOWN');
    expect(mapCwgStatus(bad('TRANSACTION_NOT_FOUND'), []).status).toBe('NOT_FOUND');
    expect(mapCwgVend({ requestSuccessful: true, responseEntity: { body: {} } }, []).status).toBe(
      'UNKNOWN',
    );
  });

  it('recognises both documented vend-code sets', () => {
    expect(
      ['M301', 'MTN_D', 'G502', 'GLO_A', 'A201', 'AIR_D', 'N902', 'NIN_A'].map(cwgNetworkOf),
    ).toEqual(['MTN', 'MTN', 'GLO', 'GLO', 'AIRTEL', 'AIRTEL', '9MOBILE', '9MOBILE']);
    expect(cwgNetworkOf('DSTV')).toBeUndefined();
  });

  it('lists presets as vendCode:subCode data plans and free-amount _A codes as airtime', () => {
    const items = mapCwgSubscriptions(
      [
        { name: 'Mtn Etop up', vendCode: 'MTN_A', usesPreset: false, presetAmountList: [] },
        {
          name: null,
          vendCode: 'MTN_D',
          usesPreset: true,
          presetAmountList: [{ subCode: '10GB', description: '10Gb MTN', amount: 1000 }],
        },
        { name: 'Glo Edata', vendCode: 'GLO_D', usesPreset: false, presetAmountList: [] },
      ],
      5000,
      5_000_000,
    );
    expect(items.map((i) => [i.type, i.planCode, i.priceMinor, i.dataMb])).toEqual([
      ['airtime', 'MTN_A', undefined, undefined],
      ['data', 'MTN_D:10GB', 100000, 10240],
    ]);
  });
});
