// VTpass bill answers read from the bodies of docs/providers/vtpass-bills.md (the digest's examples,
// typed out here), never from what the simulator sends: the token, units and name on pay, requery and
// the legacy format; verify answers; bouquets; and the bills' reading of the code table.
import { describe, expect, it } from 'vitest';
import { decisionOf, type Decision } from '../decision';
import { deliveredFromReply, mapVtpassBouquets, mapVtpassVerify } from './bills';
import { mapVtpassPurchase, mapVtpassRequery, VTPASS_CODES, vtpassBillCodes } from './map';

const envelope = (status: string) => ({
  code: '000',
  content: { transactions: { status, transactionId: '17416102247366731230557150' } },
});

describe('the delivered value', () => {
  it('reads the prepaid pay answer: the token without its "Token :" prefix, the units, no "N/A" name', () => {
    const pay = {
      ...envelope('delivered'),
      purchased_code: 'Token : 26362054405982757802',
      customerName: 'N/A',
      token: 'Token : 26362054405982757802',
      units: '79.9 kWh',
      kct1: 'N/A',
    };
    expect(deliveredFromReply(pay)).toEqual({
      token: '26362054405982757802',
      units: '79.9 kWh',
      customerName: null,
    });
    expect(mapVtpassPurchase(pay, []).delivered?.token).toBe('26362054405982757802');
  });

  it('finds the token in content.transactions.extras when the top-level fields are empty', () => {
    const requery = {
      code: '000',
      content: {
        transactions: { status: 'delivered', extras: 'Token : 26362054405982757802' },
      },
      purchased_code: '',
    };
    expect(mapVtpassRequery(requery, []).delivered?.token).toBe('26362054405982757802');
  });

  it('takes the main token of the legacy format, not its bonus token, and bare units get kWh', () => {
    const legacy = {
      ...envelope('delivered'),
      purchased_code: 'Token : 42167939781206619049 Bonus Token : 62881559799402440206',
      mainToken: '42167939781206619049',
      mainTokenUnits: 16666.666,
    };
    expect(deliveredFromReply(legacy)).toEqual({
      token: '42167939781206619049',
      units: '16666.666 kWh',
      customerName: null,
    });
  });

  it('a postpaid answer has the name and no token; a TV answer has nothing; ShowMax a voucher', () => {
    expect(
      deliveredFromReply({
        ...envelope('delivered'),
        purchased_code: '',
        customerName: 'NP NGEMA',
        customerAddress: '6 ABIODUN ODESEYE Shomolu BU',
      }),
    ).toEqual({ token: null, units: null, customerName: 'NP NGEMA' });
    expect(deliveredFromReply({ ...envelope('delivered'), purchased_code: '' })).toBeUndefined();
    expect(
      deliveredFromReply({
        ...envelope('delivered'),
        purchased_code: 'SHMVHXQ9L3RXGPU',
        Voucher: ['SHMVHXQ9L3RXGPU'],
      })?.token,
    ).toBe('SHMVHXQ9L3RXGPU');
  });
});

describe('the verify answer', () => {
  it('reads the sandbox prepaid meter, with empty limits as none', () => {
    const r = mapVtpassVerify(
      {
        code: '000',
        content: {
          Customer_Name: 'TESTMETER1',
          Address: 'ABULE EGBA BU ABULE',
          Meter_Number: '68100017372',
          Customer_Arrears: '',
          Minimum_Amount: '',
          Min_Purchase_Amount: '',
          Meter_Type: 'PREPAID',
          WrongBillersCode: false,
        },
      },
      [],
    );
    expect(r).toMatchObject({
      ok: true,
      name: 'TESTMETER1',
      address: 'ABULE EGBA BU ABULE',
      meterType: 'prepaid',
      arrearsMinor: null,
      minimumMinor: null,
      maximumMinor: null,
    });
  });

  it('reads numbers and decimal strings: arrears "52388.8", minimum 7.49', () => {
    const r = mapVtpassVerify(
      {
        code: '000',
        content: {
          Customer_Name: 'MRS ANIEMA EKONG ANTIA',
          Min_Purchase_Amount: 7.49,
          Customer_Arrears: '52388.8',
          MAX_Purchase_Amount: '',
          Meter_Type: 'POSTPAID',
          WrongBillersCode: false,
        },
      },
      [],
    );
    expect(r).toMatchObject({
      ok: true,
      meterType: 'postpaid',
      arrearsMinor: 5_238_880,
      minimumMinor: 749,
    });
  });

  it('a wrong meter (flag as boolean or "true") and a wrong smartcard (no flag) are wrong accounts', () => {
    for (const content of [
      { error: 'This meter is not correct', WrongBillersCode: true },
      { error: 'This meter is not correct', WrongBillersCode: 'true' },
      { error: 'The Smartcard/Decoder Number you entered may be invalid' },
    ])
      expect(mapVtpassVerify({ code: '000', content }, [])).toMatchObject({
        ok: false,
        kind: 'wrong_account',
      });
  });

  it('reads the older DStv shape: bouquet codes as a list, the renewal amount as a number', () => {
    const r = mapVtpassVerify(
      {
        code: '000',
        content: {
          Customer_Name: 'Mr  DsTEST',
          Status: 'Open',
          DUE_DATE: '2019-07-23T00:00:00',
          Customer_Number: 48209000,
          Current_Bouquet: 'DStv Compact',
          Current_Bouquet_Code: 'dstv79, extraview-access',
          Renewal_Amount: 63885,
        },
      },
      [],
    );
    expect(r).toMatchObject({
      ok: true,
      currentBouquetCodes: ['dstv79', 'extraview-access'],
      renewalAmountMinor: 6_388_500,
      dueDate: '2019-07-23T00:00:00',
    });
  });

  it('any other verify code says nothing about the account: unavailable', () => {
    for (const code of ['011', '012', '030', '087'])
      expect(mapVtpassVerify({ code, content: {} }, [])).toMatchObject({
        ok: false,
        kind: 'unavailable',
      });
  });
});

describe('bouquets', () => {
  it('prices each bouquet of a TV service in kobo, under its biller, without the zero-price e-wallet', () => {
    const items = mapVtpassBouquets('startimes', [
      { variation_code: 'nova', name: 'Nova - 900 Naira - 1 Month', variation_amount: '900.00' },
      { variation_code: 'ewallet', name: 'Startimes E-Wallet Topup', variation_amount: '0.00' },
    ]);
    expect(items).toEqual([
      expect.objectContaining({
        network: 'STARTIMES',
        type: 'tv',
        planCode: 'nova',
        priceMinor: 90_000,
      }),
    ]);
    expect(mapVtpassBouquets('mtn-data', [])).toEqual([]);
  });
});

describe('the bills code table', () => {
  // From vtpass-bills.md#how-the-portal-sells-a-bill: the airtime table except 044, pending for a bill.
  const BILL_DECISIONS: Record<string, Decision> = {
    '099': 'pending',
    '044': 'pending',
    '089': 'pending',
    '083': 'pending',
    '091': 'failover',
    '016': 'refund-after-confirm',
    '013': 'failover',
    '017': 'failover',
    '777': 'pending',
  };
  const codes = vtpassBillCodes();

  it.each(Object.entries(BILL_DECISIONS))('pay answer %s -> %s', (code, decision) => {
    expect(decisionOf(mapVtpassPurchase({ code }, [], codes))).toBe(decision);
  });

  it('000 pending and 001 are pending; every other code reads as airtime does', () => {
    expect(decisionOf(mapVtpassPurchase(envelope('pending'), [], codes))).toBe('pending');
    expect(decisionOf(mapVtpassRequery({ ...envelope('pending'), code: '001' }, [], codes))).toBe(
      'pending',
    );
    for (const code of Object.keys(VTPASS_CODES).filter((c) => c !== '044'))
      expect(decisionOf(mapVtpassPurchase({ code }, [], codes)), code).toBe(
        decisionOf(mapVtpassPurchase({ code }, [])),
      );
  });

  it('the 044 reading is configurable back to manual review', () => {
    expect(
      decisionOf(mapVtpassPurchase({ code: '044' }, [], vtpassBillCodes('MANUAL_REVIEW'))),
    ).toBe('manual-review');
  });
});
