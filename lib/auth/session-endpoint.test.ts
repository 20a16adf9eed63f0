// next-auth's own /api/auth/session must agree with the portal's session check: an old cookie after a
// password change, a disable or "sign out everywhere" reads as signed out, and the cookie is cleared.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AuthOptions } from 'next-auth';
import { encode } from 'next-auth/jwt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { env } from '@/lib/env';
import { createTestDb } from '@/test/world/db';
import { createUser, endAllSessions, setPassword, setUserStatus } from '@/lib/users/commands';
import { authOptions } from './options';

// next-auth's framework-free core, the same code its route handler runs. Its package does not export
// the path, so it is loaded by file.
const require = createRequire(import.meta.url);
const core = require(path.join(path.dirname(require.resolve('next-auth')), 'core/index.js')) as {
  AuthHandler(params: {
    req: Record<string, unknown>;
    options: AuthOptions;
  }): Promise<{ body?: unknown; cookies?: { name: string; value: string }[] }>;
};

let db: Db;
let cleanup: () => void;
const holder = globalThis as unknown as { portalDb?: Db };
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
  holder.portalDb = db; // getDb() inside the callbacks answers with this test's database
});
afterEach(() => {
  holder.portalDb = undefined;
  cleanup();
});

async function sessionEndpoint(cookie: string) {
  const res = await core.AuthHandler({
    req: {
      action: 'session',
      method: 'GET',
      origin: env.PORTAL_URL,
      cookies: { 'next-auth.session-token': cookie },
      headers: {},
      query: {},
      body: {},
    },
    options: authOptions,
  });
  return { body: res.body as Record<string, unknown>, cookies: res.cookies ?? [] };
}

let n = 0;
async function signedInCookie() {
  const user = await createUser(db, SYSTEM_ACTOR, {
    email: `endpoint-${++n}@test.local`,
    name: 'Endpoint',
    password: 'right-password-1',
    role: 'agent',
  });
  const cookie = await encode({
    token: { uid: user.id, sv: user.sessionVersion, role: 'agent', mfa: 'none' },
    secret: env.AUTH_SECRET,
  });
  return { user, cookie };
}

describe("next-auth's session endpoint", () => {
  it('answers a current cookie with the session', async () => {
    const { user, cookie } = await signedInCookie();
    const { body } = await sessionEndpoint(cookie);
    expect(body).toMatchObject({ uid: user.id, role: 'agent' });
  });

  it.each([
    [
      'a password change',
      async (id: number) => await setPassword(db, SYSTEM_ACTOR, id, 'a-new-password-2'),
    ],
    ['a disable', async (id: number) => await setUserStatus(db, SYSTEM_ACTOR, id, 'disabled')],
    ['sign out everywhere', async (id: number) => await endAllSessions(db, SYSTEM_ACTOR, id)],
  ])('answers the old cookie as signed out after %s, and clears it', async (_what, change) => {
    const { user, cookie } = await signedInCookie();
    await change(user.id);
    const { body, cookies } = await sessionEndpoint(cookie);
    expect(body).toEqual({});
    const cleared = cookies.find((c) => c.name === 'next-auth.session-token');
    expect(cleared?.value).toBe('');
  });

  it('answers a cookie of a user that no longer exists as signed out', async () => {
    const cookie = await encode({
      token: { uid: 999_999, sv: 1, role: 'admin' },
      secret: env.AUTH_SECRET,
    });
    expect((await sessionEndpoint(cookie)).body).toEqual({});
  });
});

describe('session cookies in production', () => {
  it('carry Secure and the __Secure- prefix', async () => {
    vi.resetModules();
    vi.stubEnv('NODE_ENV', 'production');
    try {
      const { authOptions: production } = await import('./options');
      const { user } = await signedInCookie();
      const cookie = await encode({
        token: { uid: user.id, sv: user.sessionVersion, role: 'agent', mfa: 'none' },
        secret: env.AUTH_SECRET,
      });
      const res = await core.AuthHandler({
        req: {
          action: 'session',
          method: 'GET',
          origin: env.PORTAL_URL,
          cookies: { '__Secure-next-auth.session-token': cookie },
          headers: {},
          query: {},
          body: {},
        },
        options: production,
      });
      const written = (res.cookies ?? []) as {
        name: string;
        options?: { secure?: boolean; httpOnly?: boolean };
      }[];
      expect(written.map((c) => c.name)).toContain('__Secure-next-auth.session-token');
      expect(written.every((c) => c.options?.secure === true && c.options.httpOnly === true)).toBe(
        true,
      );
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
