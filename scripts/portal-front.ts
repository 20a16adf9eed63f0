import type { IncomingMessage } from 'node:http';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/client-ip';
import { resolveClientAddress, type TrustProxy } from '@/lib/trust-proxy';

// What a proxy tells the portal about the client. From a peer that is not a declared proxy, these
// are the client's own words.
const FORWARDED_HEADERS = [
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'forwarded',
];

/**
 * Runs on every request before Next sees it: the client's address, resolved from the socket and the
 * declared proxies, goes into the one header the app reads (a client-sent copy is overwritten). With
 * no proxy declared the forwarded headers are dropped, so Next derives host, protocol and address
 * from the connection itself.
 */
export function prepareRequest(req: IncomingMessage, trust: TrustProxy): void {
  const forwardedFor = req.headers['x-forwarded-for'];
  const chain = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.socket.remoteAddress, chain, trust);
  if (trust.kind === 'none') for (const name of FORWARDED_HEADERS) delete req.headers[name];
}
