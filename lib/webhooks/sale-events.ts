import type { Tx } from '@/db/transaction';
import type { PurchaseStatus, WebhookEventType } from '@/db/schema';
import type { Purchase } from '@/lib/purchases/open';
import { recordWebhookEvent } from './outbox';

const STATUS_EVENTS: Partial<Record<PurchaseStatus, WebhookEventType>> = {
  SUCCESS: 'sale.succeeded',
  FAILED: 'sale.failed',
  REVERSED: 'sale.reversed',
  PENDING: 'sale.pending',
};

function saleData(p: Purchase, status: string) {
  return {
    id: p.id,
    reference: p.reference,
    idempotency_key: p.idempotencyKey,
    status,
    type: p.type,
    network: p.network,
    phone: p.phone,
    currency: p.currency,
    face_minor: p.amountMinor,
    cost_minor: p.agentCostMinor,
    commission_minor: p.commissionMinor,
  };
}

/** Inside the transaction that gives the sale its new status; statuses no event names (UNKNOWN, review) send nothing. */
export async function recordSaleStatusWebhook(
  tx: Tx,
  purchase: Purchase,
  status: PurchaseStatus,
  now: number,
) {
  const type = STATUS_EVENTS[status];
  if (type) await recordWebhookEvent(tx, purchase.agentId, type, saleData(purchase, status), now);
}

/** A refunded sale that the provider says was delivered after all. */
export async function recordDeliveredAfterRefundWebhook(tx: Tx, purchase: Purchase, now: number) {
  await recordWebhookEvent(
    tx,
    purchase.agentId,
    'sale.delivered_after_refund',
    saleData(purchase, purchase.status),
    now,
  );
}
