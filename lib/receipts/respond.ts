import type { ReceiptLookup } from './lookup';

/** On the receipt page (next.config.mjs) and on every answer of its polling route. */
export const RECEIPT_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex',
} as const;

/** One body and status for every token that opens nothing: missing, guessed or malformed alike. */
export const NOT_FOUND_BODY = { error: 'Receipt not found.' } as const;

export function receiptResponse(result: ReceiptLookup): Response {
  if (result.ok) return Response.json(result.receipt, { headers: RECEIPT_HEADERS });
  if (result.reason === 'throttled') {
    return Response.json(
      { error: 'Too many receipt lookups from this network. Wait a few minutes.' },
      {
        status: 429,
        headers: {
          ...RECEIPT_HEADERS,
          'Retry-After': String(Math.max(1, Math.ceil(result.retryAfterMs / 1000))),
        },
      },
    );
  }
  return Response.json(NOT_FOUND_BODY, { status: 404, headers: RECEIPT_HEADERS });
}
