import { index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { users } from './users';

export const WEBHOOK_EVENT_TYPES = [
  'sale.succeeded',
  'sale.failed',
  'sale.reversed',
  'sale.pending',
  'sale.delivered_after_refund',
  'wallet.credited',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * An agent's receiver. The signing secret (whsec_…) is the one the agent pastes into their verifier;
 * after a rotation the previous one still signs every message until `previousSecretUntil`.
 */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => users.id),
    url: text('url').notNull(),
    events: text('events', { mode: 'json' }).$type<WebhookEventType[]>().notNull(),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretUntil: integer('previous_secret_until'),
    pausedAt: integer('paused_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('webhook_endpoints_agent_idx').on(t.agentId)],
);

/** The outbox: written in the same transaction as the change it reports, so none is lost or invented. */
export const webhookEvents = sqliteTable(
  'webhook_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // The message id receivers de-duplicate on (webhook-id): the same on every retry and resend.
    messageId: text('message_id').notNull().unique(),
    agentId: integer('agent_id')
      .notNull()
      .references(() => users.id),
    type: text('type', { enum: WEBHOOK_EVENT_TYPES }).notNull(),
    payload: text('payload').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('webhook_events_agent_idx').on(t.agentId, t.id)],
);

/** One event to one endpoint: retried with backoff for 24 hours, claimed under a lease by the worker. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: integer('event_id')
      .notNull()
      .references(() => webhookEvents.id),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAt: integer('next_at').notNull(),
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    unique('webhook_deliveries_once').on(t.eventId, t.endpointId),
    index('webhook_deliveries_due_idx').on(t.status, t.nextAt),
  ],
);

/** The delivery log: every HTTP attempt with its answer (or why there was none). */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id),
    at: integer('at').notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId)],
);
