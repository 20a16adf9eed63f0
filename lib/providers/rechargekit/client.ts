// RechargeKit v2 HTTP only (docs/providers/rechargekit.md#auth): JSON with Authorization: Bearer <token>.
// Clients use different hosts per call (v2bapi vs v2a), so any path may be an absolute URL.
import { credential, urlFor } from '../config';
import { httpCall, type HttpOutcome } from '../http';
import type { ProviderConfig, ProviderDeps } from '../types';

export const RK_DEFAULT_PATHS = {
  recharge: '/recharge/prepaid', // CONFIRMED
  status: '/recharge/statusCheck', // CONFIRMED (one client calls it on v2a.rechargkit.biz)
  plans: '/recharge/prepaidPlanFetch', // CONFIRMED
  balance: '/recharge/balanceCheck', // CONFIRMED
} as const;

export type RkOp = keyof typeof RK_DEFAULT_PATHS;

export interface RkClient {
  post(op: RkOp, body: Record<string, unknown>): Promise<HttpOutcome>;
  get(op: RkOp): Promise<HttpOutcome>;
}

export function createRkClient(config: ProviderConfig, deps: ProviderDeps): RkClient {
  const headers = () => ({
    Authorization: `Bearer ${credential(config, 'token')}`,
    Accept: 'application/json',
  });
  return {
    post: (op, body) =>
      httpCall(deps, {
        method: 'POST',
        url: urlFor(config, op, RK_DEFAULT_PATHS[op]),
        headers: { ...headers(), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        timeoutMs: config.timeoutMs,
      }),
    get: (op) =>
      httpCall(deps, {
        method: 'GET',
        url: urlFor(config, op, RK_DEFAULT_PATHS[op]),
        headers: headers(),
        timeoutMs: config.timeoutMs,
      }),
  };
}
