import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db';
import { env } from '@/lib/env';
import { accountEmail, authenticate, loadSessionUser } from './authenticate';
import { clientIp } from './client-ip';
import { hasSecondFactor } from './second-factor/factors';
import type { SecondFactorState } from './second-factor/gate';
import { SECURE_COOKIES, SESSION_MAX_AGE_S } from './session-cookie';

const credentialsSchema = z.object({
  email: accountEmail,
  password: z.string().min(1).max(200),
});

/** Thrown by the jwt callback for a token the database no longer honours: next-auth then clears the cookie. */
class EndedSessionError extends Error {
  constructor() {
    super('The session has ended (password change, disable or sign out everywhere).');
    this.name = 'EndedSessionError';
  }
}

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  useSecureCookies: SECURE_COOKIES,
  pages: { signIn: '/sign-in' },
  logger: {
    // An ended session is an expected answer ("signed out"), not a server error worth a stack trace.
    error(code, metadata) {
      if (metadata instanceof EndedSessionError) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error('Enter your email and password.');
        const headers = new Headers(req.headers as Record<string, string>);
        const ip = clientIp(headers);
        const result = await authenticate(getDb(), parsed.data.email, parsed.data.password, ip);
        if (!result.ok) throw new Error(result.message);
        const mfa: SecondFactorState = (await hasSecondFactor(getDb(), result.user.id))
          ? 'pending'
          : 'none';
        return { ...result.user, id: String(result.user.id), mfa };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as {
          id: string;
          role: 'agent' | 'admin';
          sessionVersion: number;
          mfa: SecondFactorState;
        };
        token.uid = Number(u.id);
        token.role = u.role;
        token.sv = u.sessionVersion;
        token.mfa = u.mfa;
        token.mfaAt = null;
        return token;
      }
      // next-auth's own session endpoint asks the database too, as every page does (session.ts).
      if (!(await loadSessionUser(getDb(), Number(token.uid), Number(token.sv))))
        throw new EndedSessionError();
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, role: token.role, sv: token.sv, mfa: token.mfa };
    },
  },
};
