import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/transaction';
import {
  webhookDeliveries,
  webhookEndpoints,
  webhookEvents,
  type WebhookEventType,
} from '@/db/schema';
import { one } from '@/db/query';
import { jsonArrayHas } from '@/db/dialect';
import { prepared } from '@/db/prepared';

/** What the receiver reads under `data`: ids and amounts in minor units, never a secret. */
export type WebhookData = Record<string, string | number | null>;

// Every sale's resolution asks it, so it is prepared once per connection.
const subscribedEndpoints = prepared((db) =>
  db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.agentId, sql.placeholder('agentId')),
        jsonArrayHas(db.engine, webhookEndpoints.events, sql.placeholder('type')),
      ),
    ),
);

/**
 * The outbox write: called inside the transaction that makes the change, so the event exists if and
 * only if the change committed. One delivery row per endpoint of the agent that subscribed to the type.
 */
export async function recordWebhookEvent(
  tx: Tx,
  agentId: number,
  type: WebhookEventType,
  data: WebhookData,
  now: number,
) {
  const endpoints = await subscribedEndpoints(tx).all({ agentId, type });
  // No receiver, nothing to deliver: a sale of an agent without webhooks pays one indexed read.
  if (endpoints.length === 0) return;
  const messageId = `msg_${randomBytes(16).toString('hex')}`;
  const payload = JSON.stringify({ type, timestamp: new Date(now).toISOString(), data });
  const event = await one(
    tx
      .insert(webhookEvents)
      .values({ messageId, agentId, type, payload, createdAt: now })
      .returning({ id: webhookEvents.id }),
  );
  await tx.insert(webhookDeliveries).values(
    endpoints.map((e) => ({
      eventId: event.id,
      endpointId: e.id,
      status: 'pending' as const,
      nextAt: now,
      createdAt: now,
    })),
  );
}
