import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Db } from '@/db';
import { Refusal } from '@/lib/errors';
import { recordAudit, type Actor } from '@/lib/audit/record';
import { clearHits, takeHit, type ThrottleRule } from '../throttle';
import { consumeRecoveryCode, consumeTotpCode, factorSummary } from './factors';
import { verifyPasskey } from './passkeys';
import { looksLikeRecoveryCode } from './recovery-codes';

export type Proof =
  { kind: 'code'; code: string } | { kind: 'passkey'; response: AuthenticationResponseJSON };
export type Verified = { method: 'totp' | 'recovery_code' | 'passkey'; recoveryCodesLeft: number };

/** A million 6-digit codes: 5 tries per quarter hour makes guessing one hopeless. */
export const SECOND_FACTOR_RULE: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 };
export const WRONG_CODE = 'That code is not right, or it was already used.';

/**
 * Checks a code (authenticator app or recovery code) or a passkey answer; throttled per user, audited.
 * A wrong or throttled answer is a Refusal, on the code field when a code was given.
 */
export async function verifySecondFactor(
  db: Db,
  actor: Actor,
  userId: number,
  proof: Proof,
  now = Date.now(),
): Promise<Verified> {
  const field = proof.kind === 'code' ? 'code' : undefined;
  const key = `mfa:user:${userId}`;
  // Counted before it is checked, so a burst of codes sent together cannot all be tried.
  const wait = await takeHit(db, key, SECOND_FACTOR_RULE, now);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60_000);
    throw new Refusal(
      `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      field,
    );
  }
  let method: 'totp' | 'recovery_code' | 'passkey';
  let passed: boolean;
  if (proof.kind === 'passkey') {
    method = 'passkey';
    passed = await verifyPasskey(db, userId, proof.response, now);
  } else if (looksLikeRecoveryCode(proof.code)) {
    method = 'recovery_code';
    passed = await consumeRecoveryCode(db, userId, proof.code, now);
  } else {
    method = 'totp';
    passed = await consumeTotpCode(db, userId, proof.code, now);
  }
  if (!passed) {
    await recordAudit(
      db,
      actor,
      {
        action: 'auth.second_factor_failed',
        targetType: 'user',
        targetId: userId,
        detail: { method },
      },
      now,
    );
    throw new Refusal(
      method === 'passkey' ? 'The passkey was not accepted. Try again, or use a code.' : WRONG_CODE,
      field,
    );
  }
  await clearHits(db, key);
  await recordAudit(
    db,
    actor,
    { action: 'auth.second_factor', targetType: 'user', targetId: userId, detail: { method } },
    now,
  );
  return { method, recoveryCodesLeft: (await factorSummary(db, userId)).recoveryCodesLeft };
}
