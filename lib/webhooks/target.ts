import dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { isForbiddenAddress } from './address-guard';

/** Demo mode lets a receiver on this machine (http, 127.0.0.1) take the webhooks; production does not. */
export interface TargetPolicy {
  allowHttp: boolean;
  allowPrivate: boolean;
}

export const STRICT: TargetPolicy = { allowHttp: false, allowPrivate: false };
export const DEMO_POLICY: TargetPolicy = { allowHttp: true, allowPrivate: true };

/** The URL's own shape: https (unless the policy allows http), no credentials in it, a literal IP checked here. */
export function urlProblem(raw: string, policy: TargetPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full address, like https://example.com/webhooks.';
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:'))
    return 'The address must start with https://.';
  if (url.username || url.password) return 'The address may not carry a user name or password.';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowPrivate && isIP(host) && isForbiddenAddress(host))
    return 'That address is private or local: webhooks go to public addresses only.';
  if (!policy.allowPrivate && /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host))
    return 'That address is private or local: webhooks go to public addresses only.';
  return null;
}

/** At registration: the shape, then what the name resolves to now (delivery checks again at connect time). */
export async function targetProblem(raw: string, policy: TargetPolicy): Promise<string | null> {
  const problem = urlProblem(raw, policy);
  if (problem || policy.allowPrivate) return problem;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return null;
  try {
    const addresses = await dns.promises.lookup(host, { all: true });
    if (addresses.some((a) => isForbiddenAddress(a.address)))
      return 'That address is private or local: webhooks go to public addresses only.';
  } catch {
    return `The name ${host} does not resolve.`;
  }
  return null;
}

/**
 * Checks every address a name resolves to at the moment of connecting, so a name that turns private
 * after registration (DNS rebinding) is refused at delivery too.
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 4);
    if (addresses.length === 0 || addresses.some((a) => isForbiddenAddress(a.address))) {
      return callback(
        Object.assign(new Error(`${hostname} resolves to a private or local address`), {
          code: 'EFORBIDDEN',
        }),
        '',
        4,
      );
    }
    if (options.all)
      return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

let strictAgent: Agent | undefined;
let demoAgent: Agent | undefined;

/** The connection pool deliveries use: the guarded resolver outside demo mode. */
export function deliveryDispatcher(policy: TargetPolicy): Agent {
  if (policy.allowPrivate) return (demoAgent ??= new Agent({ connect: { timeout: 10_000 } }));
  return (strictAgent ??= new Agent({ connect: { timeout: 10_000, lookup: guardedLookup } }));
}
