// Delivers provider-style callbacks to the portal at `${callbackBaseUrl}/api/callbacks/<provider>` when a
// pending sale resolves or a sale is reversed. Retries per provider (VTpass: up to 5 until {"response":"success"}).
import type { ProviderId } from '../lib/providers/registry';
import type { OutgoingCallback } from './wire';

export interface CallbackDelivery {
  provider: ProviderId;
  reference: string;
  attempts: number;
  acked: boolean;
  lastStatus?: number;
  lastError?: string;
}

export async function deliverCallback(
  baseUrl: string,
  provider: ProviderId,
  reference: string,
  cb: OutgoingCallback,
  retryDelayMs: number,
  isClosed: () => boolean,
): Promise<CallbackDelivery> {
  const url = `${baseUrl.replace(/\/+$/, '')}/api/callbacks/${provider}`;
  const result: CallbackDelivery = { provider, reference, attempts: 0, acked: false };
  for (let attempt = 1; attempt <= cb.attempts && !isClosed(); attempt++) {
    result.attempts = attempt;
    try {
      const res = await fetch(url, {
        method: cb.method,
        headers: cb.headers,
        body: cb.body,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      result.lastStatus = res.status;
      if (cb.isAcked(res.status, text)) {
        result.acked = true;
        return result;
      }
    } catch (err) {
      result.lastError = err instanceof Error ? err.message : String(err);
    }
    if (attempt < cb.attempts)
      await new Promise((r) => setTimeout(r, retryDelayMs * attempt).unref());
  }
  return result;
}
