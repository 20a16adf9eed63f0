import { hkdfSync } from 'node:crypto';
import { jwtDecrypt } from 'jose';
import { env } from '@/lib/env';
import type { SecondFactorState } from './second-factor/gate';

/** What the jwt callback in options.ts (and issueSessionCookie) puts in the token. */
export type SessionClaims = {
  uid?: number;
  sv?: number;
  role?: string;
  mfa?: SecondFactorState;
  mfaAt?: number | null;
};

// next-auth v4 session cookie: a JWE (alg dir, enc A256GCM) under a key it derives from the secret
// with HKDF-SHA256, an empty salt and this info string (next-auth/jwt `getDerivedEncryptionKey`).
const KEY_INFO = 'NextAuth.js Generated Encryption Key';
const CLOCK_TOLERANCE_S = 15; // as next-auth's own decode

let derived: { secret: string; key: Uint8Array } | undefined;
function encryptionKey(): Uint8Array {
  if (derived?.secret !== env.AUTH_SECRET) {
    derived = {
      secret: env.AUTH_SECRET,
      key: new Uint8Array(hkdfSync('sha256', env.AUTH_SECRET, '', KEY_INFO, 32)),
    };
  }
  return derived.key;
}

/**
 * Reads the session cookie the way next-auth's decode does, with the key derived once per process
 * instead of on every request. getServerSession also runs the callbacks and encrypts a fresh cookie
 * that a server component cannot even send, which made it the costliest step of a sale's request.
 * A forged, tampered or expired token reads as no session.
 */
export async function readSessionToken(token: string): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(), {
      clockTolerance: CLOCK_TOLERANCE_S,
    });
    return payload as SessionClaims;
  } catch {
    return null;
  }
}
