// Helpers shared by every parseCallback: case-insensitive headers, a JSON body that never throws,
// and the ack each provider expects. Callbacks are hints only; the portal requeries before moving money.
import type { CallbackInput, CallbackParse } from './types';

export function header(input: CallbackInput, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(input.headers)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

export function jsonBody(input: CallbackInput): unknown {
  try {
    return JSON.parse(input.rawBody) as unknown;
  } catch {
    return undefined;
  }
}

export function jsonAck(status: number, body: unknown): CallbackParse['ack'] {
  return { status, body: JSON.stringify(body), contentType: 'application/json' };
}

/** Constant-time string comparison for shared secrets echoed back by a provider. */
export function sameSecret(a: string, b: string): boolean {
  const ea = new TextEncoder().encode(a);
  const eb = new TextEncoder().encode(b);
  let diff = ea.length ^ eb.length;
  for (let i = 0; i < Math.max(ea.length, eb.length); i++) diff |= (ea[i] ?? 0) ^ (eb[i] ?? 0);
  return diff === 0 && a.length > 0;
}
