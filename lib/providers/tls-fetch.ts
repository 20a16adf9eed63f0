// A fetch that trusts a provider's own CA, for that provider's client only. Node's global fetch has
// one trust store for the whole process; undici (the engine behind it) takes a per-client Agent whose
// TLS options apply to its connections alone. Verification is never switched off: a certificate that
// does not chain to the given CA, or does not name the host, still fails the call.
import { createHash } from 'node:crypto';
import { Agent, fetch as undiciFetch } from 'undici';
import type { ProviderTls } from './types';

// One Agent per distinct trust, so connections are kept alive across sales instead of per adapter.
const agents = new Map<string, Agent>();

function agentFor(tls: ProviderTls): Agent {
  const key = createHash('sha256').update(tls.caPem).update('\0').update(tls.serverName ?? '').digest('hex');
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ connect: { ca: tls.caPem, rejectUnauthorized: true, ...(tls.serverName ? { servername: tls.serverName } : {}) } });
    agents.set(key, agent);
  }
  return agent;
}

export function fetchTrusting(tls: ProviderTls): typeof fetch {
  const dispatcher = agentFor(tls);
  return ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher })) as unknown as typeof fetch;
}
