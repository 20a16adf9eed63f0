// RechargeKit callback (docs/providers/rechargekit.md#callbacks): {status, orderid, opttranid (sic), pid, commission}; delivery as
// GET query or POST JSON is a GAP, so both are read. No signature is known: a hint, verified by statusCheck.
import { jsonAck, jsonBody } from '../callback';
import type { CallbackInput, CallbackParse } from '../types';
import { mapRkStatus } from './map';
import { rkCallback } from './schemas';

export function parseRechargekitCallback(input: CallbackInput): CallbackParse {
  const source = input.method.toUpperCase() === 'GET' ? input.query : jsonBody(input);
  const parsed = rkCallback.safeParse(source);
  if (!parsed.success) return { event: null, ack: jsonAck(400, { status: 'invalid' }) };
  const p = parsed.data;
  const mapped = mapRkStatus({ error: 0, status: p.status, msg: p.msg, orderid: p.orderid }, []);
  return {
    event: {
      reference: p.pid,
      hint: mapped.status,
      providerCode: mapped.providerCode,
      raw: source,
    },
    ack: jsonAck(200, { status: 'ok' }),
  };
}
