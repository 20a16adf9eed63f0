import { describe, expect, it } from 'vitest';
import { decisionOf } from '../decision';
import {
  mapRkPlans,
  mapRkPurchase,
  mapRkStatus,
  RK_OTHER_STATUS,
  RK_STATUS,
  RK_STATUS_CHECK_ERRORS,
} from './map';

describe('RechargeKit status table', () => {
  it('has exactly the documented statuses, others on hold', () => {
    expect(RK_STATUS).toEqual({ 1: 'SUCCESS', 2: 'PENDING', 3: 'FAILED' });
    expect(RK_OTHER_STATUS).toBe('PENDING');
    expect(RK_STATUS_CHECK_ERRORS).toEqual({ 3: 'NOT_FOUND' });
  });

  // Expected decisions from docs/providers/rechargekit.md#codes, for a recharge answer and a status check.
  it.each([
    [1, 'success', 'success'],
    [2, 'pending', 'pending'],
    [3, 'refund', 'refund'],
    [0, 'pending', 'pending'],
    [7, 'pending', 'pending'],
    [undefined, 'pending', 'pending'],
  ] as const)('error 0, status %s -> %s / %s', (status, recharge, check) => {
    const r = mapRkPurchase({ error: 0, status, orderid: 'O1', optransid: 'OP1' }, []);
    expect(decisionOf(r)).toBe(recharge);
    expect(decisionOf(mapRkStatus({ error: 0, status, msg: 'x' }, []))).toBe(check);
    expect(r.providerCode).toBe(`error=0,status=${status ?? 'none'}`);
    expect(r).toMatchObject({ providerRef: 'O1', operatorRef: 'OP1' });
  });

  it('reads error != 0 on a recharge as never processed (fail over), except a duplicate order', () => {
    expect(
      decisionOf(mapRkPurchase({ error: 1, msg: 'Duplicate order, Order ID must be unique' }, [])),
    ).toBe('duplicate');
    for (const [error, msg] of [
      [2, 'Operator down'],
      [1, 'Invalid partner'],
      [9, ''],
    ] as const) {
      expect(decisionOf(mapRkPurchase({ error, msg }, []))).toBe('failover');
    }
  });

  it('status check: not found comes from the error code, never the wording; refund wording is a reversal', () => {
    expect(mapRkStatus({ error: 0, status: 3, msg: 'Refunded' }, []).status).toBe('REVERSED');
    expect(mapRkStatus({ error: 3, msg: 'Order not found' }, []).status).toBe('NOT_FOUND');
    expect(mapRkStatus({ error: 3 }, []).status).toBe('NOT_FOUND');
    for (const msg of [
      'Order not found',
      'invalid partner',
      'Invalid order',
      'Unauthorized',
      'Duplicate order',
    ]) {
      expect(mapRkStatus({ error: 1, msg }, []).status).toBe('UNKNOWN');
    }
    expect(mapRkStatus({ error: 2, msg: 'no record' }, []).status).toBe('UNKNOWN');
  });
});

describe('RechargeKit plans', () => {
  it('maps rupee plans to paise with circle and a stable plan code', () => {
    const items = mapRkPlans('JIO', '5', '103', [
      { plan_id: 'p1', amount: 209, data: '28GB', validity: '28 days', description: 'Jio 28GB' },
      { amount: '19.50', data: '1GB', validity: '1 day' },
      { amount: 10, is_valid: false },
    ]);
    expect(
      items.map((i) => [i.planCode, i.priceMinor, i.dataMb, i.validityDays, i.circle]),
    ).toEqual([
      ['p1', 20900, 28672, 28, '5'],
      ['103:5:19.50', 1950, 1024, 1, '5'],
    ]);
  });
});
