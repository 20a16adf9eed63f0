import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

/**
 * Optimistic only: sends visitors without a session cookie to sign-in. Every page, action and
 * route handler still checks the session and role itself against the database.
 */
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = '';
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/dashboard/:path*', '/buy/:path*', '/wallet/:path*', '/transactions/:path*', '/admin/:path*', '/beneficiaries/:path*', '/catalogue/:path*', '/account/:path*'],
};
