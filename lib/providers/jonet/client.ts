// JoNet HTTP only (docs/providers/jonet.md#auth): raw API key in Authorization, JSON bodies, PHP-script paths.
import { credential, urlFor } from '../config';
import { httpCall, type HttpOutcome } from '../http';
import type { ProviderConfig, ProviderDeps } from '../types';

export const JONET_DEFAULT_PATHS = {
  airtime: 'purchase_airtime.php', // CONFIRMED (client)
  data: 'purchase_data.php', // CONFIRMED (client)
  catalogue: 'get_data_bundles.php', // CONFIRMED (client)
  requery: 'requery.php', // GAP: name INFERRED, keyed by customer_id
  balance: 'get_balance.php', // GAP: name INFERRED
} as const;

export type JonetOp = keyof typeof JONET_DEFAULT_PATHS;

export interface JonetClient {
  post(op: JonetOp, body: Record<string, unknown>): Promise<HttpOutcome>;
  get(op: JonetOp): Promise<HttpOutcome>;
}

export function createJonetClient(config: ProviderConfig, deps: ProviderDeps): JonetClient {
  // two of three public clients send the raw key with no scheme; "Bearer" was tried and removed.
  const headers = () => ({
    Authorization: credential(config, 'apiKey'),
    Accept: 'application/json',
  });
  return {
    post: (op, body) =>
      httpCall(deps, {
        method: 'POST',
        url: urlFor(config, op, JONET_DEFAULT_PATHS[op]),
        headers: { ...headers(), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        timeoutMs: config.timeoutMs,
      }),
    get: (op) =>
      httpCall(deps, {
        method: 'GET',
        url: urlFor(config, op, JONET_DEFAULT_PATHS[op]),
        headers: headers(),
        timeoutMs: config.timeoutMs,
      }),
  };
}
