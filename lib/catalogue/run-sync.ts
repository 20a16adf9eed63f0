import type { Db } from '@/db';
import { enabledProviders } from '@/lib/provider-settings/adapters';
import type { ProviderDeps } from '@/lib/providers/types';
import { DEFAULT_PROVIDER_COST_BPS } from './pricing';
import { applyProviderCatalogue, type ProviderCatalogue, type SyncSummary } from './sync';

export type SyncOutcome = SyncSummary | { provider: string; error: string };

/** Fetches every enabled provider's catalogue (outside any transaction), then writes each in its own. */
export async function syncCatalogue(db: Db, deps?: Partial<ProviderDeps>): Promise<SyncOutcome[]> {
  const providers = await enabledProviders(db, deps);
  const fetched = await Promise.all(
    providers.map(
      async ({
        adapter,
        runtime,
      }): Promise<ProviderCatalogue | { provider: string; error: string }> => {
        try {
          const items = await adapter.listCatalogue();
          return {
            provider: adapter.id,
            costBps: contractCostBps(adapter.id, runtime.config.options?.costBps),
            items,
          };
        } catch (error) {
          return {
            provider: adapter.id,
            error: error instanceof Error ? error.message : String(error),
          };
        }
      },
    ),
  );
  // An unreachable provider keeps its last catalogue: a network blip must not empty the shelves.
  // One provider at a time: each catalogue is written in its own transaction.
  const outcomes: SyncOutcome[] = [];
  for (const f of fetched) outcomes.push('error' in f ? f : await applyProviderCatalogue(db, f));
  return outcomes;
}

/**
 * The provider's `costBps` option, or the demo contract's rate when it is not set. The cost rounding
 * takes whole basis points of the face value, so anything else is refused (the provider keeps its
 * last catalogue and the sync reports why) instead of failing each sale later.
 */
export function contractCostBps(provider: string, option: string | undefined): number {
  if (option === undefined || option.trim() === '')
    return DEFAULT_PROVIDER_COST_BPS[provider] ?? 10_000;
  const bps = Number(option);
  if (!Number.isInteger(bps) || bps < 1 || bps > 10_000) {
    throw new Error(`costBps must be whole basis points from 1 to 10000, got "${option}"`);
  }
  return bps;
}
