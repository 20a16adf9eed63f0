/**
 * One sale as the agent's browser sends it: a fetch to the page with `Next-Action`, a multipart body
 * encoded the way React's `useActionState` form does (fields prefixed `_1_`, the root `[prevState, $K1]`),
 * and the router-state header. Recorded from Chromium on /buy/airtime and replayed field for field.
 */
import { minorOrUndefined, parseDecimalToMinor } from '../lib/money';
export const SALE_PAGE = '/buy/airtime';
const BOUNDARY = '----BenchFormBoundary7MA4YWxkTrZu0gW';

// The router state the browser sends from /buy/airtime (decoded from `next-router-state-tree`).
const ROUTER_STATE = JSON.stringify([
  '',
  {
    children: [
      '(portal)',
      {
        children: [
          'buy',
          { children: ['airtime', { children: ['__PAGE__', {}, null, null, 0] }, null, null, 0] },
          null,
          null,
          0,
        ],
      },
      null,
      null,
      0,
    ],
  },
  null,
  null,
  16,
]);

export interface SaleFields {
  idempotencyKey: string;
  productId: number;
  network: string;
  phone: string;
  amount: string;
}

export function saleHeaders(
  actionId: string,
  cookie: string,
  origin: string,
): Record<string, string> {
  return {
    accept: 'text/x-component',
    'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    'next-action': actionId,
    'next-router-state-tree': encodeURIComponent(ROUTER_STATE),
    origin,
    referer: `${origin}${SALE_PAGE}`,
    cookie,
  };
}

export function saleBody(actionId: string, f: SaleFields): string {
  const parts: [string, string][] = [
    ['_1_$ACTION_REF_1', ''],
    ['_1_$ACTION_1:0', JSON.stringify({ id: actionId, bound: '$@1' })],
    ['_1_$ACTION_1:1', '[null]'],
    ['_1_$ACTION_KEY', 'k0000000000000000000000000000bench'],
    ['_1_idempotencyKey', f.idempotencyKey],
    ['_1_productId', String(f.productId)],
    ['_1_network', f.network],
    ['_1_phone', f.phone],
    // The sale form posts the amount in minor units, under the sale input's own key.
    ['_1_amountMinor', String(minorOrUndefined(parseDecimalToMinor(f.amount)))],
    ['0', '[null,"$K1"]'],
  ];
  return `${parts.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('')}--${BOUNDARY}--\r\n`;
}

/** A sale the portal accepted: the action's result object is in the RSC payload. */
export const saleAccepted = (body: string | Buffer | undefined) =>
  body !== undefined && body.toString().includes('"kind":"sold"');

/** The action's refusal of a form with no number: session, decoding and zod ran, nothing else. */
export const saleRefused = (body: string | Buffer | undefined) =>
  body !== undefined && body.toString().includes('Please correct the highlighted fields.');
