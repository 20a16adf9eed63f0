import type { Db } from '@/db';
import { recordAudit, type Actor } from '@/lib/audit/record';
import type { Exchange, ProviderDeps } from '@/lib/providers/types';
import type { ProviderId } from '@/lib/providers/registry';
import { providerFor } from './adapters';
import { recordProviderBalance } from './commands';

export type ConnectionResult =
  | { ok: true; amountMinor: number; currency: 'NGN' | 'INR'; durationMs: number }
  | { ok: false; error: string; durationMs: number };

/**
 * Asks the provider for its balance with the stored settings: proves the URL and credentials work,
 * and refreshes the float reading. Called outside any transaction; never throws.
 */
export async function testProviderConnection(
  db: Db,
  actor: Actor | null,
  id: ProviderId,
  deps?: Partial<ProviderDeps>,
  now = Date.now,
): Promise<ConnectionResult> {
  const started = now();
  let result: ConnectionResult;
  try {
    const live = await providerFor(db, id, deps);
    if (!live) throw new Error(`${id} is not configured`);
    const balance = await live.adapter.balance();
    result = {
      ok: true,
      amountMinor: balance.amountMinor,
      currency: balance.currency,
      durationMs: now() - started,
    };
    await recordProviderBalance(db, id, balance.amountMinor, now());
  } catch (error) {
    result = { ok: false, error: describeFailure(error), durationMs: now() - started };
  }
  if (actor) {
    await recordAudit(db, actor, {
      action: 'provider.test_connection',
      targetType: 'provider',
      targetId: id,
      detail: result.ok
        ? { ok: true, amountMinor: result.amountMinor }
        : { ok: false, error: result.error },
    });
  }
  return result;
}

/** The error, with the transport's own reason when the last exchange had one (e.g. a certificate the client does not trust). */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const transport = (error as { exchanges?: Exchange[] } | null)?.exchanges?.at(-1)?.error;
  return transport && !message.includes(transport) ? `${message} (${transport})` : message;
}

/** Refreshes every provider's float reading (used by the health monitor), ignoring failures. */
export async function refreshFloatBalances(
  db: Db,
  ids: readonly ProviderId[],
  deps?: Partial<ProviderDeps>,
): Promise<void> {
  await Promise.all(ids.map(async (id) => await testProviderConnection(db, null, id, deps)));
}
