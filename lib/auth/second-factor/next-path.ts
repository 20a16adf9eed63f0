/** Where to go after confirming: only a path on this site (never "//host" or a full URL), never back to a sign-in step. */
export function safeNextPath(next: string | undefined | null): string | null {
  if (!next || !/^\/(?!\/)[A-Za-z0-9\-._~/?=&%]*$/.test(next)) return null;
  const path = next.split('?')[0]!;
  return path === '/sign-in' || path === '/sign-in/verify' ? null : next;
}
