import { env } from '@/lib/env';

/**
 * The WebAuthn relying party, from the portal's own URL. Browsers refuse an IP address as an RP ID,
 * and treat localhost as a secure context, so a portal on a loopback address uses "localhost".
 */
export function relyingParty(portalUrl = env.PORTAL_URL): {
  id: string;
  origin: string;
  name: string;
} {
  const url = new URL(portalUrl);
  const loopback = url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (!loopback) return { id: url.hostname, origin: url.origin, name: 'Vending Portal' };
  return {
    id: 'localhost',
    origin: `${url.protocol}//localhost${url.port ? `:${url.port}` : ''}`,
    name: 'Vending Portal',
  };
}
