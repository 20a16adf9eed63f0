/**
 * The caller's address. Next's own server appends the socket address to x-forwarded-for, so the
 * right-most entry is the one a client cannot forge; earlier entries are only trusted behind a proxy.
 */
export function clientIp(headers: { get(name: string): string | null }, trustProxy = false): string {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) {
    const hops = forwarded.split(',').map((h) => h.trim()).filter(Boolean);
    const ip = trustProxy ? hops[0] : hops[hops.length - 1];
    if (ip) return ip;
  }
  return headers.get('x-real-ip') ?? 'unknown';
}
