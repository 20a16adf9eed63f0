import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs, id, ref } from './columns';

/** Append-only (I8): triggers refuse UPDATE, DELETE and TRUNCATE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: epochMs('at').notNull(),
    actorUserId: ref('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    ip: text('ip'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_action_idx').on(t.action, t.at), index('audit_at_idx').on(t.at)],
);
