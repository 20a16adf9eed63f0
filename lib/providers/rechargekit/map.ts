// Pure mapping of RechargeKit answers. Code table: docs/providers/rechargekit.md#codes (apidocs.rechargkit.biz prepaid/status pages).
import { minorOrUndefined, parseDecimalToMinor } from '../../money';
import { parseDataMb, parseValidityDays } from '../plan-name';
import type { CatalogueItem, Exchange, ProviderResult, TxnStatus } from '../types';
import { rkPlan, type RkReply } from './schemas';

export const RK_STATUS: Record<number, TxnStatus> = {
  1: 'SUCCESS', // docs: '1' for SUCCESS
  2: 'PENDING', // docs: '2' for PENDING
  3: 'FAILED', // docs: '3' for FAILURE, after processing: refund
};
export const RK_OTHER_STATUS: TxnStatus = 'PENDING'; // status-check docs: "others for hold"

/**
 * statusCheck `error` codes that describe the order rather than the query. The not-found answer is a
 * GAP in RechargeKit's docs; this code is INFERRED (the simulator's) and kept here so it can be changed
 * in one place. It is read from the `error` field, never from `msg`: an auth error's wording can look
 * like "invalid order"/"invalid partner" too. Any other non-zero error is about the query: UNKNOWN.
 */
export const RK_STATUS_CHECK_ERRORS: Record<number, TxnStatus> = {
  3: 'NOT_FOUND', // INFERRED: "no such partner_request_id / order"
};

const DUPLICATE = /duplicate/i; // the docs' example {"error":1,"msg":"Duplicate order, Order ID must be unique"}: the only documented signal
const REFUND = /refund|revers/i; // INFERRED: a status-3 after success carrying refund wording is a reversal

function base(r: RkReply, exchanges: Exchange[]) {
  const code = r.error === 0 ? `error=0,status=${r.status ?? 'none'}` : `error=${r.error}`;
  return {
    providerCode: code,
    message: r.msg ?? r.message,
    providerRef: r.orderid,
    operatorRef: r.optransid || undefined,
    exchanges,
  };
}

function byStatus(r: RkReply): TxnStatus {
  if (r.status === undefined) return RK_OTHER_STATUS;
  return RK_STATUS[r.status] ?? RK_OTHER_STATUS;
}

export function mapRkPurchase(r: RkReply, exchanges: Exchange[]): ProviderResult {
  if (r.error === 0) return { ...base(r, exchanges), status: byStatus(r) }; // error 0 = accepted, read status
  if (DUPLICATE.test(r.msg ?? r.message ?? ''))
    return { ...base(r, exchanges), status: 'PENDING', duplicate: true };
  // docs: error ≠ 0 means the request was not processed ("process again"): another provider may take it.
  return { ...base(r, exchanges), status: 'NOT_PROCESSED' };
}

export function mapRkStatus(r: RkReply, exchanges: Exchange[]): ProviderResult {
  if (r.error === 0) {
    const status = byStatus(r);
    return {
      ...base(r, exchanges),
      status: status === 'FAILED' && REFUND.test(r.msg ?? r.message ?? '') ? 'REVERSED' : status,
    };
  }
  return { ...base(r, exchanges), status: RK_STATUS_CHECK_ERRORS[r.error] ?? 'UNKNOWN' };
}

export function mapRkPlans(
  network: string,
  circle: string,
  operatorCode: string,
  items: unknown[],
): CatalogueItem[] {
  return items.flatMap((raw): CatalogueItem[] => {
    const p = rkPlan.safeParse(raw);
    const priceMinor = p.success ? minorOrUndefined(parseDecimalToMinor(p.data.amount)) : undefined; // amounts are rupees
    if (!p.success || priceMinor === undefined || p.data.is_valid === false) return [];
    const label = [p.data.data, p.data.validity, p.data.description].filter(Boolean).join(' ');
    return [
      {
        provider: 'rechargekit',
        currency: 'INR',
        network,
        circle,
        type: 'data',
        planCode:
          p.data.plan_id ?? p.data._id ?? `${operatorCode}:${circle}:${String(p.data.amount)}`,
        name: p.data.description ?? label,
        dataMb: p.data.data ? parseDataMb(p.data.data) : undefined,
        validityDays: p.data.validity ? parseValidityDays(p.data.validity) : undefined,
        priceMinor,
        raw,
      },
    ];
  });
}
