// VTpass webhook (docs/providers/vtpass.md#callbacks): {type:"transaction-update", data:{...requery-shaped..., requestId}}.
// No signature is documented; ack {"response":"success"} or VTpass resends (up to 5 times).
import { jsonAck, jsonBody } from '../callback';
import type { CallbackInput, CallbackParse } from '../types';
import { mapVtpassRequery } from './map';
import { vtpassWebhook } from './schemas';

const ACK = jsonAck(200, { response: 'success' });

export function parseVtpassCallback(input: CallbackInput): CallbackParse {
  const body = jsonBody(input);
  const parsed = vtpassWebhook.safeParse(body);
  if (!parsed.success) return { event: null, ack: jsonAck(400, { response: 'invalid' }) };
  // Variation-code updates share the endpoint: acknowledge, but they are not a transaction event.
  if (parsed.data.type !== 'transaction-update') return { event: null, ack: ACK };
  const mapped = mapVtpassRequery(parsed.data.data, []);
  return {
    event: {
      reference: parsed.data.data.requestId,
      hint: mapped.status,
      providerCode: mapped.providerCode,
      raw: body,
    },
    ack: ACK,
  };
}
