import { env } from '@/lib/env';
import { secondFactorGate } from './second-factor/gate';
import { getCurrentUser, type CurrentUser } from './session';

type Role = 'agent' | 'admin';

/** Route handlers answer 401/403 themselves: the proxy's redirect is only a convenience. */
export async function routeUser(
  role: Role,
): Promise<{ user: CurrentUser } | { response: Response }> {
  const user = await getCurrentUser();
  if (!user) return { response: Response.json({ error: 'Sign in first.' }, { status: 401 }) };
  if (user.role !== role)
    return { response: Response.json({ error: 'Not allowed.' }, { status: 403 }) };
  // A session still owing its second factor is not signed in yet, as far as data goes.
  if (secondFactorGate(user.role, user.mfa) !== 'open')
    return { response: Response.json({ error: 'Finish signing in first.' }, { status: 401 }) };
  return { user };
}

/** State-changing route handlers refuse a foreign Origin (server actions get this from Next). */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  // x-forwarded-host is the client's to forge unless a trusted proxy sets it.
  const forwarded =
    env.TRUST_PROXY.kind !== 'none' ? request.headers.get('x-forwarded-host') : null;
  const host = forwarded ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
