import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '@/db';
import { passkeys, webauthnChallenges } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import type { Actor } from '@/lib/audit/record';
import { Refusal } from '@/lib/errors';
import { afterEnrolment, type Enrolled } from './factors';
import { relyingParty } from './relying-party';
import { first, written } from '@/db/query';

const CHALLENGE_TTL_MS = 5 * 60_000;
type Purpose = 'register' | 'authenticate';

async function storeChallenge(
  db: Db,
  userId: number,
  purpose: Purpose,
  challenge: string,
  now: number,
) {
  await db
    .insert(webauthnChallenges)
    .values({ userId, purpose, challenge, expiresAt: now + CHALLENGE_TTL_MS })
    .onConflictDoUpdate({
      target: [webauthnChallenges.userId, webauthnChallenges.purpose],
      set: { challenge, expiresAt: now + CHALLENGE_TTL_MS },
    });
}

/** The ceremony's challenge, removed as it is read: each is good for one answer, before it expires. */
async function takeChallenge(
  db: Db,
  userId: number,
  purpose: Purpose,
  now: number,
): Promise<string | null> {
  const row = await first(
    db
      .delete(webauthnChallenges)
      .where(
        and(
          eq(webauthnChallenges.userId, userId),
          eq(webauthnChallenges.purpose, purpose),
          gt(webauthnChallenges.expiresAt, now),
        ),
      )
      .returning({ challenge: webauthnChallenges.challenge }),
  );
  return row?.challenge ?? null;
}

const userKeys = async (db: Db, userId: number) =>
  await db.select().from(passkeys).where(eq(passkeys.userId, userId));
const transportsOf = (t: string[] | null) => t ?? undefined;

export async function passkeyRegistrationOptions(
  db: Db,
  user: { id: number; email: string; name: string },
  now = Date.now(),
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const rp = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(`portal-user-${user.id}`),
    attestationType: 'none',
    excludeCredentials: (await userKeys(db, user.id)).map((k) => ({
      id: k.id,
      transports: transportsOf(k.transports),
    })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await storeChallenge(db, user.id, 'register', options.challenge, now);
  return options;
}

/** Saves the new passkey, or refuses: an expired request, or an answer that does not check out. */
export async function registerPasskey(
  db: Db,
  actor: Actor,
  userId: number,
  response: RegistrationResponseJSON,
  now = Date.now(),
): Promise<Enrolled> {
  const challenge = await takeChallenge(db, userId, 'register', now);
  if (!challenge) throw new Refusal('This passkey request has expired. Try again.');
  const rp = relyingParty();
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
  } catch {
    throw new Refusal('The passkey could not be checked. Try again.');
  }
  if (!verified.verified || !verified.registrationInfo)
    throw new Refusal('The passkey could not be checked. Try again.');
  const { credential } = verified.registrationInfo;
  const enrolled = await inTransaction(db, async (tx) => {
    await tx.insert(passkeys).values({
      id: credential.id,
      userId,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? null,
      createdAt: now,
    });
    return await afterEnrolment(tx, actor, userId, 'mfa.passkey_added', now);
  });
  return enrolled;
}

/** Null when the user has no passkey. */
export async function passkeyAuthenticationOptions(
  db: Db,
  userId: number,
  now = Date.now(),
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const keys = await userKeys(db, userId);
  if (keys.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    allowCredentials: keys.map((k) => ({ id: k.id, transports: transportsOf(k.transports) })),
    userVerification: 'preferred',
  });
  await storeChallenge(db, userId, 'authenticate', options.challenge, now);
  return options;
}

/** True when the answer is signed by one of this user's passkeys over the live challenge. */
export async function verifyPasskey(
  db: Db,
  userId: number,
  response: AuthenticationResponseJSON,
  now = Date.now(),
): Promise<boolean> {
  const challenge = await takeChallenge(db, userId, 'authenticate', now);
  if (!challenge) return false;
  const key = await first(
    db
      .select()
      .from(passkeys)
      .where(and(eq(passkeys.id, response.id), eq(passkeys.userId, userId))),
  );
  if (!key) return false;
  const rp = relyingParty();
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: key.id,
        publicKey: new Uint8Array(Buffer.from(key.publicKey, 'base64url')),
        counter: key.counter,
        transports: transportsOf(key.transports),
      },
      requireUserVerification: false,
    });
    if (!result.verified) return false;
    // A counter that does not grow (when the authenticator keeps one) is a cloned key: the update refuses it.
    const next = result.authenticationInfo.newCounter;
    const moved = await written(
      db
        .update(passkeys)
        .set({ counter: next, lastUsedAt: now })
        .where(
          and(
            eq(passkeys.id, key.id),
            next === 0 ? eq(passkeys.counter, 0) : lt(passkeys.counter, next),
          ),
        ),
    );
    return moved === 1;
  } catch {
    return false;
  }
}
