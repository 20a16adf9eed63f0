import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ['agent', 'admin'] }).notNull(),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    passwordHash: text('password_hash').notNull(),
    // Bumped on password change, disable or "sign out everywhere": older JWTs stop working.
    sessionVersion: integer('session_version').notNull().default(1),
    maxSaleMinor: integer('max_sale_minor'),
    dailyLimitMinor: integer('daily_limit_minor'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    check('users_role_valid', sql`${t.role} in ('agent', 'admin')`),
    check('users_status_valid', sql`${t.status} in ('active', 'disabled')`),
  ],
);

export const throttleBuckets = sqliteTable('throttle_buckets', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: integer('window_start').notNull(),
});
