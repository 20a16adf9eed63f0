// A fetch that trusts a provider's own CA, for that provider's client only. Node's global fetch has
// one trust store for the whole process; undici (the engine behind it) takes a per-client Agent whose
// TLS options apply to its connections alone. Verification is never switched off: a certificate that
// does not chain to the given CA, or does not name the host, still fails the call.
import { createHash } from 'node:crypto';
import { Agent, fetch as undiciFetch } from 'undici';
import type { ProviderTls } from './types';

// One Agent (and one fetch) per distinct trust, so connections are kept alive across sales instead
// of per adapter, and caches keyed by the transport (the CWG token) are shared between sales.
const transports = new Map<string, typeof fetch>();

export function fetchTrusting(tls: ProviderTls): typeof fetch {
  const key = createHash('sha256')
    .update(tls.caPem)
    .update('\0')
    .update(tls.serverName ?? '')
    .digest('hex');
  let transport = transports.get(key);
  if (!transport) {
    const dispatcher = new Agent({
      connect: {
        ca: tls.caPem,
        rejectUnauthorized: true,
        ...(tls.serverName ? { servername: tls.serverName } : {}),
      },
    });
    transport = ((input: string | URL, init?: RequestInit) =>
      undiciFetch(input, {
        ...(init as Parameters<typeof undiciFetch>[1]),
        dispatcher,
      })) as unknown as typeof fetch;
    transports.set(key, transport);
  }
  return transport;
}
