import { purchaseEvents } from '@/db/schema';
import type { Tx } from '@/lib/ledger/accounts';

export type EventKind =
  | 'opened' | 'provider_call' | 'provider_answer' | 'failover' | 'requery' | 'callback'
  | 'status' | 'settled' | 'refunded' | 'reversed' | 'manual_review' | 'admin_resolution' | 'check_now';

/** The sale's timeline, with the provider evidence (requests and responses, secrets already redacted). */
export function recordEvent(
  tx: Tx,
  purchaseId: number,
  kind: EventKind,
  at: number,
  extra: { attemptId?: number; status?: string; detail?: unknown } = {},
): void {
  tx.insert(purchaseEvents).values({ purchaseId, kind, at, attemptId: extra.attemptId, status: extra.status, detail: extra.detail }).run();
}
