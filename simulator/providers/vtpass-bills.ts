// VTpass bills on the simulator (docs/simulator.md#bills-vtpass-electricity-and-tv): merchant-verify,
// the pay checks of electricity and TV, and the bill fields of pay/requery/callback bodies. The
// account's last two digits choose the outcome (the sale book's table), plus 97/98/99 here.
import { createHash } from 'node:crypto';
import { billerByVtpassService } from '../../lib/bills/billers';
import { minorOrUndefined, minorToMajorNumber, parseDecimalToMinor } from '../../lib/money';
import { VTPASS_TV_BOUQUETS } from '../catalogue';
import type { NewSale, Sale } from '../sales';
import { json, obj, str, type Reply, type SimRequest } from '../wire';

const fail = (code: string, response_description: string) => json({ code, response_description });

const NAMES = ['ADEBAYO OLUWASEUN', 'CHINEDU OKAFOR', 'FATIMA BELLO', 'NGOZI EZE', 'MUSA IBRAHIM'];
const STREETS = ['12 ALLEN AVENUE', '4 OKIGWE ROAD', '7 ZOO ROAD', '21 AMINU KANO CRESCENT'];
/** Meters ending 98 have arrears and a minimum, 97 a maximum (naira). */
const MIN_NAIRA_98 = 2_000;
const ARREARS_NAIRA_98 = 5_000;
const MAX_NAIRA_97 = 10_000;

const suffix = (account: string) => account.replace(/\D/g, '').slice(-2);
const pick = <T>(list: T[], account: string): T =>
  list[Number(account.slice(-3, -2) || 0) % list.length]!;

export function verifyBill(req: SimRequest): Reply {
  const b = obj(req.json);
  const serviceID = str(b.serviceID) ?? '';
  const account = str(b.billersCode) ?? '';
  const biller = billerByVtpassService(serviceID);
  if (!biller || serviceID === 'showmax') return fail('012', 'PRODUCT DOES NOT EXIST');
  if (!/^\d{6,20}$/.test(account)) return fail('011', 'INVALID ARGUMENTS');
  if (biller.type === 'electricity') {
    const type = (str(b.type) ?? '').toLowerCase();
    if (type !== 'prepaid' && type !== 'postpaid') return fail('011', 'INVALID ARGUMENTS');
    if (suffix(account) === '99')
      return json({
        code: '000',
        content: {
          error: `This meter is not correct or is not a valid ${biller.label} ${type} meter. Please check and try again`,
          WrongBillersCode: true,
        },
      });
    return json({
      code: '000',
      content: {
        Customer_Name: pick(NAMES, account),
        Address: `${pick(STREETS, account)}, ${biller.label.toUpperCase()} BU`,
        Meter_Number: account,
        Customer_Arrears: suffix(account) === '98' ? String(ARREARS_NAIRA_98) : '',
        Minimum_Amount: suffix(account) === '98' ? MIN_NAIRA_98 : '',
        Min_Purchase_Amount: suffix(account) === '98' ? MIN_NAIRA_98 : '',
        ...(suffix(account) === '97' && { MAX_Purchase_Amount: String(MAX_NAIRA_97) }),
        Can_Vend: 'yes',
        Customer_Account_Type: 'NMD',
        Meter_Type: type.toUpperCase(),
        WrongBillersCode: false,
        commission_details: { amount: null, rate: '1.50', rate_type: 'percent' },
      },
    });
  }
  if (suffix(account) === '99')
    return json({
      code: '000',
      content: {
        error:
          "The Smartcard/Decoder Number you entered may be invalid, Please check and only proceed if you are sure it's valid.",
      },
    });
  if (serviceID === 'startimes')
    return json({
      code: '000',
      content: {
        Customer_Name: 'TestMan Decoder',
        Balance: 54.82,
        Smartcard_Number: account,
        WrongBillersCode: false,
      },
    });
  const current = VTPASS_TV_BOUQUETS[serviceID]!.bouquets[0]!;
  // The older documented shape, which carries the bouquet and the renewal amount (vtpass-bills.md#tv-verify).
  return json({
    code: '000',
    content: {
      Customer_Name: pick(NAMES, account),
      Status: 'Open',
      DUE_DATE: '2026-12-31T00:00:00',
      Customer_Number: Number(account.slice(-8)),
      Customer_Type: biller.id,
      Current_Bouquet: current.name,
      Current_Bouquet_Code: current.code,
      Renewal_Amount: current.priceNaira,
    },
  });
}

/** The sale a bill pay asks for, or the refusal it gets before anything is recorded. */
export function billSale(req: SimRequest, ref: string): NewSale | Reply {
  const b = obj(req.json);
  const serviceID = str(b.serviceID) ?? '';
  const biller = billerByVtpassService(serviceID)!;
  const account = (str(b.billersCode) ?? '').replace(/\s/g, '');
  const customerPhone = str(b.phone) ?? (serviceID === 'showmax' ? account : '');
  if (!account || !customerPhone) return fail('011', 'INVALID ARGUMENTS');
  const amountMinor =
    typeof b.amount === 'number' || typeof b.amount === 'string'
      ? minorOrUndefined(parseDecimalToMinor(b.amount))
      : undefined;
  const end = suffix(account);
  if (end === '99') return fail('011', 'INVALID ARGUMENTS'); // a wrong account is never processed
  const base = { provider: 'vtpass' as const, reference: ref, phone: account, network: biller.id };
  if (biller.type === 'electricity') {
    const meterType = str(b.variation_code);
    if (meterType !== 'prepaid' && meterType !== 'postpaid')
      return fail('010', 'VARIATION CODE DOES NOT EXIST');
    if (amountMinor === undefined || amountMinor <= 0) return fail('011', 'INVALID ARGUMENTS');
    if (end === '98' && amountMinor < MIN_NAIRA_98 * 100)
      return fail('013', 'BELOW MINIMUM AMOUNT ALLOWED');
    if (end === '97' && amountMinor > MAX_NAIRA_97 * 100)
      return fail('017', 'ABOVE MAXIMUM AMOUNT ALLOWED');
    return {
      ...base,
      service: 'electricity',
      planCode: meterType,
      amountMinor,
      bill: { serviceID, customerPhone },
    };
  }
  const bouquets = VTPASS_TV_BOUQUETS[serviceID]!.bouquets;
  const subscriptionType = str(b.subscription_type);
  const quantity = Number(str(b.quantity) ?? 1);
  if (!Number.isInteger(quantity) || quantity < 1)
    return fail('031', 'BELOW MINIMUM QUANTITY ALLOWED');
  if (quantity > 12) return fail('032', 'ABOVE MINIMUM QUANTITY ALLOWED');
  if (subscriptionType === 'renew') {
    // Renew takes the amount sent (the renewal amount from verify); no variation code.
    if (amountMinor === undefined || amountMinor <= 0) return fail('011', 'INVALID ARGUMENTS');
    return {
      ...base,
      service: 'tv',
      planCode: bouquets[0]!.code,
      amountMinor,
      bill: { serviceID, customerPhone, subscriptionType },
    };
  }
  const bouquet = bouquets.find((x) => x.code === str(b.variation_code));
  if (!bouquet) return fail('010', 'VARIATION CODE DOES NOT EXIST');
  const price = bouquet.priceNaira * 100 * quantity;
  return {
    ...base,
    service: 'tv',
    planCode: bouquet.code,
    // A fixed-price bouquet costs its price whatever amount is sent; the e-wallet takes the amount.
    amountMinor: bouquet.priceNaira > 0 ? price : (amountMinor ?? 0),
    bill: { serviceID, customerPhone, quantity, subscriptionType },
  };
}

/** 20 digits, the same for the same sale on every answer, as a real token is. */
export function tokenFor(reference: string): string {
  const n = BigInt(`0x${createHash('sha256').update(`token:${reference}`).digest('hex')}`);
  return (n % 10n ** 20n).toString().padStart(20, '0');
}

function voucherFor(reference: string): string {
  const hex = createHash('sha256').update(`voucher:${reference}`).digest('hex').toUpperCase();
  return `SHMV${hex.replace(/[^A-Z0-9]/g, '').slice(0, 11)}`;
}

/** Whether this answer shows the token: only once delivered, and per the 63/64 endings. */
function tokenShown(sale: Sale, via: 'pay' | 'requery' | 'callback'): boolean {
  if (sale.state !== 'SUCCESS') return false;
  if (sale.scenario === 'token-on-requery') return via !== 'pay';
  if (sale.scenario === 'token-later') return sale.laterDone === true;
  return true;
}

/** The bill fields of a pay, requery or callback body (vtpass-bills.md#pay, #requery). */
export function billFields(
  sale: Sale,
  via: 'pay' | 'requery' | 'callback',
): { top: Record<string, unknown>; txn: Record<string, unknown> } {
  const serviceID = sale.bill?.serviceID ?? '';
  const biller = billerByVtpassService(serviceID);
  const label = biller?.label ?? sale.network;
  const txn: Record<string, unknown> = {
    product_name:
      sale.service === 'electricity'
        ? `${label} Payment - ${sale.network}`
        : (VTPASS_TV_BOUQUETS[serviceID]?.serviceName ?? label),
    unique_element: sale.phone,
    type: sale.service === 'electricity' ? 'Electricity Bill' : 'TV Subscription',
    phone: sale.bill?.customerPhone,
    quantity: sale.bill?.quantity ?? 1,
    extras: null,
  };
  const show = tokenShown(sale, via);
  if (sale.service === 'tv') {
    if (serviceID !== 'showmax' || !show) return { top: { purchased_code: '' }, txn };
    const voucher = voucherFor(sale.reference);
    return {
      top: { purchased_code: voucher, Voucher: [voucher] },
      txn: { ...txn, extras: via === 'pay' ? null : voucher },
    };
  }
  const name = pick(NAMES, sale.phone);
  if (sale.planCode === 'postpaid')
    return {
      top: {
        purchased_code: '',
        customerName: name,
        customerAddress: `${pick(STREETS, sale.phone)}, ${label.toUpperCase()} BU`,
        meterNumber: null,
        utilityName: label,
        exchangeReference: sale.providerRef.slice(0, 16),
        balance: null,
      },
      txn,
    };
  if (!show) return { top: { purchased_code: '' }, txn };
  const token = `Token : ${tokenFor(sale.reference)}`;
  const tokenAmount = Math.round((minorToMajorNumber(sale.amountMinor) / 1.075) * 100) / 100;
  return {
    top: {
      purchased_code: token,
      customerName: name,
      customerAddress: 'N/A',
      meterNumber: sale.phone,
      token,
      tokenAmount,
      exchangeReference: sale.providerRef.slice(0, 8),
      resetToken: 'N/A',
      configureToken: 'N/A',
      units: `${(tokenAmount / 23.29).toFixed(1)} kWh`,
      tariff: 'R2 SINGLE PHASE RESIDENTIAL',
      debtAmount: 0,
      kct1: 'N/A',
      kct2: 'N/A',
    },
    txn: { ...txn, extras: via === 'pay' ? undefined : token },
  };
}

export function bouquetList(serviceID: string): Reply | null {
  const tv = VTPASS_TV_BOUQUETS[serviceID];
  if (!tv) return null;
  const list = tv.bouquets.map((x) => ({
    variation_code: x.code,
    name: x.name,
    variation_amount: `${x.priceNaira}.00`,
    fixedPrice: x.priceNaira > 0 ? 'Yes' : 'No',
  }));
  // Both spellings, as the current pages serve them (vtpass-bills.md#bouquets).
  return json({
    response_description: '000',
    content: {
      ServiceName: tv.serviceName,
      serviceID,
      convinience_fee: '0 %',
      variations: list,
      varations: list,
    },
  });
}
