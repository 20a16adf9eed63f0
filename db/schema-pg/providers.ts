import { boolean, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { ProviderId } from '@/lib/providers/registry';
import { epochMs, minor, ref } from './columns';
import { users } from './users';
import { PRODUCT_TYPES } from '../../lib/providers/types';

export const providerSettings = pgTable('provider_settings', {
  // The ids come from the provider registry (a TypeScript type only, as on SQLite).
  id: text('id').$type<ProviderId>().primaryKey(),
  enabled: boolean('enabled').notNull().default(true),
  baseUrl: text('base_url').notNull(),
  timeoutMs: integer('timeout_ms').notNull(),
  paths: jsonb('paths').$type<Record<string, string>>(),
  options: jsonb('options').$type<Record<string, string>>(),
  lowBalanceMinor: minor('low_balance_minor').notNull().default(0),
  lastBalanceMinor: minor('last_balance_minor'),
  lastBalanceAt: epochMs('last_balance_at'),
  // Set by the health monitor when the success rate drops; cleared by an admin.
  pausedAt: epochMs('paused_at'),
  pausedReason: text('paused_reason'),
  // Extra TLS trust for endpoints with a private or raw-IP certificate (see db/schema/providers.ts).
  caCertPem: text('ca_cert_pem'),
  tlsServerName: text('tls_server_name'),
  updatedAt: epochMs('updated_at').notNull(),
});

/** AES-256-GCM ciphertext; the plaintext never leaves the server. */
export const providerCredentials = pgTable(
  'provider_credentials',
  {
    provider: text('provider').notNull(),
    field: text('field').notNull(),
    ciphertext: text('ciphertext').notNull(),
    setAt: epochMs('set_at').notNull(),
    setBy: ref('set_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.provider, t.field] })],
);

/** Ordered providers per network and product type. */
export const routes = pgTable(
  'routes',
  {
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    network: text('network').notNull(),
    type: text('type', { enum: PRODUCT_TYPES }).notNull(),
    providers: jsonb('providers').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.network, t.type] })],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
});
