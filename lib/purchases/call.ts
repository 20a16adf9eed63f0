import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { purchases } from '@/db/schema';
import { providerFor } from '@/lib/provider-settings/adapters';
import { notSent } from '@/lib/providers/ambiguity';
import { isProviderId } from '@/lib/providers/registry';
import type { ProviderAdapter, ProviderDeps, ProviderResult } from '@/lib/providers/types';
import type { Attempt, Purchase } from './open';
import { first } from '@/db/query';

const unknown = (code: string, message: string): ProviderResult => ({
  status: 'UNKNOWN',
  providerCode: code,
  message,
  exchanges: [],
});

/**
 * The adapter for an attempt's provider, or why there is none: an unknown or unconfigured provider,
 * credentials that no longer decrypt, an adapter that cannot be built.
 */
async function liveProvider(
  db: Db,
  provider: string,
  deps?: Partial<ProviderDeps>,
): Promise<{ adapter: ProviderAdapter } | { why: string }> {
  if (!isProviderId(provider)) return { why: `Unknown provider ${provider}` };
  try {
    return (await providerFor(db, provider, deps)) ?? { why: `${provider} is not configured` };
  } catch (error) {
    return {
      why: `${provider} cannot be called: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * Phase 2: the provider call, outside any transaction. It never throws: failure to ask is UNKNOWN,
 * and a provider that cannot even be called never received the request (the next one may take it).
 */
export async function callProvider(
  db: Db,
  purchase: Purchase,
  attempt: Attempt,
  deps?: Partial<ProviderDeps>,
): Promise<ProviderResult> {
  const live = await liveProvider(db, attempt.provider, deps);
  if ('why' in live) return notSent('config', live.why);
  const base = {
    reference: attempt.reference,
    phone: purchase.phone,
    network: purchase.network,
    amountMinor: purchase.amountMinor,
    circle: purchase.circle ?? undefined,
  };
  try {
    const type = purchase.type;
    if (type === 'electricity' || type === 'tv') {
      // Routing only lists providers with a source for the bill; one without the family never got it.
      const family = live.adapter.bills?.[type];
      if (!family) return notSent('unsupported_family', `${attempt.provider} sells no ${type}`);
      return await family.buy({
        ...billOf(purchase, type),
        reference: attempt.reference,
        planCode: attempt.planCode,
        amountMinor: purchase.amountMinor,
        phone: purchase.phone,
      });
    }
    return purchase.type === 'airtime'
      ? await live.adapter.buyAirtime({ ...base, planCode: attempt.planCode })
      : await live.adapter.buyData({ ...base, planCode: attempt.planCode });
  } catch (error) {
    return unknown('adapter_error', error instanceof Error ? error.message : String(error));
  }
}

function billOf(purchase: Purchase, type: 'electricity' | 'tv') {
  return {
    type,
    biller: purchase.network,
    account: purchase.account ?? '',
    quantity: purchase.quantity ?? undefined,
    subscriptionType: purchase.subscriptionType ?? undefined,
  };
}

const typeOfPurchase = async (db: Db, purchaseId: number) =>
  (
    await first(
      db.select({ type: purchases.type }).from(purchases).where(eq(purchases.id, purchaseId)),
    )
  )?.type;

/** Requery by our reference; like the call, it never throws. */
export async function requeryAttempt(
  db: Db,
  attempt: Attempt,
  deps?: Partial<ProviderDeps>,
): Promise<ProviderResult> {
  // Asking failed, so nothing is known: the schedule spends its budget and ends in manual review with the reason.
  const live = await liveProvider(db, attempt.provider, deps);
  if ('why' in live) return unknown('config', live.why);
  try {
    // A bill is asked about with its family's reading of the answer codes (vtpass-bills.md#codes).
    const type = await typeOfPurchase(db, attempt.purchaseId);
    const family = type === 'electricity' || type === 'tv' ? live.adapter.bills?.[type] : undefined;
    if (family?.requery) return await family.requery(attempt.reference);
    return await live.adapter.requery(attempt.reference);
  } catch (error) {
    return unknown('adapter_error', error instanceof Error ? error.message : String(error));
  }
}
