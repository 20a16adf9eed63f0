import type { Db } from '@/db';
import { enabledProviders } from '@/lib/provider-settings/adapters';
import type { ProviderDeps } from '@/lib/providers/types';
import { DEFAULT_PROVIDER_COST_BPS } from './pricing';
import { applyProviderCatalogue, type ProviderCatalogue, type SyncSummary } from './sync';

export type SyncOutcome = SyncSummary | { provider: string; error: string };

/** Fetches every enabled provider's catalogue (outside any transaction), then writes each in its own. */
export async function syncCatalogue(db: Db, deps?: Partial<ProviderDeps>): Promise<SyncOutcome[]> {
  const providers = enabledProviders(db, deps);
  const fetched = await Promise.all(
    providers.map(async ({ adapter, runtime }): Promise<ProviderCatalogue | { provider: string; error: string }> => {
      try {
        const items = await adapter.listCatalogue();
        const costBps = Number(runtime.config.options?.costBps) || DEFAULT_PROVIDER_COST_BPS[adapter.id] || 10_000;
        return { provider: adapter.id, costBps, items };
      } catch (error) {
        return { provider: adapter.id, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  // An unreachable provider keeps its last catalogue: a network blip must not empty the shelves.
  return fetched.map((f) => ('error' in f ? f : applyProviderCatalogue(db, f)));
}
