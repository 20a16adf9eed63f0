import { describe, expect, it } from 'vitest';
import { mapRkPlans, mapRkPurchase, mapRkStatus, RK_OTHER_STATUS, RK_STATUS } from './map';

describe('RechargeKit status table', () => {
  it('has exactly the documented statuses, others on hold', () => {
    expect(RK_STATUS).toEqual({ 1: 'SUCCESS', 2: 'PENDING', 3: 'FAILED' });
    expect(RK_OTHER_STATUS).toBe('PENDING');
  });

  it.each([
    [1, 'SUCCESS'], [2, 'PENDING'], [3, 'FAILED'], [0, 'PENDING'], [7, 'PENDING'], [undefined, 'PENDING'],
  ] as const)('error 0, status %s -> %s', (status, want) => {
    const r = mapRkPurchase({ error: 0, status, orderid: 'O1', optransid: 'OP1' }, []);
    expect(r.status).toBe(want);
    expect(r.providerCode).toBe(`error=0,status=${status ?? 'none'}`);
    expect(r).toMatchObject({ providerRef: 'O1', operatorRef: 'OP1' });
  });

  it('reads error != 0 as not processed, except a duplicate order', () => {
    expect(mapRkPurchase({ error: 1, msg: 'Duplicate order, Order ID must be unique' }, [])).toMatchObject({ status: 'PENDING', duplicate: true, providerCode: 'error=1' });
    expect(mapRkPurchase({ error: 2, msg: 'Operator down' }, [])).toMatchObject({ status: 'FAILED' });
  });

  it('status check: refund wording is a reversal, not-found is NOT_FOUND, other errors UNKNOWN', () => {
    expect(mapRkStatus({ error: 0, status: 3, msg: 'Refunded' }, []).status).toBe('REVERSED');
    expect(mapRkStatus({ error: 0, status: 3, msg: 'failure' }, []).status).toBe('FAILED');
    expect(mapRkStatus({ error: 1, msg: 'Order not found' }, []).status).toBe('NOT_FOUND');
    expect(mapRkStatus({ error: 1, msg: 'Duplicate order' }, []).status).toBe('UNKNOWN');
    expect(mapRkStatus({ error: 1, msg: 'Unauthorized' }, []).status).toBe('UNKNOWN');
  });
});

describe('RechargeKit plans', () => {
  it('maps rupee plans to paise with circle and a stable plan code', () => {
    const items = mapRkPlans('JIO', '5', '103', [
      { plan_id: 'p1', amount: 209, data: '28GB', validity: '28 days', description: 'Jio 28GB' },
      { amount: '19.50', data: '1GB', validity: '1 day' },
      { amount: 10, is_valid: false },
    ]);
    expect(items.map((i) => [i.planCode, i.priceMinor, i.dataMb, i.validityDays, i.circle])).toEqual([
      ['p1', 20900, 28672, 28, '5'],
      ['103:5:19.50', 1950, 1024, 1, '5'],
    ]);
  });
});
