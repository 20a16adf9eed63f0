import { index, integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { purchases } from './purchases';
import { users } from './users';

export type ApiScope = 'read' | 'sell';

/**
 * An agent's key for the REST API. Only the SHA-256 of the key is kept (the key is shown once); the
 * prefix is its first characters, enough for a person to tell keys apart. Per-key rate limits override
 * the portal's defaults when set.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    scopes: text('scopes', { mode: 'json' }).$type<ApiScope[]>().notNull(),
    // Empty or null: any address.
    allowedIps: text('allowed_ips', { mode: 'json' }).$type<string[]>(),
    saleRatePerSecond: integer('sale_rate_per_second'),
    readRatePerSecond: integer('read_rate_per_second'),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    lastUsedIp: text('last_used_ip'),
    revokedAt: integer('revoked_at'),
    revokedBy: integer('revoked_by').references(() => users.id),
  },
  (t) => [index('api_keys_agent_idx').on(t.agentId)],
);

/**
 * One row per (agent, Idempotency-Key) of create-sale: the hash of the request body it was first used
 * with, and the answer given, replayed as it was. A row without an answer is a request still running
 * (or one that died): a retry runs the sale path again, which finds the same sale by its key.
 */
export const apiIdempotency = sqliteTable(
  'api_idempotency',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    bodyHash: text('body_hash').notNull(),
    purchaseId: integer('purchase_id').references(() => purchases.id),
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [unique('api_idempotency_agent_key').on(t.agentId, t.key)],
);

/** Fixed one-second windows per key and request class, in the database so every process shares them. */
export const apiRateWindows = sqliteTable(
  'api_rate_windows',
  {
    keyId: integer('key_id')
      .notNull()
      .references(() => apiKeys.id),
    kind: text('kind', { enum: ['sale', 'read'] }).notNull(),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.kind] })],
);
