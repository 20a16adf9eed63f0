'use server';

import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { refuseUnlessFresh, sessionAction, type ActionContext } from '@/lib/actions/action';
import { fail, ok } from '@/lib/actions/result';
import { regenerateRecoveryCodes } from '@/lib/auth/second-factor/factors';
import {
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
  registerPasskey,
} from '@/lib/auth/second-factor/passkeys';
import { finishTotpEnrolment, startTotpEnrolment } from '@/lib/auth/second-factor/totp-enrolment';
import { verifySecondFactor, type Proof } from '@/lib/auth/second-factor/verify';
import { issueSessionCookie } from '@/lib/auth/session-cookie';
import { homeOf, type CurrentUser } from '@/lib/auth/session';
import { safeNextPath } from '@/lib/auth/second-factor/next-path';

// The sign-in's second step, and enrolment. These run for sessions that still owe their second
// factor (sessionAction), so each one checks what the session's state allows.

const next = z.string().max(300).optional();
const webauthnJson = z
  .string()
  .min(2, 'No passkey answer.')
  .max(2_000)
  .transform((s, ctx) => {
    try {
      return z
        .looseObject({
          id: z.string().max(1_000),
          rawId: z.string().max(1_000),
          type: z.literal('public-key'),
          response: z.looseObject({}),
        })
        .parse(JSON.parse(s));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'The passkey answer is malformed.' });
      return z.NEVER;
    }
  });

async function markVerified(user: CurrentUser, sessionVersion = user.sessionVersion) {
  await issueSessionCookie({
    uid: user.id,
    sv: sessionVersion,
    role: user.role,
    mfa: 'verified',
    mfaAt: Date.now(),
  });
}

/**
 * Proves the factor: at sign-in (pending) or again before a sensitive change (step-up). Answers
 * where to go next: after a recovery code, to set up a new device.
 */
async function verifyAndContinue(
  proof: Proof,
  nextPath: string | undefined,
  { user, actor }: ActionContext,
) {
  if (user.mfa === 'none') return fail('This account has no second factor to confirm.');
  const result = await verifySecondFactor(getDb(), actor, user.id, proof);
  await markVerified(user);
  const to =
    result.method === 'recovery_code'
      ? `/sign-in/enrol?recovered=${result.recoveryCodesLeft}`
      : (safeNextPath(nextPath) ?? homeOf({ ...user, mfa: 'verified' }));
  return ok({ to });
}

export const verifyCodeAction = sessionAction(
  z.object({
    code: z.string().trim().min(6, 'Enter the 6-digit code or a recovery code.').max(60),
    next,
  }),
  async (input, ctx) => {
    const result = await verifyAndContinue({ kind: 'code', code: input.code }, input.next, ctx);
    if (result.ok) redirect(result.data.to);
    return result;
  },
);

export const passkeyChallengeAction = sessionAction(z.object({}), async (_input, { user }) => {
  if (user.mfa === 'none') return fail('This account has no second factor to confirm.');
  const options = await passkeyAuthenticationOptions(getDb(), user.id);
  return options ? ok(options) : fail('No passkey is registered for this account.');
});

export const verifyPasskeyAction = sessionAction(
  z.object({ response: webauthnJson, next }),
  (input, ctx) =>
    verifyAndContinue(
      { kind: 'passkey', response: input.response as unknown as AuthenticationResponseJSON },
      input.next,
      ctx,
    ),
);

/**
 * Enrolment is open to a session without a factor (an admin's first sign-in, an agent opting in)
 * and to a verified one adding or replacing a factor, if it proved its factor in the last minutes.
 */
function refuseEnrolment(user: CurrentUser) {
  if (user.mfa === 'pending') return fail('Confirm your second factor first.');
  return user.mfa === 'verified' ? refuseUnlessFresh(user) : null;
}

export const startTotpAction = sessionAction(z.object({}), async (_input, { user }) => {
  const refused = refuseEnrolment(user);
  if (refused) return refused;
  return ok(await startTotpEnrolment(user));
});

export const finishTotpAction = sessionAction(
  z.object({
    ticket: z.string().min(1).max(500),
    code: z.string().trim().min(1, 'Enter the 6-digit code from the app.').max(20),
  }),
  async (input, { user, actor }) => {
    const refused = refuseEnrolment(user);
    if (refused) return refused;
    const enrolled = await finishTotpEnrolment(getDb(), actor, user.id, input.ticket, input.code);
    await markVerified(user, enrolled.sessionVersion);
    return ok({ recoveryCodes: enrolled.recoveryCodes }, 'Authenticator app set up.');
  },
);

export const passkeyRegistrationAction = sessionAction(z.object({}), async (_input, { user }) => {
  const refused = refuseEnrolment(user);
  if (refused) return refused;
  return ok(await passkeyRegistrationOptions(getDb(), user));
});

export const registerPasskeyAction = sessionAction(
  z.object({ response: webauthnJson }),
  async (input, { user, actor }) => {
    const refused = refuseEnrolment(user);
    if (refused) return refused;
    const enrolled = await registerPasskey(
      getDb(),
      actor,
      user.id,
      input.response as unknown as RegistrationResponseJSON,
    );
    await markVerified(user, enrolled.sessionVersion);
    return ok({ recoveryCodes: enrolled.recoveryCodes }, 'Passkey added.');
  },
);

export const regenerateRecoveryCodesAction = sessionAction(
  z.object({}),
  async (_input, { user, actor }) => {
    if (user.mfa !== 'verified') return fail('Set up a second factor first.');
    const refused = refuseUnlessFresh(user);
    if (refused) return refused;
    return ok(
      { recoveryCodes: await regenerateRecoveryCodes(getDb(), actor, user.id) },
      'New recovery codes. The old ones no longer work.',
    );
  },
);
