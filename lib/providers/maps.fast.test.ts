// The edges of the four providers' pure mappings that the code tables (each map.test.ts) leave open: what an
// answer carries besides its decision (code, message, references), answers missing a field, and the
// catalogue rows each provider's plan list turns into (which rows are skipped, how a plan is named).
import { describe, expect, it } from 'vitest';
import { mapCwgStatus, mapCwgSubscriptions, mapCwgVend } from './cwg/map';
import { cwgEnvelope } from './cwg/schemas';
import { mapJonetPlans, mapJonetPurchase, mapJonetRequery, statusWord } from './jonet/map';
import { mapRkPlans, mapRkPurchase, mapRkStatus } from './rechargekit/map';
import { rkReply } from './rechargekit/schemas';
import { mapVtpassPurchase, mapVtpassRequery, mapVtpassVariations } from './vtpass/map';
import { vtpassReply } from './vtpass/schemas';

const cwg = (raw: unknown) => cwgEnvelope.parse(raw);
const rk = (raw: unknown) => rkReply.parse(raw);
const vt = (raw: unknown) => vtpassReply.parse(raw);

describe('CWG answers', () => {
  it('an error answer keeps the error code and message, from either spelling of the fields', () => {
    const spelt = mapCwgVend(
      cwg({
        requestSuccessful: false,
        apiErrors: { apiErrorList: [{ code: 'INVALID_HASH', message: 'bad hash' }] },
      }),
      [],
    );
    expect(spelt).toMatchObject({
      status: 'NOT_PROCESSED',
      providerCode: 'error=INVALID_HASH',
      message: 'bad hash',
      needsConfirmation: true,
    });
    const both = mapCwgVend(
      cwg({
        requestSuccessful: false,
        apiErrors: {
          apiErrorList: [
            { errorCode: 'VEND_NOT_PROCESSED', errorMessage: 'first', message: 'second' },
          ],
        },
      }),
      [],
    );
    expect(both).toMatchObject({ providerCode: 'error=VEND_NOT_PROCESSED', message: 'first' });
  });

  it('an error answer without a listed error is unspecified and ambiguous', () => {
    for (const raw of [
      { requestSuccessful: false },
      { requestSuccessful: false, apiErrors: {} },
      { requestSuccessful: false, apiErrors: { apiErrorList: [] } },
    ]) {
      const r = mapCwgVend(cwg(raw), []);
      expect(r).toMatchObject({ status: 'UNKNOWN', providerCode: 'error=UNSPECIFIED' });
      expect(r.needsConfirmation).toBeUndefined();
    }
    expect(
      mapCwgVend(cwg({ requestSuccessful: false, apiErrors: { apiErrorList: [{}] } }), []),
    ).toMatchObject({ providerCode: 'error=UNSPECIFIED' });
  });

  it("a duplicate reference is marked duplicate; the status query's not-found keeps no confirmation", () => {
    expect(
      mapCwgVend(
        cwg({
          requestSuccessful: false,
          apiErrors: { apiErrorList: [{ errorCode: 'DUPLICATE_REFERENCE' }] },
        }),
        [],
      ),
    ).toMatchObject({ duplicate: true });
    const nf = mapCwgStatus(
      cwg({
        requestSuccessful: false,
        apiErrors: { apiErrorList: [{ errorCode: 'TRANSACTION_NOT_FOUND' }] },
      }),
      [],
    );
    expect(nf.needsConfirmation).toBeUndefined();
    expect(nf.duplicate).toBeUndefined();
  });

  it('a success answer carries the body\'s message and references; a body without status is "none"', () => {
    const r = mapCwgVend(
      cwg({
        requestSuccessful: true,
        responseEntity: {
          body: {
            transactionStatus: 'successful',
            cwgReference: 42,
            operatorReference: 'OP9',
            message: 'done',
          },
        },
      }),
      [],
    );
    expect(r).toMatchObject({
      status: 'SUCCESS',
      providerCode: 'status=SUCCESSFUL',
      providerRef: '42',
      operatorRef: 'OP9',
      message: 'done',
    });
    expect(mapCwgVend(cwg({ requestSuccessful: true }), [])).toMatchObject({
      status: 'UNKNOWN',
      providerCode: 'status=none',
      message: undefined,
      providerRef: undefined,
    });
    expect(
      mapCwgVend(cwg({ requestSuccessful: true, responseEntity: { body: 'oops' } }), []),
    ).toMatchObject({ status: 'UNKNOWN', providerCode: 'status=none' });
  });

  it('the catalogue names airtime by network when CWG gives no name, and skips unusable services and presets', () => {
    const items = mapCwgSubscriptions(
      [
        { vendCode: 'GLO_A', usesPreset: false },
        { name: 'Mtn', vendCode: 'M301', usesPreset: false },
        { name: 'Mtn data free', vendCode: 'MTN_D', usesPreset: false },
        { name: 'Cable', vendCode: 'DSTV', usesPreset: false },
        { name: 'Cable airtime?', vendCode: 'DSTV_A', usesPreset: false },
        { name: 'Mtn data bundle', vendCode: 'MTN_AD', usesPreset: false },
        { vendCode: '' },
        'garbage',
        { vendCode: 'AIR_D', usesPreset: true },
        {
          vendCode: 'A201X',
          usesPreset: true,
          presetAmountList: [
            { subCode: '1GB', amount: 300 },
            { subCode: 'bad', amount: 'abc' },
            { amount: 100 },
            { subCode: '2GB', description: 'Airtel 2GB 30 days', amount: '500' },
          ],
        },
      ],
      5_000,
      5_000_000,
    );
    expect(
      items.map((i) => [
        i.type,
        i.network,
        i.planCode,
        i.name,
        i.priceMinor,
        i.dataMb,
        i.validityDays,
        i.minMinor,
        i.maxMinor,
      ]),
    ).toEqual([
      ['airtime', 'GLO', 'GLO_A', 'GLO airtime', undefined, undefined, undefined, 5_000, 5_000_000],
      ['airtime', 'MTN', 'M301', 'Mtn', undefined, undefined, undefined, 5_000, 5_000_000],
      ['data', 'AIRTEL', 'A201X:1GB', '1GB', 30_000, 1024, undefined, undefined, undefined],
      ['data', 'AIRTEL', 'A201X:2GB', 'Airtel 2GB 30 days', 50_000, 2048, 30, undefined, undefined],
    ]);
    expect(items.every((i) => i.provider === 'cwg' && i.currency === 'NGN')).toBe(true);
    expect(items[2]!.raw).toEqual({ subCode: '1GB', amount: 300 });
  });

  it('a data plan whose code says nothing of its size is sized from its description', () => {
    const [item] = mapCwgSubscriptions(
      [
        {
          vendCode: 'MTN_D',
          usesPreset: true,
          presetAmountList: [{ subCode: 'P7', description: 'MTN 500MB daily', amount: 100 }],
        },
      ],
      0,
      0,
    );
    expect(item).toMatchObject({ planCode: 'MTN_D:P7', dataMb: 500 });
  });
});

describe('RechargeKit answers', () => {
  it('an accepted order carries its status code, message, order id and operator reference', () => {
    const r = mapRkPurchase(
      rk({ error: 0, status: 1, msg: 'Success', orderid: 7, optransid: 'OPX' }),
      [],
    );
    expect(r).toEqual({
      status: 'SUCCESS',
      providerCode: 'error=0,status=1',
      message: 'Success',
      providerRef: '7',
      operatorRef: 'OPX',
      exchanges: [],
    });
    expect(mapRkPurchase(rk({ error: 0, message: 'v1 text', optransid: '' }), [])).toMatchObject({
      status: 'PENDING',
      providerCode: 'error=0,status=none',
      message: 'v1 text',
      operatorRef: undefined,
    });
    expect(mapRkPurchase(rk({ error: 0, status: 9 }), []).status).toBe('PENDING');
  });

  it('a refused order is "not processed" with its error code; a duplicate is pending and marked, in either spelling', () => {
    expect(mapRkPurchase(rk({ error: 5, msg: 'Invalid amount' }), [])).toMatchObject({
      status: 'NOT_PROCESSED',
      providerCode: 'error=5',
      message: 'Invalid amount',
    });
    expect(mapRkPurchase(rk({ error: 1, message: 'Duplicate order' }), [])).toMatchObject({
      status: 'PENDING',
      duplicate: true,
    });
    expect(mapRkPurchase(rk({ error: 1 }), [])).toMatchObject({ status: 'NOT_PROCESSED' });
    expect(mapRkPurchase(rk({ error: 1 }), []).duplicate).toBeUndefined();
  });

  it('a status check reads a failure with refund wording as a reversal, in either spelling; otherwise failed', () => {
    expect(mapRkStatus(rk({ error: 0, status: 3, msg: 'Amount refunded' }), []).status).toBe(
      'REVERSED',
    );
    expect(
      mapRkStatus(rk({ error: 0, status: 3, message: 'reversed by operator' }), []).status,
    ).toBe('REVERSED');
    expect(mapRkStatus(rk({ error: 0, status: 3 }), []).status).toBe('FAILED');
    expect(mapRkStatus(rk({ error: 0, status: 1, msg: 'refund pending' }), []).status).toBe(
      'SUCCESS',
    );
    expect(mapRkStatus(rk({ error: 3 }), [])).toMatchObject({
      status: 'NOT_FOUND',
      providerCode: 'error=3',
    });
    expect(mapRkStatus(rk({ error: 2, msg: 'invalid order' }), []).status).toBe('UNKNOWN');
  });

  it('the plan list skips invalid plans and names a plan from its description or its parts', () => {
    const items = mapRkPlans('AIRTEL', 'DL', 'AT', [
      {
        plan_id: 'P1',
        amount: 299,
        data: '1.5GB/day',
        validity: '28 days',
        description: 'Unlimited calls',
      },
      { _id: 'X2', amount: '19', data: '1GB', validity: '1 day' },
      { amount: 10 },
      { plan_id: 'P3', amount: 99, is_valid: false },
      { plan_id: 'P4', amount: 'n/a' },
      { plan_id: 'P5' },
    ]);
    expect(items.map((i) => [i.planCode, i.name, i.priceMinor, i.dataMb, i.validityDays])).toEqual([
      ['P1', 'Unlimited calls', 29_900, 1536, 28],
      ['X2', '1GB 1 day', 1_900, 1024, 1],
      ['AT:DL:10', '', 1_000, undefined, undefined],
    ]);
    expect(
      items.every(
        (i) =>
          i.provider === 'rechargekit' &&
          i.currency === 'INR' &&
          i.network === 'AIRTEL' &&
          i.circle === 'DL' &&
          i.type === 'data',
      ),
    ).toBe(true);
  });
});

describe('JoNet answers', () => {
  it("a purchase answer keeps its code, its message or else the table's meaning, and the transaction id", () => {
    const r = mapJonetPurchase({ responseCode: '200', message: 'ok', transaction_id: 'T1' }, []);
    expect(r).toMatchObject({ providerCode: '200', message: 'ok', providerRef: 'T1' });
    expect(mapJonetPurchase({ responseCode: '200' }, []).message).toEqual(expect.any(String));
    expect(mapJonetPurchase({ responseCode: '200' }, []).message).not.toBe('');
  });

  it('a requery reads the status word whatever its case and spacing; unknown words and codes stay open', () => {
    expect(statusWord('  Success ')).toBe('SUCCESS');
    expect(statusWord(undefined)).toBeUndefined();
    expect(
      mapJonetRequery(
        { responseCode: '200', status: ' REFUNDED', message: 'm', transaction_id: 'T' },
        [],
      ),
    ).toEqual({
      status: 'REVERSED',
      providerCode: '200',
      message: 'm',
      providerRef: 'T',
      exchanges: [],
    });
    expect(mapJonetRequery({ responseCode: '200', status: 'weird' }, []).status).toBe('PENDING');
    expect(mapJonetRequery({ responseCode: '999', message: 'x' }, [])).toEqual({
      status: 'UNKNOWN',
      providerCode: '999',
      message: 'x',
      providerRef: undefined,
      exchanges: [],
    });
  });

  it('the plan list keeps available plans of known networks with a price', () => {
    const items = mapJonetPlans([
      { code: 101, network: 'mtn', name: 'MTN 1GB 30 days', price: '300', status: 'available' },
      { code: 'E2', network: 'Etisalat', name: '9mobile 500MB', price: 150 },
      { code: 'G3', network: 'GLO', name: 'Glo 2GB', price: 500, status: 'DISABLED' },
      { code: 'X4', network: 'SMILE', name: 'Smile 1GB', price: 300 },
      { code: 'M5', network: 'MTN', name: 'bad price', price: 'abc' },
      { network: 'MTN', name: 'no code', price: 100 },
    ]);
    expect(
      items.map((i) => [i.planCode, i.network, i.name, i.priceMinor, i.dataMb, i.validityDays]),
    ).toEqual([
      ['101', 'MTN', 'MTN 1GB 30 days', 30_000, 1024, 30],
      ['E2', '9MOBILE', '9mobile 500MB', 15_000, 500, undefined],
    ]);
    expect(
      items.every((i) => i.provider === 'jonet' && i.currency === 'NGN' && i.type === 'data'),
    ).toBe(true);
  });
});

describe('VTpass answers', () => {
  it("an answer's code carries the inner status when there is one; its reference prefers the transaction's", () => {
    const inner = vt({
      code: '000',
      response_description: 'TRANSACTION SUCCESSFUL',
      transactionId: 'OUT',
      content: { transactions: { status: 'delivered', transactionId: 'IN' } },
    });
    expect(mapVtpassPurchase(inner, [])).toMatchObject({
      status: 'SUCCESS',
      providerCode: '000/delivered',
      providerRef: 'IN',
      message: 'TRANSACTION SUCCESSFUL',
    });
    const bare = vt({ code: '000', transactionId: 'OUT', content: { transactions: {} } });
    expect(mapVtpassPurchase(bare, [])).toMatchObject({
      status: 'PENDING',
      providerCode: '000',
      providerRef: 'OUT',
    });
    expect(mapVtpassRequery(vt({ code: '000', content: 'text' }), [])).toMatchObject({
      status: 'PENDING',
      providerCode: '000',
    });
  });

  it('an inner status is read whatever its case', () => {
    expect(
      mapVtpassRequery(vt({ code: '000', content: { transactions: { status: 'Reversed' } } }), [])
        .status,
    ).toBe('REVERSED');
  });

  it('a pay answer saying "failed" in its inner status waits for a confirming requery; other answers do not', () => {
    const failed = mapVtpassPurchase(
      vt({ code: '000', content: { transactions: { status: 'failed' } } }),
      [],
    );
    expect(failed).toMatchObject({ status: 'FAILED', needsConfirmation: true });
    expect(
      mapVtpassPurchase(vt({ code: '000', content: { transactions: { status: 'delivered' } } }), [])
        .needsConfirmation,
    ).toBeUndefined();
    expect(
      mapVtpassPurchase(vt({ code: '000', content: { transactions: { status: 'pending' } } }), [])
        .needsConfirmation,
    ).toBeUndefined();
    expect(
      mapVtpassRequery(vt({ code: '000', content: { transactions: { status: 'failed' } } }), [])
        .needsConfirmation,
    ).toBeUndefined();
  });

  it('the variations of a known data service become plans; other services and unpriced variations none', () => {
    const items = mapVtpassVariations('etisalat-data', [
      { variation_code: 'eti-1', name: '9mobile 1GB - 30 days', variation_amount: '1000.00' },
      { variation_code: '', name: 'x', variation_amount: 1 },
      { variation_code: 'eti-2', name: 'bad', variation_amount: 'abc' },
    ]);
    expect(
      items.map((i) => [i.planCode, i.network, i.name, i.priceMinor, i.dataMb, i.validityDays]),
    ).toEqual([['eti-1', '9MOBILE', '9mobile 1GB - 30 days', 100_000, 1024, 30]]);
    expect(items[0]).toMatchObject({ provider: 'vtpass', currency: 'NGN', type: 'data' });
    expect(
      mapVtpassVariations('dstv', [{ variation_code: 'd1', name: 'x', variation_amount: 1 }]),
    ).toEqual([]);
  });
});
