/** Where to go after confirming: only a path on this site (never "//host" or a full URL), never back into sign-in. */
export function safeNextPath(next: string | undefined | null): string | null {
  if (!next || !/^\/(?!\/)[A-Za-z0-9\-._~/?=&%]*$/.test(next)) return null;
  return next.startsWith('/sign-in') ? null : next;
}
