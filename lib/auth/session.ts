import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { loadSessionUser, type SessionUser } from './authenticate';
import { SESSION_COOKIES } from './cookies';
import { GATE_PATHS, secondFactorGate, type SecondFactorState } from './second-factor/gate';
import { readSessionToken } from './session-token';

export type { SessionUser } from './authenticate';

/** The live user plus where this session stands on its second factor (from the session token). */
export type CurrentUser = SessionUser & { mfa: SecondFactorState; mfaAt: number | null };

/**
 * The signed-in user, checked against the database on every request: a disabled account or a
 * bumped session version (password change, sign out everywhere) ends the session at once.
 * Cached per request, so a page and its components share one lookup.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  const session = token ? await readSessionToken(token) : null;
  if (!session?.uid || session.sv === undefined) return null;
  const user = await loadSessionUser(getDb(), session.uid, session.sv);
  if (!user) return null;
  // A token from before second factors existed has no state: it counts as not yet proved.
  const mfa = session.mfa ?? 'none';
  return { ...user, mfa, mfaAt: mfa === 'verified' ? (session.mfaAt ?? null) : null };
});

/** Any session, even one still owing its second factor (the sign-in steps themselves). */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  return user;
}

/** A session that may use the portal: its second factor proved, or (an agent) not enrolled. */
async function requireOpenSession(): Promise<CurrentUser> {
  const user = await requireUser();
  const gate = secondFactorGate(user.role, user.mfa);
  if (gate !== 'open') redirect(GATE_PATHS[gate]);
  return user;
}

/** Where a session that may use the portal starts. */
export function homeOf(user: CurrentUser): string {
  const gate = secondFactorGate(user.role, user.mfa);
  if (gate !== 'open') return GATE_PATHS[gate];
  return user.role === 'admin' ? '/admin' : '/dashboard';
}

export async function requireAgent(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== 'agent') redirect('/admin');
  return requireOpenSession();
}

export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== 'admin') redirect('/dashboard');
  return requireOpenSession();
}
