import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of the portal may name the client in X-Forwarded-For:
 * - none: the socket's address is the client (a client-sent X-Forwarded-For is ignored);
 * - hops: that many proxies, each appending the address it saw, stand in front of the portal;
 * - addresses: proxies at these addresses (or CIDR ranges) are trusted, whatever their number.
 */
export type TrustProxy =
  { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; list: string[] };

/** The policy, or the reason the setting is refused. "true" is refused: it cannot say how far to trust. */
export function parseTrustProxy(value: string | undefined): TrustProxy | string {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) return { kind: 'hops', hops: Number(text) };
  const list = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = list.filter((entry) => toBlockList([entry]) === null);
  if (bad.length > 0 || list.length === 0) {
    return `TRUST_PROXY takes the number of proxy hops in front of the portal (e.g. 1) or their addresses/CIDRs (e.g. 10.0.0.5,10.1.0.0/16); got "${text}"`;
  }
  return { kind: 'addresses', list };
}

/** Strips an IPv4-mapped prefix and a port, so one client has one spelling. Null when not an address. */
export function normaliseAddress(raw: string | undefined): string | null {
  let text = raw?.trim() ?? '';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  if (text.toLowerCase().startsWith('::ffff:') && isIP(text.slice(7)) === 4) text = text.slice(7);
  return isIP(text) ? text.toLowerCase() : null;
}

function toBlockList(entries: string[]): BlockList | null {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const normalised = normaliseAddress(address);
    if (!normalised) return null;
    const family = isIP(normalised) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(normalised, family);
    else if (/^\d+$/.test(bits) && Number(bits) <= (family === 'ipv4' ? 32 : 128))
      list.addSubnet(normalised, Number(bits), family);
    else return null;
  }
  return list;
}

/** True when every entry is an address or a CIDR range (an API key's allow-list). */
export function validAddressList(entries: string[]): boolean {
  return toBlockList(entries) !== null;
}

/** Whether the address is one of the entries (addresses or CIDR ranges); an unknown address never is. */
export function addressInList(list: string[], address: string): boolean {
  const normalised = normaliseAddress(address);
  return normalised !== null && list.length > 0 && trusted(list, normalised);
}

const blockLists = new Map<string, BlockList>();
function trusted(list: string[], address: string): boolean {
  const key = list.join(',');
  let blockList = blockLists.get(key);
  if (!blockList) {
    blockList = toBlockList(list)!;
    blockLists.set(key, blockList);
  }
  return blockList.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address from the socket's and the X-Forwarded-For chain. Each proxy appends the
 * address it received from, so only entries a trusted proxy wrote count, read from the right; an
 * entry that is not an address ends the walk at the last address known good.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trust: TrustProxy,
): string {
  const socket = normaliseAddress(socketAddress) ?? 'unknown';
  if (trust.kind === 'none' || socket === 'unknown') return socket;
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  let client = socket;
  for (let step = 0; chain.length > 0; step += 1) {
    const proxyIsTrusted = trust.kind === 'hops' ? step < trust.hops : trusted(trust.list, client);
    if (!proxyIsTrusted) break;
    const next = normaliseAddress(chain.pop());
    if (!next) break;
    client = next;
  }
  return client;
}
