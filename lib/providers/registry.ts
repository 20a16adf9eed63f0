// The list of providers. The ProviderId type, the id list, every per-provider lookup and the one place
// adapters are built derive from it; adding a provider is its folder plus one line here.
import { cwg } from './cwg';
import { simulatorCredentials, type ProviderDescriptor } from './descriptor';
import { jonet } from './jonet';
import { rechargekit } from './rechargekit';
import { fetchTrusting } from './tls-fetch';
import type { ProductType, ProviderAdapter, ProviderConfig, ProviderDeps } from './types';
import { vtpass } from './vtpass';

export const PROVIDERS = [jonet, vtpass, cwg, rechargekit] as const;

export type ProviderId = (typeof PROVIDERS)[number]['id'];

export interface ProviderRegistry<Id extends string = string> {
  readonly descriptors: readonly ProviderDescriptor<Id>[];
  readonly ids: readonly Id[];
  isId(value: string): value is Id;
  /** The descriptor of a stored or posted id, or undefined when no provider has it. */
  find(id: string): ProviderDescriptor<Id> | undefined;
  get(id: Id): ProviderDescriptor<Id>;
  /** One value per provider, e.g. `pick((p) => p.currency)`. */
  pick<T>(read: (descriptor: ProviderDescriptor<Id>) => T): Record<Id, T>;
  createAdapter(id: Id, config: ProviderConfig, deps?: Partial<ProviderDeps>): ProviderAdapter<Id>;
  /** Config pointing at the simulator with its credentials; every GAP path uses the adapter default. */
  defaultConfig(id: Id, simulatorBaseUrl: string): ProviderConfig;
}

// One function for every adapter, so caches keyed by transport (the CWG token) are shared between sales.
const defaultFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** Lookups over a list of descriptors: the app uses `registry` below, a test may pass its own list. */
export function createRegistry<const D extends readonly ProviderDescriptor[]>(
  list: D,
): ProviderRegistry<D[number]['id']> {
  type Id = D[number]['id'];
  const descriptors = list as readonly ProviderDescriptor<Id>[];
  const byId = new Map(descriptors.map((d) => [d.id as string, d]));
  if (byId.size !== descriptors.length) throw new Error('Two providers share an id');
  const get = (id: Id): ProviderDescriptor<Id> => {
    const descriptor = byId.get(id);
    if (!descriptor) throw new Error(`Unknown provider ${id}`);
    return descriptor;
  };
  return {
    descriptors,
    ids: descriptors.map((d) => d.id),
    isId: (value): value is Id => byId.has(value),
    find: (id) => byId.get(id),
    get,
    pick: (read) =>
      Object.fromEntries(descriptors.map((d) => [d.id, read(d)])) as Record<
        Id,
        ReturnType<typeof read>
      >,
    createAdapter(id, config, deps = {}) {
      const transport = config.tls ? fetchTrusting(config.tls) : defaultFetch;
      return get(id).create(config, {
        fetch: deps.fetch ?? transport,
        now: deps.now ?? (() => new Date()),
      });
    },
    defaultConfig(id, simulatorBaseUrl) {
      const d = get(id);
      return {
        baseUrl: simulatorBaseUrl.replace(/\/+$/, '') + d.simulatorPrefix,
        timeoutMs: d.timeoutMs,
        credentials: simulatorCredentials(d),
        options: { ...d.defaultOptions },
      };
    },
  };
}

export const registry: ProviderRegistry<ProviderId> = createRegistry(PROVIDERS);

export const PROVIDER_IDS = registry.ids;
export const isProviderId = registry.isId;
export const createAdapter = registry.createAdapter;
export const defaultProviderConfig = registry.defaultConfig;
export const DEFAULT_TIMEOUT_MS = registry.pick((p) => p.timeoutMs);
export const SIMULATOR_PREFIX = registry.pick((p) => p.simulatorPrefix);

const BILL_FAMILIES = registry.pick((p) => p.billFamilies ?? []);

/** Whether a provider sells this product type: every provider tops up, only some sell bills. */
export function providerSells(provider: string, type: ProductType): boolean {
  if (type === 'airtime' || type === 'data') return isProviderId(provider);
  return isProviderId(provider) && BILL_FAMILIES[provider].includes(type);
}
