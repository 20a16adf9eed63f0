// VTpass HTTP only (docs/providers/vtpass.md#auth). Auth mode 'keys' (default): GET sends api-key + public-key,
// POST sends api-key + secret-key (vtpass-nodejs-sdk httpClient switches on method). Mode 'basic': email:password.
import { credential, option, urlFor } from '../config';
import { httpCall, type HttpOutcome } from '../http';
import type { ProviderConfig, ProviderDeps } from '../types';

export const VTPASS_DEFAULT_PATHS = {
  pay: 'pay', // CONFIRMED
  requery: 'requery', // CONFIRMED
  variations: 'service-variations', // CONFIRMED, ?serviceID=
  balance: 'balance', // CONFIRMED
  verify: 'merchant-verify', // CONFIRMED (vtpass-bills.md#verify)
} as const;

export type VtpassOp = keyof typeof VTPASS_DEFAULT_PATHS;

export interface VtpassClient {
  post(op: VtpassOp, body: Record<string, unknown>): Promise<HttpOutcome>;
  get(op: VtpassOp, query?: Record<string, string>): Promise<HttpOutcome>;
}

export function vtpassAuthHeaders(
  config: ProviderConfig,
  method: 'GET' | 'POST',
): Record<string, string> {
  if (option(config, 'authMode', 'keys') === 'basic') {
    const basic = Buffer.from(
      `${credential(config, 'email')}:${credential(config, 'password')}`,
    ).toString('base64');
    return { Authorization: `Basic ${basic}` };
  }
  return method === 'GET'
    ? { 'api-key': credential(config, 'apiKey'), 'public-key': credential(config, 'publicKey') }
    : { 'api-key': credential(config, 'apiKey'), 'secret-key': credential(config, 'secretKey') };
}

export function createVtpassClient(config: ProviderConfig, deps: ProviderDeps): VtpassClient {
  return {
    post: (op, body) =>
      httpCall(deps, {
        method: 'POST',
        url: urlFor(config, op, VTPASS_DEFAULT_PATHS[op]),
        headers: {
          ...vtpassAuthHeaders(config, 'POST'),
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify(body),
        timeoutMs: config.timeoutMs,
      }),
    get: (op, query) => {
      const qs = query ? `?${new URLSearchParams(query).toString()}` : '';
      return httpCall(deps, {
        method: 'GET',
        url: urlFor(config, op, VTPASS_DEFAULT_PATHS[op]) + qs,
        headers: { ...vtpassAuthHeaders(config, 'GET'), Accept: 'application/json' },
        timeoutMs: config.timeoutMs,
      });
    },
  };
}
