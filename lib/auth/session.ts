import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { loadSessionUser, type SessionUser } from './authenticate';
import { authOptions } from './options';

export type { SessionUser } from './authenticate';

/**
 * The signed-in user, checked against the database on every request: a disabled account or a
 * bumped session version (password change, sign out everywhere) ends the session at once.
 * Cached per request, so a page and its components share one lookup.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: number; sv?: number } | null;
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
