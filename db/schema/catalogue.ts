import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { PRODUCT_TYPES } from '@/lib/providers/types';

/** One sellable thing; the same plan from several providers is one product with several sources. */
export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Identity used to merge sources: currency|network|circle|type|size|validity|price.
    identity: text('identity').notNull().unique(),
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    network: text('network').notNull(),
    circle: text('circle').notNull().default(''),
    type: text('type', { enum: PRODUCT_TYPES }).notNull(),
    name: text('name').notNull(),
    dataMb: integer('data_mb'),
    validityDays: integer('validity_days'),
    // Fixed price to the customer; null for free-amount airtime.
    priceMinor: integer('price_minor'),
    minMinor: integer('min_minor'),
    maxMinor: integer('max_minor'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('products_browse_idx').on(t.currency, t.network, t.type, t.active)],
);

export const productSources = sqliteTable(
  'product_sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    provider: text('provider').notNull(),
    planCode: text('plan_code').notNull(),
    providerName: text('provider_name').notNull(),
    priceMinor: integer('price_minor'),
    // What the provider charges us per unit of face value, in basis points of the price.
    costBps: integer('cost_bps').notNull(),
    available: integer('available', { mode: 'boolean' }).notNull().default(true),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [unique('product_sources_one_per_provider').on(t.productId, t.provider)],
);

export const priceChanges = sqliteTable('price_changes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  productSourceId: integer('product_source_id')
    .notNull()
    .references(() => productSources.id),
  oldPriceMinor: integer('old_price_minor'),
  newPriceMinor: integer('new_price_minor'),
  at: integer('at').notNull(),
});

/** Agent commission in basis points; agent_id null is the default for everyone. */
export const commissionRates = sqliteTable(
  'commission_rates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id').references(() => users.id),
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    network: text('network').notNull(),
    type: text('type', { enum: PRODUCT_TYPES }).notNull(),
    rateBps: integer('rate_bps').notNull(),
  },
  (t) => [
    unique('commission_rates_one').on(t.agentId, t.currency, t.network, t.type),
    check('commission_rate_range', sql`${t.rateBps} between 0 and 5000`),
  ],
);

/** Numbers an agent sold to, with the network chosen (ported lines) and an optional name. */
export const beneficiaries = sqliteTable(
  'beneficiaries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => users.id),
    phone: text('phone').notNull(),
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    network: text('network').notNull(),
    circle: text('circle'),
    name: text('name'),
    lastUsedAt: integer('last_used_at').notNull(),
  },
  (t) => [unique('beneficiaries_one_per_number').on(t.agentId, t.phone)],
);
