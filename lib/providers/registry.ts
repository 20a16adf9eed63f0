// The one place adapters are built. Callers pass a ProviderConfig (from the DB or env) and optional deps.
import { createCwgAdapter } from './cwg/adapter';
import { DEMO_CREDENTIALS } from './demo-credentials';
import { createJonetAdapter } from './jonet/adapter';
import { createRechargekitAdapter } from './rechargekit/adapter';
import { fetchTrusting } from './tls-fetch';
import type { ProviderAdapter, ProviderConfig, ProviderDeps, ProviderId } from './types';
import { createVtpassAdapter } from './vtpass/adapter';

export const PROVIDER_IDS: readonly ProviderId[] = ['jonet', 'vtpass', 'cwg', 'rechargekit'];

/** Per-provider request timeouts (ms). RechargeKit clients use 20 s (docs/providers/rechargekit.md#timeouts). */
export const DEFAULT_TIMEOUT_MS: Record<ProviderId, number> = {
  jonet: 30_000,
  vtpass: 30_000,
  cwg: 30_000,
  rechargekit: 20_000,
};

/** Path prefix of each provider on the simulator (simulator/README.md). */
export const SIMULATOR_PREFIX: Record<ProviderId, string> = {
  jonet: '/jonet/api_live/v1',
  vtpass: '/vtpass/api',
  cwg: '/cwg',
  rechargekit: '/rechargekit',
};

export function isProviderId(value: string): value is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(value);
}

// One function for every adapter, so caches keyed by transport (the CWG token) are shared between sales.
const defaultFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

export function createAdapter(id: ProviderId, config: ProviderConfig, deps: Partial<ProviderDeps> = {}): ProviderAdapter {
  const transport = config.tls ? fetchTrusting(config.tls) : defaultFetch;
  const full: ProviderDeps = { fetch: deps.fetch ?? transport, now: deps.now ?? (() => new Date()) };
  switch (id) {
    case 'jonet':
      return createJonetAdapter(config, full);
    case 'vtpass':
      return createVtpassAdapter(config, full);
    case 'cwg':
      return createCwgAdapter(config, full);
    case 'rechargekit':
      return createRechargekitAdapter(config, full);
  }
}

/** Config pointing at the simulator with its demo credentials; every GAP path uses the adapter default. */
export function defaultProviderConfig(id: ProviderId, simulatorBaseUrl: string): ProviderConfig {
  return {
    baseUrl: simulatorBaseUrl.replace(/\/+$/, '') + SIMULATOR_PREFIX[id],
    timeoutMs: DEFAULT_TIMEOUT_MS[id],
    credentials: { ...DEMO_CREDENTIALS[id] },
    options: id === 'vtpass' ? { authMode: 'keys' } : id === 'cwg' ? { hashRecipe: 'sha512-concat-secret' } : {},
  };
}
