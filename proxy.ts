import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIES } from '@/lib/auth/cookies';
import { contentSecurityPolicy, newNonce } from '@/lib/security/csp';

const PROTECTED =
  /^\/(dashboard|buy|wallet|transactions|admin|beneficiaries|catalogue|account|bulk|webhooks)(\/|$)/;

/**
 * Two jobs, on two kinds of request (see the matcher):
 * - Optimistic only: sends visitors without a session cookie to sign-in. Every page, action and
 *   route handler still checks the session and role itself against the database.
 * - Every HTML page gets a nonce-based Content-Security-Policy, the way the Next.js guide does it:
 *   the nonce goes into the request's CSP header, from which Next reads it while rendering, and the
 *   same policy goes on the response. A page view now passes through the proxy, which costs it some
 *   server time; server actions (the sale), RSC navigations, prefetches and API routes answer no HTML
 *   and skip it, so the sale pays nothing for the policy.
 */
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && PROTECTED.test(request.nextUrl.pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = '';
    return NextResponse.redirect(url);
  }
  if (!isPageRequest(request)) return NextResponse.next();
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    // Next replaces NODE_ENV at build time: this reads no runtime environment.
    dev: process.env.NODE_ENV === 'development',
    https: request.headers.get('x-forwarded-proto') === 'https',
  });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  // For a server component that renders a <Script> of its own: (await headers()).get('x-nonce').
  headers.set('x-nonce', nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

/** A document load: not a server action, an RSC fetch or a prefetch (the matcher excludes most already). */
function isPageRequest(request: NextRequest): boolean {
  return (
    !request.headers.has('next-action') &&
    !request.headers.has('rsc') &&
    !request.headers.has('next-router-prefetch')
  );
}

// Literal, because Next reads the matcher at build time (the cookie names are SESSION_COOKIES').
export const config = {
  matcher: [
    {
      source:
        '/:section(dashboard|buy|wallet|transactions|admin|beneficiaries|catalogue|account|bulk|webhooks)/:path*',
      missing: [
        { type: 'cookie', key: 'next-auth.session-token' },
        { type: 'cookie', key: '__Secure-next-auth.session-token' },
      ],
    },
    {
      source: '/((?!api/|_next/static/|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-action' },
        { type: 'header', key: 'rsc' },
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
