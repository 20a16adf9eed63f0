// VTpass wire protocol (docs/providers/vtpass.md): api-key + public-key (GET) / secret-key (POST), or Basic email:password;
// HTTP 200 with `code` in the body; request_id = Lagos YYYYMMDDHHmm + suffix; 019 same service+phone window.
import {
  minorOrUndefined,
  minorToDecimal2,
  minorToMajorNumber,
  parseDecimalToMinor,
} from '../../lib/money';
import { lagosDateTimeText, LAGOS_TIME_ZONE } from '../../lib/time/lagos';
import { NG_PLANS, VTPASS_AIRTIME_SERVICES, VTPASS_DATA_SERVICES } from '../catalogue';
import type { NewSale, Sale } from '../sales';
import {
  basicCredentials,
  GARBLED,
  json,
  obj,
  str,
  type ProviderHandler,
  type Reply,
  type SimRequest,
} from '../wire';
import { billerByVtpassService } from '../../lib/bills/billers';
import { lagosReferenceOk, type HandlerContext } from './context';
import { billFields, billSale, bouquetList, verifyBill } from './vtpass-bills';

const AIRTIME_NETWORK: Record<string, string> = {
  mtn: 'MTN',
  glo: 'GLO',
  airtel: 'AIRTEL',
  etisalat: '9MOBILE',
};
const INNER: Record<Sale['state'], string> = {
  SUCCESS: 'delivered',
  PENDING: 'pending',
  FAILED: 'failed',
  REVERSED: 'reversed',
};
const fail = (code: string, response_description: string) => json({ code, response_description });

export function createVtpassHandler(
  ctx: HandlerContext,
  duplicateWindowMs: number,
): ProviderHandler {
  const c = ctx.credentials;
  const lastByServicePhone = new Map<string, number>();

  function authorised(req: SimRequest): boolean {
    const basic = basicCredentials(req.headers.authorization);
    if (basic) return basic[0] === c.email && basic[1] === c.password;
    if (req.headers['api-key'] !== c.apiKey) return false;
    // POST needs secret-key; GET takes public-key, and some clients send secret-key on GET (accept either).
    if (req.method === 'POST') return req.headers['secret-key'] === c.secretKey;
    return req.headers['public-key'] === c.publicKey || req.headers['secret-key'] === c.secretKey;
  }

  function txnBody(
    sale: Sale,
    code = '000',
    description = 'TRANSACTION SUCCESSFUL',
    inner = INNER[sale.state],
    via: 'pay' | 'requery' | 'callback' = 'requery',
  ) {
    const body = topUpBody(sale, code, description, inner);
    if (sale.service !== 'electricity' && sale.service !== 'tv') return body;
    const fields = billFields(sale, via);
    return {
      ...body,
      content: { transactions: { ...body.content.transactions, ...fields.txn } },
      ...fields.top,
    };
  }

  function topUpBody(sale: Sale, code: string, description: string, inner: string) {
    const airtime = sale.service === 'airtime';
    return {
      code,
      response_description: description,
      content: {
        transactions: {
          status: inner,
          product_name: airtime ? `${sale.network} Airtime VTU` : `${sale.network} Data`,
          unique_element: sale.phone,
          unit_price: minorToMajorNumber(sale.amountMinor),
          quantity: 1,
          channel: 'api',
          type: airtime ? 'Airtime Recharge' : 'Data Services',
          phone: sale.phone,
          amount: minorToMajorNumber(sale.amountMinor),
          platform: 'api',
          method: 'wallet',
          transactionId: sale.providerRef,
        },
      },
      requestId: sale.reference,
      // type drift, reproduced on purpose: airtime gets the older string amount + date object, data the newer forms.
      amount: airtime ? minorToDecimal2(sale.amountMinor) : minorToMajorNumber(sale.amountMinor),
      transaction_date: airtime
        ? {
            date: `${lagosDateTimeText(sale.createdAt.getTime())}.000000`,
            timezone_type: 3,
            timezone: LAGOS_TIME_ZONE,
          }
        : sale.createdAt.toISOString(),
      purchased_code: '',
    };
  }

  function saleReply(sale: Sale): Reply {
    if (sale.state === 'FAILED')
      return json(txnBody(sale, '016', 'TRANSACTION FAILED', INNER.FAILED, 'pay'));
    if (sale.state === 'PENDING')
      return json(txnBody(sale, '000', 'TRANSACTION PROCESSING', 'initiated', 'pay'));
    return json(txnBody(sale, '000', 'TRANSACTION SUCCESSFUL', INNER[sale.state], 'pay'));
  }

  function pay(req: SimRequest): Reply {
    const b = obj(req.json);
    const ref = str(b.request_id) ?? '';
    const serviceID = str(b.serviceID) ?? '';
    const phone = str(b.phone) ?? str(b.billersCode) ?? '';
    if (ref.length < 12 || !lagosReferenceOk(ctx, ref))
      return fail('085', 'IMPROPER REQUEST ID: DATE NOT TODAY OR INVALID');
    if (billerByVtpassService(serviceID)) return payBill(req, ref);
    const dataNetwork = VTPASS_DATA_SERVICES[serviceID];
    const airtimeNetwork = AIRTIME_NETWORK[serviceID];
    if (!dataNetwork && !(airtimeNetwork && VTPASS_AIRTIME_SERVICES.includes(serviceID)))
      return fail('012', 'PRODUCT DOES NOT EXIST');
    if (!phone) return fail('011', 'INVALID ARGUMENTS');
    let amountMinor: number | undefined;
    let planCode: string | undefined;
    if (dataNetwork) {
      const plan = NG_PLANS.find(
        (p) => p.network === dataNetwork && p.vtpass?.code === str(b.variation_code),
      );
      if (!plan) return fail('010', 'VARIATION CODE DOES NOT EXIST');
      amountMinor = plan.priceNaira * 100; // fixedPrice "Yes": the sent amount is ignored
      planCode = plan.vtpass?.code;
    } else {
      amountMinor =
        typeof b.amount === 'number' || typeof b.amount === 'string'
          ? minorOrUndefined(parseDecimalToMinor(b.amount))
          : undefined;
      if (amountMinor === undefined || amountMinor <= 0) return fail('011', 'INVALID ARGUMENTS');
    }
    if (ctx.book.get('vtpass', ref)) return fail('014', 'REQUEST ID ALREADY EXIST');
    const key = `${serviceID}:${phone}`;
    const last = lastByServicePhone.get(key);
    if (
      duplicateWindowMs > 0 &&
      last !== undefined &&
      ctx.now().getTime() - last < duplicateWindowMs
    ) {
      return fail('019', 'LIKELY DUPLICATE TRANSACTION'); // same service + biller within 30 s
    }
    lastByServicePhone.set(key, ctx.now().getTime());
    const network = dataNetwork ?? airtimeNetwork ?? '';
    return record({
      provider: 'vtpass',
      reference: ref,
      phone,
      network,
      service: dataNetwork ? 'data' : 'airtime',
      planCode,
      amountMinor,
    });
  }

  /** Electricity and TV (vtpass-bills.md#pay): the bill checks, then the same book and endings. */
  function payBill(req: SimRequest, ref: string): Reply {
    const sale = billSale(req, ref);
    if (!('provider' in sale)) return sale;
    if (ctx.book.get('vtpass', ref)) return fail('014', 'REQUEST ID ALREADY EXIST');
    const key = `${str(obj(req.json).serviceID)}:${sale.phone}`;
    const last = lastByServicePhone.get(key);
    if (
      duplicateWindowMs > 0 &&
      last !== undefined &&
      ctx.now().getTime() - last < duplicateWindowMs
    )
      return fail('019', 'LIKELY DUPLICATE TRANSACTION');
    lastByServicePhone.set(key, ctx.now().getTime());
    return record(sale);
  }

  function record(sale: NewSale): Reply {
    const d = ctx.book.purchase(sale);
    if (d.kind === 'duplicate') return fail('014', 'REQUEST ID ALREADY EXIST');
    if (d.kind === 'not-processed') return fail('091', 'TRANSACTION NOT PROCESSED');
    if (d.kind === 'reset') return { kind: 'reset' };
    const garbled = GARBLED[d.transport];
    if (garbled) return garbled;
    return d.transport === 'timeout'
      ? { kind: 'hold', then: saleReply(d.sale) }
      : saleReply(d.sale);
  }

  function requery(req: SimRequest): Reply {
    const sale = ctx.book.get('vtpass', str(obj(req.json).request_id) ?? '');
    if (!sale) return fail('015', 'INVALID REQUEST ID');
    const description = {
      SUCCESS: 'TRANSACTION SUCCESSFUL',
      PENDING: 'TRANSACTION PROCESSING',
      FAILED: 'TRANSACTION FAILED',
      REVERSED: 'TRANSACTION REVERSED',
    }[sale.state];
    return json(txnBody(sale, '000', description, INNER[sale.state], 'requery'));
  }

  function variations(req: SimRequest): Reply {
    const serviceID = req.query.serviceID ?? '';
    const bouquets = bouquetList(serviceID);
    if (bouquets) return bouquets;
    const network = VTPASS_DATA_SERVICES[serviceID];
    if (!network) return fail('012', 'PRODUCT DOES NOT EXIST');
    const list = NG_PLANS.filter((p) => p.network === network && p.vtpass).map((p) => ({
      variation_code: p.vtpass?.code,
      name: p.vtpass?.name,
      variation_amount: `${p.priceNaira}.00`,
      fixedPrice: 'Yes',
    }));
    // the key is `varations` on some doc pages and `variations` on others; serve both spellings.
    const key =
      serviceID === 'mtn-data' || serviceID === 'etisalat-data' ? 'varations' : 'variations';
    return json({
      response_description: '000',
      content: { ServiceName: `${network} Data`, serviceID, convinience_fee: '0 %', [key]: list },
    });
  }

  return {
    handle(req) {
      if (!authorised(req)) return fail('087', 'INVALID CREDENTIALS');
      const p = ctx.paths;
      if (req.method === 'POST' && req.path === p.pay) return pay(req);
      if (req.method === 'POST' && req.path === p.requery) return requery(req);
      if (req.method === 'POST' && req.path === p.verify) return verifyBill(req);
      if (req.method === 'GET' && req.path === p.variations) return variations(req);
      if (req.method === 'GET' && req.path === p.balance)
        return json({
          code: 1,
          contents: { balance: minorToMajorNumber(ctx.book.balance('vtpass')) },
        });
      return json(
        { code: '011', response_description: `UNKNOWN ENDPOINT ${req.method} ${req.path}` },
        404,
      );
    },
    callbackFor(sale) {
      const reversed = sale.state === 'REVERSED';
      const data = {
        ...txnBody(
          sale,
          reversed ? '040' : '000',
          reversed ? 'TRANSACTION REVERSAL' : `TRANSACTION ${INNER[sale.state].toUpperCase()}`,
          INNER[sale.state],
          'callback',
        ),
        transaction_date: null,
      };
      return {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'transaction-update', data }),
        attempts: 5, // resent until {"response":"success"}, up to 5 times
        isAcked: (_status, body) => {
          try {
            return (JSON.parse(body) as { response?: unknown }).response === 'success';
          } catch {
            return false;
          }
        },
      };
    },
  };
}
