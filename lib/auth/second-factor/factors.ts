import { and, count, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { passkeys, recoveryCodes, totpFactors, users, webauthnChallenges } from '@/db/schema';
import { inTransaction, type Tx } from '@/db/transaction';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { Refusal } from '@/lib/errors';
import { env } from '@/lib/env';
import { seal, unseal } from '@/lib/provider-settings/crypto';
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';
import { matchTotpStep } from './totp';
import { first, written } from '@/db/query';

const totpContext = (userId: number) => Buffer.from(`totp-secret:user:${userId}`);

export interface FactorSummary {
  totp: boolean;
  passkeys: number;
  recoveryCodesLeft: number;
}

export async function factorSummary(db: Db, userId: number): Promise<FactorSummary> {
  const totp = await first(
    db
      .select({ userId: totpFactors.userId })
      .from(totpFactors)
      .where(eq(totpFactors.userId, userId)),
  );
  const keys =
    (await first(db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId))))?.n ??
    0;
  const codes =
    (
      await first(
        db
          .select({ n: count() })
          .from(recoveryCodes)
          .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
      )
    )?.n ?? 0;
  return { totp: Boolean(totp), passkeys: keys, recoveryCodesLeft: codes };
}

export async function hasSecondFactor(db: Db, userId: number): Promise<boolean> {
  const summary = await factorSummary(db, userId);
  return summary.totp || summary.passkeys > 0;
}

/** Replaces every recovery code of the user with a fresh set; only their hashes are kept. */
export async function issueRecoveryCodes(tx: Tx, userId: number): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

/** Spends one recovery code: true once per code, false for a wrong or already used one. */
export async function consumeRecoveryCode(
  db: Db,
  userId: number,
  code: string,
  now = Date.now(),
): Promise<boolean> {
  const used = await written(
    db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(recoveryCodes.userId, userId),
          eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
          isNull(recoveryCodes.usedAt),
        ),
      ),
  );
  return used === 1;
}

/**
 * Checks a code from the user's authenticator app and records its step, so the same code (or an
 * earlier one) is refused afterwards. The conditional update makes two racing requests count once.
 */
export async function consumeTotpCode(
  db: Db,
  userId: number,
  code: string,
  now = Date.now(),
): Promise<boolean> {
  const row = await first(db.select().from(totpFactors).where(eq(totpFactors.userId, userId)));
  if (!row) return false;
  const step = matchTotpStep(
    unseal(env.CREDENTIALS_KEY, totpContext(userId), row.secretSealed),
    code,
    now,
  );
  if (step === null || step <= row.lastStep) return false;
  const taken = await written(
    db
      .update(totpFactors)
      .set({ lastStep: step })
      .where(and(eq(totpFactors.userId, userId), lt(totpFactors.lastStep, step))),
  );
  return taken === 1;
}

/** Bumps the session version: every other session of the user ends (the caller re-issues its own). */
async function endOtherSessions(tx: Tx, userId: number): Promise<number> {
  const row = await first(
    tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ sv: users.sessionVersion }),
  );
  if (!row) throw new Refusal('No such user.');
  return row.sv;
}

export interface Enrolled {
  sessionVersion: number;
  /** Shown once, when this enrolment gave the user their first set. */
  recoveryCodes: string[] | null;
}

/** The factor is added, recovery codes issued if the user has none, other sessions ended, audited. */
export async function afterEnrolment(
  tx: Tx,
  actor: Actor,
  userId: number,
  action: string,
  now: number,
): Promise<Enrolled> {
  const hasCodes = await first(
    tx
      .select({ id: recoveryCodes.id })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
  );
  const codes = hasCodes ? null : await issueRecoveryCodes(tx, userId);
  const sessionVersion = await endOtherSessions(tx, userId);
  await recordAudit(tx, actor, { action, targetType: 'user', targetId: userId }, now);
  return { sessionVersion, recoveryCodes: codes };
}

/** Stores (or replaces) the user's authenticator app once a code from it was checked. */
export async function saveTotpFactor(
  db: Db,
  actor: Actor,
  userId: number,
  secretBase32: string,
  step: number,
  now = Date.now(),
): Promise<Enrolled> {
  return await inTransaction(db, async (tx) => {
    const secretSealed = seal(env.CREDENTIALS_KEY, totpContext(userId), secretBase32);
    await tx
      .insert(totpFactors)
      .values({ userId, secretSealed, lastStep: step, createdAt: now })
      .onConflictDoUpdate({
        target: totpFactors.userId,
        set: { secretSealed, lastStep: step, createdAt: now },
      });
    return await afterEnrolment(tx, actor, userId, 'mfa.totp_enrolled', now);
  });
}

/** New recovery codes for a user who has a factor: the old ones stop working. */
export async function regenerateRecoveryCodes(
  db: Db,
  actor: Actor,
  userId: number,
  now = Date.now(),
): Promise<string[]> {
  return await inTransaction(db, async (tx) => {
    const codes = await issueRecoveryCodes(tx, userId);
    await recordAudit(
      tx,
      actor,
      { action: 'mfa.recovery_codes_regenerated', targetType: 'user', targetId: userId },
      now,
    );
    return codes;
  });
}

/**
 * Another admin's lost device: every factor and recovery code of the user is removed and their
 * sessions end; at the next sign-in an admin is asked to enrol again. Audited.
 */
export async function resetSecondFactor(
  db: Db,
  actor: Actor,
  userId: number,
  now = Date.now(),
): Promise<void> {
  if (actor.userId === userId)
    throw new Refusal('Ask another admin to reset your own second factor.');
  await inTransaction(db, async (tx) => {
    await tx.delete(totpFactors).where(eq(totpFactors.userId, userId));
    await tx.delete(passkeys).where(eq(passkeys.userId, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.delete(webauthnChallenges).where(eq(webauthnChallenges.userId, userId));
    await endOtherSessions(tx, userId);
    await recordAudit(
      tx,
      actor,
      { action: 'mfa.reset', targetType: 'user', targetId: userId },
      now,
    );
  });
}

/** Every admin with what second factors they have, for the admins page. */
export async function listAdminsWithFactors(db: Db) {
  return await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      // Spelled out: drizzle writes ${users.id} as a bare "id" here, which inside the subquery would
      // name passkeys' own id column. `exists` is 0/1 on SQLite and a boolean on PostgreSQL: mapped to
      // a boolean on both.
      totp: sql<boolean>`exists (select 1 from totp_factors t where t.user_id = "users"."id")`.mapWith(
        Boolean,
      ),
      passkeys: sql<number>`(select count(*) from passkeys p where p.user_id = "users"."id")`,
    })
    .from(users)
    .where(eq(users.role, 'admin'))
    .orderBy(users.email);
}
