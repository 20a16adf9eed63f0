import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { epochMs, id, minor, ref } from './columns';
import { users } from './users';
import { PRODUCT_TYPES } from '../../lib/providers/types';

/** One sellable thing; the same plan from several providers is one product with several sources. */
export const products = pgTable(
  'products',
  {
    id: id(),
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
    priceMinor: minor('price_minor'),
    minMinor: minor('min_minor'),
    maxMinor: minor('max_minor'),
    active: boolean('active').notNull().default(true),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [index('products_browse_idx').on(t.currency, t.network, t.type, t.active)],
);

export const productSources = pgTable(
  'product_sources',
  {
    id: id(),
    productId: ref('product_id')
      .notNull()
      .references(() => products.id),
    provider: text('provider').notNull(),
    planCode: text('plan_code').notNull(),
    providerName: text('provider_name').notNull(),
    priceMinor: minor('price_minor'),
    // What the provider charges us per unit of face value, in basis points of the price.
    costBps: integer('cost_bps').notNull(),
    available: boolean('available').notNull().default(true),
    lastSeenAt: epochMs('last_seen_at').notNull(),
  },
  (t) => [unique('product_sources_one_per_provider').on(t.productId, t.provider)],
);

export const priceChanges = pgTable('price_changes', {
  id: id(),
  productSourceId: ref('product_source_id')
    .notNull()
    .references(() => productSources.id),
  oldPriceMinor: minor('old_price_minor'),
  newPriceMinor: minor('new_price_minor'),
  at: epochMs('at').notNull(),
});

/** Agent commission in basis points; agent_id null is the default for everyone. */
export const commissionRates = pgTable(
  'commission_rates',
  {
    id: id(),
    agentId: ref('agent_id').references(() => users.id),
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
export const beneficiaries = pgTable(
  'beneficiaries',
  {
    id: id(),
    agentId: ref('agent_id')
      .notNull()
      .references(() => users.id),
    phone: text('phone').notNull(),
    currency: text('currency', { enum: ['NGN', 'INR'] }).notNull(),
    network: text('network').notNull(),
    circle: text('circle'),
    name: text('name'),
    lastUsedAt: epochMs('last_used_at').notNull(),
  },
  (t) => [unique('beneficiaries_one_per_number').on(t.agentId, t.phone)],
);
