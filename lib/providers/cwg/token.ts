// CWG OAuth2 client-credentials token cache (providers.md §3.3): refresh at ~80% of expires_in, or when a call
// answers 401 (invalidate). Concurrent callers share one in-flight token request.
import type { Exchange } from '../types';

export type TokenFetch =
  | { ok: true; token: string; expiresInSec: number; exchange: Exchange }
  | { ok: false; reason: string; exchange?: Exchange };

export class TokenUnavailableError extends Error {
  constructor(
    reason: string,
    readonly exchanges: Exchange[],
  ) {
    super(`cwg token unavailable: ${reason}`);
    this.name = 'TokenUnavailableError';
  }
}

export interface TokenCache {
  /** A valid token plus the exchanges spent getting it (empty when served from cache). */
  get(): Promise<{ token: string; exchanges: Exchange[] }>;
  invalidate(): void;
}

export function createTokenCache(fetchToken: () => Promise<TokenFetch>, now: () => Date, refreshFraction = 0.8): TokenCache {
  let cached: { token: string; refreshAtMs: number } | undefined;
  let inFlight: Promise<{ token: string; exchanges: Exchange[] }> | undefined;

  async function refresh(): Promise<{ token: string; exchanges: Exchange[] }> {
    const got = await fetchToken();
    const exchanges = got.exchange ? [got.exchange] : [];
    if (!got.ok) throw new TokenUnavailableError(got.reason, exchanges);
    const lifetimeMs = Math.max(0, got.expiresInSec) * 1000 * refreshFraction;
    cached = { token: got.token, refreshAtMs: now().getTime() + lifetimeMs };
    return { token: got.token, exchanges };
  }

  return {
    async get() {
      if (cached && now().getTime() < cached.refreshAtMs) return { token: cached.token, exchanges: [] };
      inFlight ??= refresh().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
