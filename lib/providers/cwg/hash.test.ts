import { describe, expect, it } from 'vitest';
import { computeCwgHash, cwgHashMessage, cwgTransactionDate } from './hash';

const fields = {
  transactionReference: '12221t8TOO096',
  amountPaid: 10000,
  customerUserId: '08030075922',
  transactionDate: '08/02/2018 05:00:19',
  vendingCode: 'M302',
  subCode: '22GB',
};

describe('CWG hash recipes (GAP: pluggable)', () => {
  it('concatenates fields in the inferred order, subCode only when present', () => {
    expect(cwgHashMessage(fields)).toBe('12221t8TOO096100000803007592208/02/2018 05:00:19M30222GB');
    expect(cwgHashMessage({ ...fields, subCode: undefined }, '|')).toBe(
      '12221t8TOO096|10000|08030075922|08/02/2018 05:00:19|M302',
    );
  });

  it('produces 128 hex chars like the doc samples, distinct per recipe and per secret', () => {
    const a = computeCwgHash('sha512-concat-secret', fields, 's1');
    const b = computeCwgHash('hmac-sha512-concat', fields, 's1');
    expect(a).toMatch(/^[0-9a-f]{128}$/);
    expect(b).toMatch(/^[0-9a-f]{128}$/);
    expect(a).not.toBe(b);
    expect(computeCwgHash('sha512-concat-secret', fields, 's2')).not.toBe(a);
    expect(computeCwgHash('hmac-sha512-concat', fields, 's1', { upper: true })).toBe(
      b.toUpperCase(),
    );
    expect(computeCwgHash('none', fields, 's1')).toBe('');
  });

  it('formats transactionDate as dd/MM/yyyy HH:mm:ss in Lagos time', () => {
    expect(cwgTransactionDate(new Date('2018-02-08T04:00:19Z'))).toBe('08/02/2018 05:00:19');
    expect(cwgTransactionDate(new Date('2025-12-31T23:30:05Z'))).toBe('01/01/2026 00:30:05');
  });
});
