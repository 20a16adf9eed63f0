// CWG callback: GAP (docs/providers/cwg.md#callbacks). The shape below is INFERRED and is what
// our simulator sends: POST JSON { transactionReference, status: SUCCESSFUL|PENDING|FAILED|REVERSED, cwgReference? }.
// No authentication is known, so it is only a hint; the portal requeries before moving money.
import { jsonAck, jsonBody } from '../callback';
import type { CallbackInput, CallbackParse } from '../types';
import { CWG_TRANSACTION_STATUS } from './map';
import { cwgCallback } from './schemas';

export function parseCwgCallback(input: CallbackInput): CallbackParse {
  const body = jsonBody(input);
  const parsed = cwgCallback.safeParse(body);
  if (!parsed.success) return { event: null, ack: jsonAck(400, { status: 'invalid' }) };
  const word = parsed.data.status.toUpperCase();
  return {
    event: {
      reference: parsed.data.transactionReference,
      hint: CWG_TRANSACTION_STATUS[word]?.status ?? 'UNKNOWN',
      providerCode: `status=${word}`,
      raw: body,
    },
    ack: jsonAck(200, { status: 'received' }),
  };
}
