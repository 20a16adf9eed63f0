import { describe, expect, it } from 'vitest';
import {
  normaliseAddress,
  parseTrustProxy,
  resolveClientAddress,
  type TrustProxy,
} from './trust-proxy';

const none: TrustProxy = { kind: 'none' };
const hops = (n: number): TrustProxy => ({ kind: 'hops', hops: n });
const addresses = (...list: string[]): TrustProxy => ({ kind: 'addresses', list });

describe('TRUST_PROXY', () => {
  it('reads nothing, a hop count or a list of addresses and ranges', () => {
    expect(parseTrustProxy(undefined)).toEqual(none);
    expect(parseTrustProxy('false')).toEqual(none);
    expect(parseTrustProxy('0')).toEqual(none);
    expect(parseTrustProxy('2')).toEqual(hops(2));
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16,::1')).toEqual(
      addresses('10.0.0.5', '10.1.0.0/16', '::1'),
    );
  });

  it('refuses "true" and anything that is not an address, saying what it takes', () => {
    for (const value of ['true', 'yes', '10.0.0.0/33', 'proxy.local', '1.2.3']) {
      expect(parseTrustProxy(value)).toMatch(/number of proxy hops/);
    }
  });
});

describe('the client address', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', none)).toBe('203.0.113.9');
    expect(resolveClientAddress('::ffff:203.0.113.9', '198.51.100.1, 10.0.0.1', none)).toBe(
      '203.0.113.9',
    );
    expect(resolveClientAddress(undefined, '198.51.100.1', none)).toBe('unknown');
  });

  it('with N hops, is the Nth entry from the right: the one the outermost trusted proxy wrote', () => {
    // client 198.51.100.7 → proxy A (10.0.0.1) → proxy B (10.0.0.2) → portal; the client forged "1.1.1.1".
    const chain = '1.1.1.1, 198.51.100.7, 10.0.0.1';
    expect(resolveClientAddress('10.0.0.2', chain, hops(1))).toBe('10.0.0.1');
    expect(resolveClientAddress('10.0.0.2', chain, hops(2))).toBe('198.51.100.7');
    // Fewer entries than hops: the left-most one there is.
    expect(resolveClientAddress('10.0.0.2', '198.51.100.7', hops(3))).toBe('198.51.100.7');
    expect(resolveClientAddress('10.0.0.2', undefined, hops(1))).toBe('10.0.0.2');
  });

  it('with trusted addresses, walks left while the hop is a trusted proxy', () => {
    const trust = addresses('10.0.0.0/8');
    expect(resolveClientAddress('10.0.0.2', '1.1.1.1, 198.51.100.7, 10.0.0.1', trust)).toBe(
      '198.51.100.7',
    );
    // A peer that is not a trusted proxy speaks for nobody but itself.
    expect(resolveClientAddress('203.0.113.9', '1.1.1.1', trust)).toBe('203.0.113.9');
    // Every hop trusted: the left-most address.
    expect(resolveClientAddress('10.0.0.2', '10.0.0.9', trust)).toBe('10.0.0.9');
  });

  it('stops at an entry that is not an address', () => {
    expect(resolveClientAddress('10.0.0.2', 'evil, not-an-ip', hops(2))).toBe('10.0.0.2');
    expect(resolveClientAddress('10.0.0.2', 'not-an-ip, 198.51.100.7', hops(2))).toBe(
      '198.51.100.7',
    );
  });

  it('spells one address one way', () => {
    expect(normaliseAddress('::FFFF:198.51.100.7')).toBe('198.51.100.7');
    expect(normaliseAddress('198.51.100.7:4431')).toBe('198.51.100.7');
    expect(normaliseAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('x')).toBeNull();
  });
});
