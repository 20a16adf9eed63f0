import { index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { WEBHOOK_EVENT_TYPES } from '../schema/webhooks';
import { epochMs, id, ref } from './columns';
import { users } from './users';

/** An agent's receiver and its signing secrets (see db/schema/webhooks.ts). */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: id(),
    agentId: ref('agent_id')
      .notNull()
      .references(() => users.id),
    url: text('url').notNull(),
    events: jsonb('events').$type<(typeof WEBHOOK_EVENT_TYPES)[number][]>().notNull(),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretUntil: epochMs('previous_secret_until'),
    pausedAt: epochMs('paused_at'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('webhook_endpoints_agent_idx').on(t.agentId)],
);

/** The outbox: written in the same transaction as the change it reports, so none is lost or invented. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: id(),
    // The message id receivers de-duplicate on (webhook-id): the same on every retry and resend.
    messageId: text('message_id').notNull().unique(),
    agentId: ref('agent_id')
      .notNull()
      .references(() => users.id),
    type: text('type', { enum: WEBHOOK_EVENT_TYPES }).notNull(),
    // The exact bytes that were signed: text, never re-serialised.
    payload: text('payload').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('webhook_events_agent_idx').on(t.agentId, t.id)],
);

/** One event to one endpoint: retried with backoff for 24 hours, claimed under a lease by the worker. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    eventId: ref('event_id')
      .notNull()
      .references(() => webhookEvents.id),
    endpointId: ref('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAt: epochMs('next_at').notNull(),
    leaseOwner: text('lease_owner'),
    leaseUntil: epochMs('lease_until'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    unique('webhook_deliveries_once').on(t.eventId, t.endpointId),
    index('webhook_deliveries_due_idx').on(t.status, t.nextAt),
  ],
);

/** The delivery log: every HTTP attempt with its answer (or why there was none). */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: id(),
    deliveryId: ref('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id),
    at: epochMs('at').notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId)],
);
