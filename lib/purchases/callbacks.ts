import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { callbackInbox, purchaseAttempts } from '@/db/schema';
import { allowHit } from '@/lib/auth/throttle';
import { providerFor } from '@/lib/provider-settings/adapters';
import type { CallbackInput, CallbackParse, ProviderDeps } from '@/lib/providers/types';
import type { ProviderId } from '@/lib/providers/registry';
import { applyProviderResult } from './apply-result';
import { requeryAttempt } from './call';
import { first, written } from '@/db/query';

export type CallbackHandling = {
  ack: CallbackParse['ack'];
  outcome: 'ignored' | 'duplicate' | 'unknown_reference' | 'rate_limited' | 'applied';
};

// A callback only asks for an early requery. However many arrive (forged ones included), a sale gets
// at most one such requery a minute, and one sender at most a few a minute.
export const CALLBACK_REQUERY_PER_REFERENCE = { limit: 1, windowMs: 60_000 };
export const CALLBACK_REQUERY_PER_SOURCE = { limit: 30, windowMs: 60_000 };

/**
 * A callback is a hint: parse it (the adapter checks what the provider lets us check), drop a
 * replay, find our attempt, then requery before any money moves. It never moves the requery schedule
 * nor spends its budget. Always answers in the form the provider expects, so it stops retrying.
 */
export async function handleCallback(
  db: Db,
  provider: ProviderId,
  input: CallbackInput,
  deps?: Partial<ProviderDeps>,
  now = Date.now,
  source = 'unknown',
): Promise<CallbackHandling> {
  const live = await providerFor(db, provider, deps);
  if (!live)
    return {
      ack: { status: 404, body: '{"error":"unknown provider"}', contentType: 'application/json' },
      outcome: 'ignored',
    };
  const parsed = live.adapter.parseCallback(input);
  if (!parsed.event) return { ack: parsed.ack, outcome: 'ignored' };
  // Only callbacks about our own attempts are remembered, so strangers cannot grow the inbox.
  const attempt = await first(
    db
      .select()
      .from(purchaseAttempts)
      .where(
        and(
          eq(purchaseAttempts.reference, parsed.event.reference),
          eq(purchaseAttempts.provider, provider),
        ),
      ),
  );
  if (!attempt) return { ack: parsed.ack, outcome: 'unknown_reference' };
  const dedupeKey = `${provider}:${createHash('sha256')
    .update(input.rawBody || JSON.stringify(input.query))
    .digest('hex')}`;
  if (
    await first(
      db
        .select({ id: callbackInbox.id })
        .from(callbackInbox)
        .where(eq(callbackInbox.dedupeKey, dedupeKey)),
    )
  ) {
    return { ack: parsed.ack, outcome: 'duplicate' };
  }
  const at = now();
  // Throttled before it is remembered, so the provider's own retry later is still heard.
  if (
    !(await allowHit(db, `callback:source:${source}`, CALLBACK_REQUERY_PER_SOURCE, at)) ||
    !(await allowHit(db, `callback:sale:${attempt.purchaseId}`, CALLBACK_REQUERY_PER_REFERENCE, at))
  ) {
    return { ack: parsed.ack, outcome: 'rate_limited' };
  }
  const fresh = await written(
    db
      .insert(callbackInbox)
      .values({ provider, dedupeKey, reference: parsed.event.reference, receivedAt: at })
      .onConflictDoNothing(),
  );
  if (fresh === 0) return { ack: parsed.ack, outcome: 'duplicate' };
  const result = await requeryAttempt(db, attempt, deps);
  await applyProviderResult(db, attempt.id, result, { by: 'callback', now: now() });
  return { ack: parsed.ack, outcome: 'applied' };
}
