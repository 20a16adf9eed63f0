import { sql } from 'drizzle-orm';
import { prepared } from '@/db/prepared';
import { purchaseEvents } from '@/db/schema';
import type { Tx } from '@/db/transaction';

export type EventKind =
  | 'opened'
  | 'provider_call'
  | 'provider_answer'
  | 'failover'
  | 'requery'
  | 'callback'
  | 'status'
  | 'settled'
  | 'refunded'
  | 'reversed'
  | 'manual_review'
  | 'admin_resolution'
  | 'check_now'
  | 'awaiting_confirmation'
  | 'adopted'
  | 'delivered_after_refund'
  | 'delivered_twice'
  | 'late_delivery_resolved'
  | 'token_delivered'
  | 'token_not_arrived';

const p = sql.placeholder;
const insertEvent = prepared((db) =>
  db
    .insert(purchaseEvents)
    // The detail goes in as JSON text already made: the column's encoder would store a missing one as 'null'.
    .values({
      purchaseId: p('purchaseId'),
      kind: p('kind'),
      at: p('at'),
      attemptId: p('attemptId'),
      status: p('status'),
      detail: sql`${p('detail')}`,
    }),
);

/** The sale's timeline, with the provider evidence (requests and responses, secrets already redacted). */
export async function recordEvent(
  tx: Tx,
  purchaseId: number,
  kind: EventKind,
  at: number,
  extra: { attemptId?: number; status?: string; detail?: unknown } = {},
): Promise<void> {
  await insertEvent(tx).run({
    purchaseId,
    kind,
    at,
    attemptId: extra.attemptId ?? null,
    status: extra.status ?? null,
    detail: extra.detail === undefined ? null : JSON.stringify(extra.detail),
  });
}
