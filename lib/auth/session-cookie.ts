import { cookies } from 'next/headers';
import { encode } from 'next-auth/jwt';
import { env } from '@/lib/env';
import type { SessionClaims } from './session-token';

/** Session cookies carry Secure (and next-auth's __Secure- prefix) in production. */
export const SECURE_COOKIES = env.NODE_ENV === 'production';
export const SESSION_MAX_AGE_S = 12 * 60 * 60;
const SESSION_COOKIE = SECURE_COOKIES
  ? '__Secure-next-auth.session-token'
  : 'next-auth.session-token';

/**
 * Replaces this browser's session cookie with new claims, as next-auth itself would write it (same
 * name, encryption and flags). Used when the second factor is proved or enrolled, which next-auth's
 * Credentials flow knows nothing about.
 */
export async function issueSessionCookie(claims: Required<SessionClaims>): Promise<void> {
  const token = await encode({ token: claims, secret: env.AUTH_SECRET, maxAge: SESSION_MAX_AGE_S });
  const jar = await cookies();
  jar.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: SECURE_COOKIES,
    maxAge: SESSION_MAX_AGE_S,
  });
}
