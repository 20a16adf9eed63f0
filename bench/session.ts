/** Signs the bench agent in once through next-auth's credentials endpoint; the cookie is reused by every request. */
import { BENCH_AGENT, PORTAL_URL } from './config';

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!);

export async function signIn(): Promise<string> {
  const csrfRes = await fetch(`${PORTAL_URL}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${PORTAL_URL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar.join('; ') },
    body: new URLSearchParams({
      csrfToken,
      email: BENCH_AGENT.email,
      password: BENCH_AGENT.password,
      callbackUrl: `${PORTAL_URL}/dashboard`,
      json: 'true',
    }),
  });
  await res.arrayBuffer();
  // Production names the cookie __Secure-next-auth.session-token (the bench runs the production build).
  const session = cookiesOf(res).find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in failed (HTTP ${res.status})`);
  // Prove the cookie opens an agent page before any load is built on it.
  const check = await fetch(`${PORTAL_URL}/dashboard`, {
    redirect: 'manual',
    headers: { Cookie: session },
  });
  await check.arrayBuffer();
  if (check.status !== 200)
    throw new Error(`the session cookie does not open /dashboard (HTTP ${check.status})`);
  return session;
}
