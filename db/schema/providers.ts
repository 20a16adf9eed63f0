import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { ProviderId } from '@/lib/providers/registry';
import { users } from './users';
import { PRODUCT_TYPES } from '@/lib/providers/types';

export const providerSettings = sqliteTable('provider_settings', {
  // The ids come from the provider registry (a TypeScript type only: SQLite keeps no enum here).
  id: text('id').$type<ProviderId>().primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  baseUrl: text('base_url').notNull(),
  timeoutMs: integer('timeout_ms').notNull(),
  paths: text('paths', { mode: 'json' }).$type<Record<string, string>>(),
  options: text('options', { mode: 'json' }).$type<Record<string, string>>(),
  lowBalanceMinor: integer('low_balance_minor').notNull().default(0),
  lastBalanceMinor: integer('last_balance_minor'),
  lastBalanceAt: integer('last_balance_at'),
  // Set by the health monitor when the success rate drops; cleared by an admin.
  pausedAt: integer('paused_at'),
  pausedReason: text('paused_reason'),
  // Extra TLS trust for endpoints with a private or raw-IP certificate (CWG): this provider's client
  // only, and then only these CAs. Public, not secret; every change is audited.
  caCertPem: text('ca_cert_pem'),
  // The name the certificate is checked against (and sent as SNI) when it is not the URL's host.
  tlsServerName: text('tls_server_name'),
  updatedAt: integer('updated_at').notNull(),
});

/** AES-256-GCM ciphertext; the plaintext never leaves the server. */
export const providerCredentials = sqliteTable(
  'provider_credentials',
  {
    provider: text('provider').notNull(),
    field: text('field').notNull(),
    ciphertext: text('ciphertext').notNull(),
    setAt: integer('set_at').notNull(),
    setBy: integer('set_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.provider, t.field] })],
);

/** Ordered providers per network and product type. */
export const routes = sqliteTable(
  'routes',
  {
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    network: text('network').notNull(),
    type: text('type', { enum: PRODUCT_TYPES }).notNull(),
    providers: text('providers', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.network, t.type] })],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
});
