import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs, id, minor } from './columns';

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ['agent', 'admin'] }).notNull(),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    passwordHash: text('password_hash').notNull(),
    // Bumped on password change, disable or "sign out everywhere": older JWTs stop working.
    sessionVersion: integer('session_version').notNull().default(1),
    maxSaleMinor: minor('max_sale_minor'),
    dailyLimitMinor: minor('daily_limit_minor'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    check('users_role_valid', sql`${t.role} in ('agent', 'admin')`),
    check('users_status_valid', sql`${t.status} in ('active', 'disabled')`),
  ],
);

export const throttleBuckets = pgTable('throttle_buckets', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: epochMs('window_start').notNull(),
});
