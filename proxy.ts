import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIES } from '@/lib/auth/cookies';

/**
 * Optimistic only: sends visitors without a session cookie to sign-in. Every page, action and
 * route handler still checks the session and role itself against the database.
 * The matcher runs it only when neither session cookie is present: for a signed-in agent it would
 * only wave the request through, and adapting every page view and sale to a proxy request cost
 * about 15 % of the dashboard's and the sale's server time.
 */
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = '';
  return NextResponse.redirect(url);
}

// Literal (the names of SESSION_COOKIES), because Next reads the matcher at build time.
export const config = {
  matcher: [
    {
      source: '/:section(dashboard|buy|wallet|transactions|admin|beneficiaries|catalogue|account)/:path*',
      missing: [
        { type: 'cookie', key: 'next-auth.session-token' },
        { type: 'cookie', key: '__Secure-next-auth.session-token' },
      ],
    },
  ],
};
