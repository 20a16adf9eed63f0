// JoNet webhook (docs/providers/jonet.md#callbacks): JSON body; authenticated only by our own API key echoed in Authorization
// (INFERRED from the client handler, which strips "Bearer "). Reply 200 {"status":"received"}.
import { header, jsonAck, jsonBody, sameSecret } from '../callback';
import type { CallbackInput, CallbackParse } from '../types';
import { statusWord } from './map';
import { jonetWebhook } from './schemas';

export function parseJonetCallback(input: CallbackInput, apiKey: string): CallbackParse {
  const presented = (header(input, 'authorization') ?? '').replace(/^Bearer\s+/i, '').trim();
  if (!sameSecret(presented, apiKey))
    return { event: null, ack: jsonAck(401, { status: 'unauthorized' }) };
  const body = jsonBody(input);
  const parsed = jonetWebhook.safeParse(body);
  if (!parsed.success) return { event: null, ack: jsonAck(400, { status: 'invalid' }) };
  const p = parsed.data;
  // `server_response` ("Successful"/"Processing") is the CONFIRMED field; fall back to `status`.
  const word = p.server_response ?? p.status;
  return {
    event: {
      reference: p.customer_id,
      hint: statusWord(word) ?? 'UNKNOWN',
      providerCode: word ?? 'none',
      raw: body,
    },
    ack: jsonAck(200, { status: 'received' }),
  };
}
