import { index, integer, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import type { ApiScope } from '../schema/api';
import { epochMs, id, ref } from './columns';
import { purchases } from './purchases';
import { users } from './users';

/** An agent's key for the REST API, kept as its SHA-256 (see db/schema/api.ts). */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    agentId: ref('agent_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    scopes: jsonb('scopes').$type<ApiScope[]>().notNull(),
    // Empty or null: any address.
    allowedIps: jsonb('allowed_ips').$type<string[]>(),
    saleRatePerSecond: integer('sale_rate_per_second'),
    readRatePerSecond: integer('read_rate_per_second'),
    createdAt: epochMs('created_at').notNull(),
    lastUsedAt: epochMs('last_used_at'),
    lastUsedIp: text('last_used_ip'),
    revokedAt: epochMs('revoked_at'),
    revokedBy: ref('revoked_by').references(() => users.id),
  },
  (t) => [index('api_keys_agent_idx').on(t.agentId)],
);

/** One row per (agent, Idempotency-Key) of create-sale, with the answer replayed as it was. */
export const apiIdempotency = pgTable(
  'api_idempotency',
  {
    id: id(),
    agentId: ref('agent_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    bodyHash: text('body_hash').notNull(),
    purchaseId: ref('purchase_id').references(() => purchases.id),
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [unique('api_idempotency_agent_key').on(t.agentId, t.key)],
);

/** Fixed one-second windows per key and request class, in the database so every process shares them. */
export const apiRateWindows = pgTable(
  'api_rate_windows',
  {
    keyId: ref('key_id')
      .notNull()
      .references(() => apiKeys.id),
    kind: text('kind', { enum: ['sale', 'read'] }).notNull(),
    windowStart: epochMs('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.kind] })],
);
