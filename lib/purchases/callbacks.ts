import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { callbackInbox, purchaseAttempts } from '@/db/schema';
import { providerFor } from '@/lib/provider-settings/adapters';
import type { CallbackInput, CallbackParse, ProviderDeps, ProviderId } from '@/lib/providers/types';
import { applyProviderResult } from './apply-result';
import { requeryAttempt } from './call';

export type CallbackHandling = { ack: CallbackParse['ack']; outcome: 'ignored' | 'duplicate' | 'unknown_reference' | 'applied' };

/**
 * A callback is a hint: parse it (the adapter checks what the provider lets us check), drop a
 * replay, find our attempt, then requery before any money moves. Always answers in the form the
 * provider expects, so it stops retrying.
 */
export async function handleCallback(db: Db, provider: ProviderId, input: CallbackInput, deps?: Partial<ProviderDeps>, now = Date.now): Promise<CallbackHandling> {
  const live = providerFor(db, provider, deps);
  if (!live) return { ack: { status: 404, body: '{"error":"unknown provider"}', contentType: 'application/json' }, outcome: 'ignored' };
  const parsed = live.adapter.parseCallback(input);
  if (!parsed.event) return { ack: parsed.ack, outcome: 'ignored' };
  // Only callbacks about our own attempts are remembered, so strangers cannot grow the inbox.
  const attempt = db.select().from(purchaseAttempts)
    .where(and(eq(purchaseAttempts.reference, parsed.event.reference), eq(purchaseAttempts.provider, provider))).get();
  if (!attempt) return { ack: parsed.ack, outcome: 'unknown_reference' };
  const dedupeKey = `${provider}:${createHash('sha256').update(input.rawBody || JSON.stringify(input.query)).digest('hex')}`;
  const fresh = db.insert(callbackInbox)
    .values({ provider, dedupeKey, reference: parsed.event.reference, receivedAt: now() })
    .onConflictDoNothing()
    .run();
  if (fresh.changes === 0) return { ack: parsed.ack, outcome: 'duplicate' };
  const result = await requeryAttempt(db, attempt, deps);
  applyProviderResult(db, attempt.id, result, { by: 'callback', now: now() });
  return { ack: parsed.ack, outcome: 'applied' };
}
