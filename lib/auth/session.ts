import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { loadSessionUser, type SessionUser } from './authenticate';
import { SESSION_COOKIES } from './cookies';
import { readSessionToken } from './session-token';

export type { SessionUser } from './authenticate';

/**
 * The signed-in user, checked against the database on every request: a disabled account or a
 * bumped session version (password change, sign out everywhere) ends the session at once.
 * Cached per request, so a page and its components share one lookup.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  const session = token ? await readSessionToken(token) : null;
  if (!session?.uid || session.sv === undefined) return null;
  return loadSessionUser(getDb(), session.uid, session.sv);
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  return user;
}

export async function requireAgent(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== 'agent') redirect('/admin');
  return user;
}

export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== 'admin') redirect('/dashboard');
  return user;
}
