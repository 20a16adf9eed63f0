import type { Db } from '@/db';
import { providerFor } from '@/lib/provider-settings/adapters';
import { isProviderId } from '@/lib/providers/registry';
import type { ProviderDeps, ProviderResult } from '@/lib/providers/types';
import type { Attempt, Purchase } from './open';

const unknown = (code: string, message: string): ProviderResult => ({ status: 'UNKNOWN', providerCode: code, message, exchanges: [] });

/** Phase 2: the provider call, outside any transaction. It never throws: failure to ask is UNKNOWN. */
export async function callProvider(db: Db, purchase: Purchase, attempt: Attempt, deps?: Partial<ProviderDeps>): Promise<ProviderResult> {
  if (!isProviderId(attempt.provider)) return unknown('config', `Unknown provider ${attempt.provider}`);
  const live = providerFor(db, attempt.provider, deps);
  if (!live) return unknown('config', `${attempt.provider} is not configured`);
  const base = { reference: attempt.reference, phone: purchase.phone, network: purchase.network, amountMinor: purchase.faceMinor, circle: purchase.circle ?? undefined };
  try {
    return purchase.type === 'airtime'
      ? await live.adapter.buyAirtime({ ...base, planCode: attempt.planCode })
      : await live.adapter.buyData({ ...base, planCode: attempt.planCode });
  } catch (error) {
    return unknown('adapter_error', error instanceof Error ? error.message : String(error));
  }
}

/** Requery by our reference; like the call, it never throws. */
export async function requeryAttempt(db: Db, attempt: Attempt, deps?: Partial<ProviderDeps>): Promise<ProviderResult> {
  if (!isProviderId(attempt.provider)) return unknown('config', `Unknown provider ${attempt.provider}`);
  const live = providerFor(db, attempt.provider, deps);
  if (!live) return unknown('config', `${attempt.provider} is not configured`);
  try {
    return await live.adapter.requery(attempt.reference);
  } catch (error) {
    return unknown('adapter_error', error instanceof Error ? error.message : String(error));
  }
}
