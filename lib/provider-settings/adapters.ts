import type { Db } from '@/db';
import { createAdapter, PROVIDER_IDS } from '@/lib/providers/registry';
import type { ProviderAdapter, ProviderDeps } from '@/lib/providers/types';
import type { ProviderId } from '@/lib/providers/registry';
import { loadProviderRuntime, type ProviderRuntime } from './load';

export interface LiveProvider {
  runtime: ProviderRuntime;
  adapter: ProviderAdapter<ProviderId>;
}

/** The adapter for one provider, built from its stored settings (a config change, not a code change). */
export async function providerFor(
  db: Db,
  id: ProviderId,
  deps?: Partial<ProviderDeps>,
): Promise<LiveProvider | null> {
  const runtime = await loadProviderRuntime(db, id);
  if (!runtime) return null;
  return { runtime, adapter: createAdapter(id, runtime.config, deps) };
}

export async function enabledProviders(
  db: Db,
  deps?: Partial<ProviderDeps>,
): Promise<LiveProvider[]> {
  const providers = await Promise.all(
    PROVIDER_IDS.map(async (id) => await providerFor(db, id, deps)),
  );
  return providers.filter((p): p is LiveProvider => p !== null && p.runtime.enabled);
}
