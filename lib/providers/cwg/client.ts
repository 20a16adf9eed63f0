// CWG VMS HTTP only (docs/providers/cwg.md#endpoints): OAuth2 client credentials (Basic clientId:secret,
// form-urlencoded grant_type), then Bearer on every call. The docs disagree on paths: all are settings.
import { credential, urlFor } from '../config';
import { httpCall, type HttpOutcome } from '../http';
import type { ProviderConfig, ProviderDeps } from '../types';
import { cwgToken } from './schemas';
import type { TokenFetch } from './token';

export const CWG_DEFAULT_PATHS = {
  token: '/api/auth/oauth2/token', // CONFIRMED (sample request line says /api/auth/uaa/api/oauth2/token)
  catalogue: '/api/platform/vend/query/subscription', // CONFIRMED (sample says /api/router/...)
  vend: '/api/platform/vend', // GAP: INFERRED candidate
  status: '/api/platform/vend/query/transaction', // GAP: INFERRED candidate, ?transactionReference=
  balance: '/api/platform/vend/query/balance', // GAP: INFERRED
} as const;

export type CwgOp = Exclude<keyof typeof CWG_DEFAULT_PATHS, 'token'>;

export interface CwgClient {
  fetchToken(): Promise<TokenFetch>;
  call(
    op: CwgOp,
    token: string,
    req: { body?: Record<string, unknown>; query?: Record<string, string> },
  ): Promise<HttpOutcome>;
}

export function createCwgClient(config: ProviderConfig, deps: ProviderDeps): CwgClient {
  return {
    async fetchToken() {
      const basic = Buffer.from(
        `${credential(config, 'clientId')}:${credential(config, 'clientSecret')}`,
      ).toString('base64');
      // the sample posts multipart; standard OAuth2 (and our default) is form-urlencoded.
      const outcome = await httpCall(deps, {
        method: 'POST',
        url: urlFor(config, 'token', CWG_DEFAULT_PATHS.token),
        headers: {
          Authorization: `Basic ${basic}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
        logBody: { grant_type: 'client_credentials' },
        timeoutMs: config.timeoutMs,
      });
      if (outcome.kind === 'transport-error')
        return { ok: false, reason: outcome.error, exchange: outcome.exchange };
      const parsed = cwgToken.safeParse(outcome.json);
      if (outcome.status !== 200 || !parsed.success)
        return { ok: false, reason: `http_${outcome.status}`, exchange: outcome.exchange };
      return {
        ok: true,
        token: parsed.data.access_token,
        expiresInSec: parsed.data.expires_in,
        exchange: outcome.exchange,
      };
    },

    call(op, token, req) {
      const qs = req.query ? `?${new URLSearchParams(req.query).toString()}` : '';
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
      };
      if (req.body) headers['Content-Type'] = 'application/json';
      return httpCall(deps, {
        method: req.body ? 'POST' : 'GET',
        url: urlFor(config, op, CWG_DEFAULT_PATHS[op]) + qs,
        headers,
        body: req.body ? JSON.stringify(req.body) : undefined,
        timeoutMs: config.timeoutMs,
      });
    },
  };
}
