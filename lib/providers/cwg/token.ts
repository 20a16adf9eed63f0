// CWG OAuth2 client-credentials token cache (docs/providers/cwg.md#token): refresh at ~80% of expires_in, or when a call
// answers 401 (invalidate). Concurrent callers share one in-flight token request. The token endpoint is
// rate-limited and an adapter is built per call, so caches live here, one per provider configuration.
import { createHash } from 'node:crypto';
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

export function createTokenCache(
  fetchToken: () => Promise<TokenFetch>,
  now: () => Date,
  refreshFraction = 0.8,
): TokenCache {
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
      if (cached && now().getTime() < cached.refreshAtMs)
        return { token: cached.token, exchanges: [] };
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

/** What makes two adapters share a token: the same token endpoint and the same client credentials. */
export interface TokenScope {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

// Keyed first by the fetch function, so a test's scripted transport never sees another's tokens; in the
// portal every adapter uses the same default fetch.
const sharedCaches = new WeakMap<object, Map<string, TokenCache>>();
const MAX_CONFIGURATIONS = 32; // credentials rotate rarely; an old configuration's cache is just dropped

/** The one cache for this configuration, created by `create` the first time it is asked for. */
export function sharedTokenCache(
  transport: object,
  scope: TokenScope,
  create: () => TokenCache,
): TokenCache {
  let byConfig = sharedCaches.get(transport);
  if (!byConfig) sharedCaches.set(transport, (byConfig = new Map()));
  // Hashed so the secret never sits in a map key (heap dumps, debug output).
  const key = createHash('sha256')
    .update(JSON.stringify([scope.tokenUrl, scope.clientId, scope.clientSecret]))
    .digest('hex');
  let cache = byConfig.get(key);
  if (!cache) {
    if (byConfig.size >= MAX_CONFIGURATIONS) byConfig.delete(byConfig.keys().next().value!);
    byConfig.set(key, (cache = create()));
  }
  return cache;
}
