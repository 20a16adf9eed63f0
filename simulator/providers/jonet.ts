// JoNet wire protocol (docs/providers/jonet.md): raw key in Authorization (Bearer accepted with a warning), JSON bodies,
// HTTP 200 with responseCode in the body, customer_id = Lagos YYYYMMDDHHmm + up to 8 more digits (the
// document: "can be concatenated with any other numeric string"; its examples are all digits).
import { minorToWholeOrDecimal2, minorOrUndefined, parseDecimalToMinor } from '../../lib/money';
import { NG_PLANS } from '../catalogue';
import type { Sale } from '../sales';
import {
  GARBLED,
  is2xx,
  json,
  obj,
  str,
  type ProviderHandler,
  type Reply,
  type SimRequest,
} from '../wire';
import { lagosReferenceOk, type HandlerContext } from './context';

const NETWORKS: Record<string, string> = {
  MTN: 'MTN',
  GLO: 'GLO',
  AIRTEL: 'AIRTEL',
  '9MOBILE': '9MOBILE',
};
const code = (responseCode: string, message: string, extra: Record<string, unknown> = {}) =>
  json({ responseCode, message, ...extra });

export function createJonetHandler(ctx: HandlerContext): ProviderHandler {
  const apiKey = ctx.credentials.apiKey ?? '';

  function saleReply(sale: Sale): Reply {
    const ids = { customer_id: sale.reference, transaction_id: sale.providerRef };
    if (sale.state === 'SUCCESS') return code('200', 'Transaction successful', ids);
    if (sale.state === 'PENDING') return code('201', 'Processing', ids);
    return code('JO106', 'Failed', ids);
  }

  function purchase(req: SimRequest, service: 'airtime' | 'data'): Reply {
    const b = obj(req.json);
    const ref = str(b.customer_id) ?? '';
    const phone = str(b.phone) ?? '';
    if (!/^\d{12,20}$/.test(ref) || !lagosReferenceOk(ctx, ref))
      return code(
        'JO104',
        'Wrong customer ID format. Please check the documentation for the right format',
      );
    if (!/^0\d{10}$/.test(phone))
      return code('JO103', 'Wrong Phone number format. Phone number must start with Zero');
    let network: string | undefined;
    let amountMinor: number | undefined;
    let planCode: string | undefined;
    if (service === 'airtime') {
      network = NETWORKS[(str(b.network) ?? '').toUpperCase()];
      amountMinor =
        typeof b.amount === 'string' ? minorOrUndefined(parseDecimalToMinor(b.amount)) : undefined; // amount is a string
    } else {
      const plan = NG_PLANS.find((p) => p.jonet?.code === str(b.code));
      network = plan?.network;
      amountMinor = plan ? plan.priceNaira * 100 : undefined;
      planCode = plan?.jonet?.code;
    }
    if (!network || amountMinor === undefined || amountMinor <= 0)
      return code('JO102', 'Invalid request parameters data');
    const d = ctx.book.purchase({
      provider: 'jonet',
      reference: ref,
      phone,
      network,
      service,
      planCode,
      amountMinor,
    });
    if (d.kind === 'duplicate') return code('JO105', 'Duplicate Customer reference / ID');
    if (d.kind === 'not-processed')
      return code('105', 'Unable to process request, please try again');
    if (d.kind === 'reset') return { kind: 'reset' };
    const garbled = GARBLED[d.transport];
    if (garbled) return garbled;
    return d.transport === 'timeout'
      ? { kind: 'hold', then: saleReply(d.sale) }
      : saleReply(d.sale);
  }

  function requery(req: SimRequest): Reply {
    const ref = str(obj(req.json).customer_id) ?? str(req.query.customer_id) ?? '';
    const sale = ctx.book.get('jonet', ref);
    if (!sale) return code('JO110', 'Transaction not found');
    const ids = { customer_id: ref, transaction_id: sale.providerRef };
    // INFERRED requery shape (GAP): the webhook's status word rides along.
    if (sale.state === 'PENDING')
      return code('JO119', 'transaction not yet completed', { ...ids, status: 'Processing' });
    if (sale.state === 'FAILED') return code('JO106', 'Failed', { ...ids, status: 'Failed' });
    if (sale.state === 'REVERSED')
      return code('200', 'Transaction reversed', { ...ids, status: 'Reversed' });
    return code('200', 'Transaction successful', { ...ids, status: 'Successful' });
  }

  const routes: Record<string, { method: string; run: (req: SimRequest) => Reply }> = {
    [ctx.paths.airtime ?? '']: { method: 'POST', run: (r) => purchase(r, 'airtime') },
    [ctx.paths.data ?? '']: { method: 'POST', run: (r) => purchase(r, 'data') },
    [ctx.paths.requery ?? '']: { method: 'POST', run: requery },
    [ctx.paths.catalogue ?? '']: {
      method: 'GET',
      run: () =>
        json({
          responseCode: '200',
          message: 'Data plans',
          data: NG_PLANS.flatMap((p) =>
            p.jonet
              ? [
                  {
                    code: p.jonet.code,
                    network: p.network,
                    name: p.jonet.name,
                    price: String(p.priceNaira),
                    status: 'AVAILABLE',
                  },
                ]
              : [],
          ),
        }),
    },
    [ctx.paths.balance ?? '']: {
      method: 'GET',
      run: () =>
        code('200', 'Balance', { balance: minorToWholeOrDecimal2(ctx.book.balance('jonet')) }),
    },
  };

  return {
    handle(req) {
      const auth = req.headers.authorization;
      if (!auth) return code('101', 'No Authorization Header Found');
      if (/^Bearer\s/i.test(auth))
        ctx.log(
          'jonet: Authorization sent with "Bearer"; JoNet expects the raw key (docs/providers/jonet.md#auth)',
        );
      if (auth.replace(/^Bearer\s+/i, '') !== apiKey) return code('102', 'invalid authorization');
      const route = routes[req.path];
      if (!route)
        return json({ responseCode: 'JO102', message: `unknown endpoint ${req.path}` }, 404);
      if (route.method !== req.method) return code('103', 'Wrong Request Method');
      return route.run(req);
    },
    callbackFor(sale) {
      const word =
        sale.state === 'SUCCESS'
          ? 'Successful'
          : sale.state === 'PENDING'
            ? 'Processing'
            : sale.state === 'FAILED'
              ? 'Failed'
              : 'Reversed';
      return {
        method: 'POST',
        headers: { Authorization: apiKey, 'Content-Type': 'application/json' }, // our own key echoed back (INFERRED)
        body: JSON.stringify({
          status: word.toLowerCase(),
          server_response: word,
          type: sale.service,
          customer_id: sale.reference,
          receipent: sale.phone,
          vendor_id: sale.providerRef,
          balance: minorToWholeOrDecimal2(ctx.book.balance('jonet')),
        }),
        attempts: 3, // JoNet retry policy is a GAP
        isAcked: (status) => is2xx(status),
      };
    },
  };
}
