import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db';
import { env } from '@/lib/env';
import { authenticate } from './authenticate';
import { clientIp } from './client-ip';

const credentialsSchema = z.object({
  email: z.string().trim().email().max(254),
  password: z.string().min(1).max(200),
});

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/sign-in' },
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
        return { ...result.user, id: String(result.user.id) };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: 'agent' | 'admin'; sessionVersion: number };
        token.uid = Number(u.id);
        token.role = u.role;
        token.sv = u.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, role: token.role, sv: token.sv };
    },
  },
};
