/**
 * The caller's address, as the portal's own HTTP front (scripts/portal-server.ts) resolved it from
 * the socket and the proxies TRUST_PROXY declares. Next.js cannot do this itself: it sets
 * X-Forwarded-For to the socket's address only when the request has none, and keeps a client-sent
 * one as it came, so no header Next passes on is safe to read by itself.
 */
export const CLIENT_ADDRESS_HEADER = 'x-portal-client-address';

// Same process, same global: set by the front before Next loads, read by the compiled app.
const FRONT = Symbol.for('agent-vending-portal.client-address-front');

export function markClientAddressFront(): void {
  (globalThis as Record<symbol, unknown>)[FRONT] = true;
}

export function clientAddressFrontPresent(): boolean {
  return (globalThis as Record<symbol, unknown>)[FRONT] === true;
}

/** Without the front (a bare `next start`) any such header came from the client: nobody's address is known. */
export function clientIp(headers: { get(name: string): string | null }): string {
  if (!clientAddressFrontPresent()) return 'unknown';
  return headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}
