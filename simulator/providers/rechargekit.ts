// RechargeKit v2 wire protocol (docs/providers/rechargekit.md): Bearer token, JSON, {error, msg, status 1/2/3, orderid, optransid}.
import {
  minorOrUndefined,
  minorToMajorNumber,
  minorToWholeOrDecimal2,
  parseDecimalToMinor,
  shareOf,
} from '../../lib/money';
import { RK_CIRCLES, RK_OPERATORS, rkPlans } from '../catalogue';
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
import type { HandlerContext } from './context';

const STATUS: Record<Sale['state'], number> = { SUCCESS: 1, PENDING: 2, FAILED: 3, REVERSED: 3 };
const MSG: Record<Sale['state'], string> = {
  SUCCESS: 'success',
  PENDING: 'order in queue',
  FAILED: 'failure',
  REVERSED: 'Refunded',
};
/** The 3 % commission RechargeKit reports on each sale (a display field: the portal settles with its own rates). */
const RK_COMMISSION_BPS = 300;
const err = (error: number, msg: string, status = 200) => json({ error, msg }, status);

export function createRechargekitHandler(ctx: HandlerContext): ProviderHandler {
  const token = ctx.credentials.token ?? '';

  const saleBody = (sale: Sale) => ({
    error: 0,
    msg: MSG[sale.state],
    status: STATUS[sale.state],
    orderid: sale.providerRef,
    optransid: sale.state === 'SUCCESS' || sale.state === 'REVERSED' ? sale.operatorRef : '',
    partnerreqid: sale.reference,
    commission: minorToMajorNumber(shareOf(sale.amountMinor, RK_COMMISSION_BPS)),
    amount: minorToMajorNumber(sale.amountMinor),
    user_var1: sale.planCode ?? '',
    user_var2: '',
    user_var3: '',
  });

  function prepaid(req: SimRequest): Reply {
    const b = obj(req.json);
    const ref = str(b.partner_request_id);
    // a client sent `partner_req_id`; reject missing/unknown reference keys.
    if (!ref || !/^[0-9A-Za-z]{1,64}$/.test(ref))
      return err(1, 'Invalid or missing partner_request_id');
    const phone = str(b.mobile_no) ?? '';
    if (!/^[6-9]\d{9}$/.test(phone)) return err(1, 'Invalid mobile_no');
    const network = RK_OPERATORS[Number(b.operator_code)];
    if (!network) return err(1, 'Invalid operator_code');
    if (!RK_CIRCLES.some((c) => c.code === Number(b.circle))) return err(1, 'Invalid circle');
    const amountMinor =
      typeof b.amount === 'number' || typeof b.amount === 'string'
        ? minorOrUndefined(parseDecimalToMinor(b.amount))
        : undefined;
    if (amountMinor === undefined || amountMinor <= 0) return err(1, 'Invalid amount');
    const planCode = str(b.user_var1) || undefined;
    const d = ctx.book.purchase({
      provider: 'rechargekit',
      reference: ref,
      phone,
      network,
      service: planCode ? 'data' : 'airtime',
      planCode,
      amountMinor,
    });
    if (d.kind === 'duplicate') return err(1, 'Duplicate order, Order ID must be unique'); // the docs' example
    if (d.kind === 'not-processed')
      return err(2, 'Operator temporarily unavailable, please process again');
    if (d.kind === 'reset') return { kind: 'reset' };
    const garbled = GARBLED[d.transport];
    if (garbled) return garbled;
    const reply = json(saleBody(d.sale));
    return d.transport === 'timeout' ? { kind: 'hold', then: reply } : reply;
  }

  function statusCheck(req: SimRequest): Reply {
    const b = obj(req.json);
    const ref = str(b.partner_request_id);
    const byOrder = str(b.order_id);
    const sale = ref
      ? ctx.book.get('rechargekit', ref)
      : ctx.book.list().find((s) => s.provider === 'rechargekit' && s.providerRef === byOrder);
    return sale ? json(saleBody(sale)) : err(3, 'Order not found'); // INFERRED not-found code (lib/providers/rechargekit/map.ts)
  }

  function planFetch(req: SimRequest): Reply {
    const b = obj(req.json);
    const operator = Number(b.operator_code);
    const circle = Number(b.circle);
    if (!RK_OPERATORS[operator] || !RK_CIRCLES.some((c) => c.code === circle))
      return err(1, 'No plans for this operator/circle');
    return json({
      error: 0,
      msg: 'success',
      status: 1,
      planData: {
        circle_id: circle,
        _id: `${operator}-${circle}`,
        plan: rkPlans(operator, circle),
      },
    });
  }

  return {
    handle(req) {
      if (req.headers.authorization !== `Bearer ${token}`)
        return err(1, 'Unauthorized: invalid token', 401);
      const p = ctx.paths;
      if (req.method === 'POST' && req.path === p.recharge) return prepaid(req);
      if (req.method === 'POST' && req.path === p.status) return statusCheck(req);
      if (req.method === 'POST' && req.path === p.plans) return planFetch(req);
      if (req.method === 'GET' && req.path === p.balance)
        return json({
          error: 0,
          wallet_amount: minorToWholeOrDecimal2(ctx.book.balance('rechargekit')),
        });
      return err(1, `Unknown endpoint ${req.method} ${req.path}`, 404);
    },
    callbackFor(sale) {
      return {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        // the callback payload (docs/providers/rechargekit.md#callbacks); `msg` is INFERRED so a refund can be told from a plain failure.
        body: JSON.stringify({
          status: STATUS[sale.state],
          orderid: sale.providerRef,
          opttranid: sale.operatorRef,
          pid: sale.reference,
          commission: 0,
          msg: MSG[sale.state],
        }),
        attempts: 3,
        isAcked: (status) => is2xx(status),
      };
    },
  };
}
