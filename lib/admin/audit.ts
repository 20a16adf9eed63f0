import { and, count, desc, eq, gte, lt, or } from 'drizzle-orm';
import { containsText, equalsText, startsWithText } from '@/lib/text-search';
import type { Db } from '@/db';
import { auditLog } from '@/db/schema';
import { first } from '@/db/query';

export interface AuditFilter {
  /** Exact action, or a prefix ending with a dot ("funding." matches every funding action). */
  action?: string;
  /** Part of the actor's label (an email, or "system"). */
  actor?: string;
  from?: number;
  to?: number;
  target?: string;
}

export async function listAudit(db: Db, filter: AuditFilter, page = 1, pageSize = 50) {
  const action = filter.action?.trim();
  const where = and(
    action
      ? action.endsWith('.')
        ? startsWithText(auditLog.action, action)
        : eq(auditLog.action, action)
      : undefined,
    filter.actor?.trim() ? containsText(auditLog.actorLabel, filter.actor.trim()) : undefined,
    filter.from !== undefined ? gte(auditLog.at, filter.from) : undefined,
    filter.to !== undefined ? lt(auditLog.at, filter.to) : undefined,
    filter.target?.trim()
      ? or(
          eq(auditLog.targetId, filter.target.trim()),
          equalsText(auditLog.targetType, filter.target.trim()),
        )
      : undefined,
  );
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = (await first(db.select({ n: count() }).from(auditLog).where(where)))?.n ?? 0;
  return { rows, total, page, pageSize };
}

/** The actions seen so far, for the filter's choices. */
export async function listAuditActions(db: Db): Promise<string[]> {
  return (
    await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action)
  ).map((r) => r.action);
}
