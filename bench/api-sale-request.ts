/**
 * One sale through the REST API, as a reseller's software sends it: JSON, a Bearer key, and a new
 * Idempotency-Key and MTN number per request (so every request is a new sale, never a replay).
 */
import type autocannon from 'autocannon';

export const API_SALES_PATH = '/api/v1/sales';

const MTN_PREFIXES = ['0803', '0806', '0813', '0816', '0703', '0706', '0903', '0906'];

export function apiSaleSetup(spec: {
  apiKey: string;
  productId: number;
  amountMinor: number;
  phase: number;
}) {
  let n = 0;
  const prefix = MTN_PREFIXES[spec.phase % MTN_PREFIXES.length]!;
  const stamp = Date.now().toString(36);
  return (req: autocannon.Request) => {
    n += 1;
    const phone = `${prefix}${String(n % 100_000).padStart(5, '0')}${String(n % 50).padStart(2, '0')}`;
    return {
      ...req,
      headers: {
        authorization: `Bearer ${spec.apiKey}`,
        'content-type': 'application/json',
        'idempotency-key': `bench-api-${spec.phase}-${stamp}-${n}`,
      },
      body: JSON.stringify({ productId: spec.productId, phone, amountMinor: spec.amountMinor }),
    };
  };
}

/** A sale the API made: its answer is the sale resource (201 or 202), not a problem document. */
export const apiSaleAccepted = (body: string | Buffer | undefined) =>
  body !== undefined && body.toString().includes('"reference":');
