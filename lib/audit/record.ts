import { auditLog } from '@/db/schema';
import type { Tx } from '@/db/transaction';

export interface Actor {
  userId: number | null;
  label: string;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system', ip: null };

export interface AuditInput {
  action: string;
  targetType?: string;
  targetId?: string | number;
  detail?: Record<string, unknown>;
}

/** Writes inside the caller's transaction, so the audit row exists exactly when the change does. */
export async function recordAudit(
  tx: Tx,
  actor: Actor,
  input: AuditInput,
  now = Date.now(),
): Promise<void> {
  await tx.insert(auditLog).values({
    at: now,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    ip: actor.ip,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId === undefined ? undefined : String(input.targetId),
    detail: input.detail,
  });
}
