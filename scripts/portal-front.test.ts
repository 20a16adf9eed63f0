import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/client-ip';
import { prepareRequest } from './portal-front';
import type { NextConfig } from 'next';

function request(remoteAddress: string, headers: Record<string, string>): IncomingMessage {
  return { headers: { ...headers }, socket: { remoteAddress } } as unknown as IncomingMessage;
}

const FORGED = {
  'x-forwarded-for': '1.1.1.1',
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'evil.example',
  'x-real-ip': '2.2.2.2',
  [CLIENT_ADDRESS_HEADER]: '3.3.3.3',
};

describe('the portal front', () => {
  it('with no proxy declared: the socket address, and every forwarded header a client sent is gone', () => {
    const req = request('::ffff:198.51.100.7', FORGED);
    prepareRequest(req, { kind: 'none' });
    expect(req.headers).toEqual({ [CLIENT_ADDRESS_HEADER]: '198.51.100.7' });
  });

  it('behind a declared proxy: its forwarded headers stay, and the address is the one it wrote', () => {
    const req = request('10.0.0.2', { ...FORGED, 'x-forwarded-for': '1.1.1.1, 198.51.100.7' });
    prepareRequest(req, { kind: 'hops', hops: 1 });
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe('198.51.100.7');
    expect(req.headers['x-forwarded-proto']).toBe('https');
  });
});

describe('HSTS', () => {
  it('is sent only when a (trusted) TLS proxy says the request came over HTTPS', async () => {
    const configFile = '../next.config.mjs'; // plain JS: typed here, not by the compiler
    const nextConfig = ((await import(configFile)) as { default: NextConfig }).default;
    const rules = await nextConfig.headers!();
    const hsts = rules.filter((rule) =>
      rule.headers.some((h) => h.key === 'Strict-Transport-Security'),
    );
    expect(hsts).toHaveLength(1);
    expect(hsts[0]!.has).toEqual([{ type: 'header', key: 'x-forwarded-proto', value: 'https' }]);
    expect(hsts[0]!.headers.find((h) => h.key === 'Strict-Transport-Security')!.value).toMatch(
      /max-age=\d{8}/,
    );
  });
});
