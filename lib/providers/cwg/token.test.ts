import { describe, expect, it } from 'vitest';
import { createAdapter } from '../registry';
import type { ProviderConfig } from '../types';

// A scripted CWG: counts calls per path and lets each test decide what the vend/status/read calls answer.
function fakeCwg(opts: {
  expiresIn?: number;
  answer: (path: string, token: string, n: number) => { status: number; body: unknown };
}) {
  const calls: { path: string; auth: string; body?: string }[] = [];
  let tokenNo = 0;
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const auth = new Headers(init?.headers).get('authorization') ?? '';
    calls.push({
      path: url.pathname,
      auth,
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    if (url.pathname.endsWith('/oauth2/token')) {
      tokenNo++;
      return Response.json({
        access_token: `tok-${tokenNo}`,
        token_type: 'bearer',
        expires_in: opts.expiresIn ?? 100,
        scope: 'AGENT',
      });
    }
    const n = calls.filter((c) => c.path === url.pathname).length;
    const { status, body } = opts.answer(url.pathname, auth.replace('Bearer ', ''), n);
    return Response.json(body, { status });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const config: ProviderConfig = {
  baseUrl: 'http://cwg.test',
  timeoutMs: 1000,
  credentials: { clientId: 'id', clientSecret: 'secret' },
};
const env = (body: unknown) => ({
  status: 200,
  body: { requestSuccessful: true, responseEntity: { body } },
});
const balance = env({ balance: 5000 });

describe('CWG token cache', () => {
  it('sends Basic clientId:secret with a form-urlencoded client_credentials grant', async () => {
    const f = fakeCwg({ answer: () => balance });
    await createAdapter('cwg', config, { fetch: f.fetch }).balance();
    expect(f.calls[0]).toMatchObject({
      path: '/api/auth/oauth2/token',
      auth: `Basic ${Buffer.from('id:secret').toString('base64')}`,
      body: 'grant_type=client_credentials',
    });
    expect(f.calls[1]).toMatchObject({
      path: '/api/platform/vend/query/balance',
      auth: 'Bearer tok-1',
    });
  });

  it('reuses the token until 80% of expires_in, then refreshes', async () => {
    let now = new Date('2025-01-01T00:00:00Z');
    const f = fakeCwg({ expiresIn: 100, answer: () => balance });
    const adapter = createAdapter('cwg', config, { fetch: f.fetch, now: () => now });
    await adapter.balance();
    now = new Date(now.getTime() + 79_000);
    await adapter.balance();
    expect(f.calls.filter((c) => c.path.endsWith('/token'))).toHaveLength(1);
    now = new Date(now.getTime() + 1_000); // 80 s of a 100 s token
    const third = await adapter.balance();
    expect(f.calls.filter((c) => c.path.endsWith('/token'))).toHaveLength(2);
    expect(f.calls.at(-1)?.auth).toBe('Bearer tok-2');
    expect(third.exchanges.map((e) => new URL(e.url).pathname)).toEqual([
      '/api/auth/oauth2/token',
      '/api/platform/vend/query/balance',
    ]);
  });

  it('shares one token between adapters built for the same configuration, and not with another', async () => {
    const f = fakeCwg({ answer: () => balance });
    await Promise.all(
      [1, 2, 3].map(() => createAdapter('cwg', config, { fetch: f.fetch }).balance()),
    );
    await createAdapter('cwg', config, { fetch: f.fetch }).balance();
    expect(f.calls.filter((c) => c.path.endsWith('/token'))).toHaveLength(1);
    const rotated = { ...config, credentials: { clientId: 'id', clientSecret: 'new-secret' } };
    await createAdapter('cwg', rotated, { fetch: f.fetch }).balance();
    expect(f.calls.filter((c) => c.path.endsWith('/token'))).toHaveLength(2);
    expect(f.calls.at(-1)?.auth).toBe('Bearer tok-2');
  });

  it('on a 401 for a read, refreshes once and retries', async () => {
    const f = fakeCwg({
      answer: (_p, token) =>
        token === 'tok-1' ? { status: 401, body: { error: 'invalid_token' } } : balance,
    });
    const b = await createAdapter('cwg', config, { fetch: f.fetch }).balance();
    expect(b.amountMinor).toBe(500000);
    expect(f.calls.map((c) => c.auth.split(' ')[0] + ' ' + c.path)).toEqual([
      'Basic /api/auth/oauth2/token',
      'Bearer /api/platform/vend/query/balance',
      'Basic /api/auth/oauth2/token',
      'Bearer /api/platform/vend/query/balance',
    ]);
  });

  it('on a 401 for a vend, refreshes and REQUERIES instead of resending', async () => {
    const f = fakeCwg({
      answer: (path, token) => {
        if (token === 'tok-1') return { status: 401, body: { error: 'invalid_token' } };
        if (path.endsWith('/query/transaction'))
          return env({ transactionStatus: 'SUCCESSFUL', cwgReference: 'C9' });
        throw new Error(`unexpected ${path}`);
      },
    });
    const r = await createAdapter('cwg', config, { fetch: f.fetch }).buyAirtime({
      reference: '202501011200abcdefgh',
      phone: '08031234567',
      network: 'MTN',
      amountMinor: 10000,
    });
    expect(f.calls.filter((c) => c.path === '/api/platform/vend')).toHaveLength(1);
    expect(r).toMatchObject({
      status: 'SUCCESS',
      providerCode: 'http_401>status=SUCCESSFUL',
      providerRef: 'C9',
    });
    expect(r.exchanges.map((e) => e.status)).toEqual([200, 401, 200, 200]);
  });

  it('returns a definite not-sent failure when no token can be had for a vend', async () => {
    const fetch = (async () =>
      Response.json({ error: 'invalid_client' }, { status: 401 })) as typeof globalThis.fetch;
    const r = await createAdapter('cwg', config, { fetch }).buyAirtime({
      reference: 'r1',
      phone: '08031234567',
      network: 'MTN',
      amountMinor: 10000,
    });
    expect(r).toMatchObject({ status: 'FAILED', providerCode: 'token_unavailable' });
    expect(r.exchanges).toHaveLength(1);
  });

  it('refuses a vend in fractional naira before sending anything', async () => {
    const f = fakeCwg({ answer: () => balance });
    const r = await createAdapter('cwg', config, { fetch: f.fetch }).buyAirtime({
      reference: 'r1',
      phone: '08031234567',
      network: 'MTN',
      amountMinor: 10050,
    });
    expect(r).toMatchObject({
      status: 'NOT_PROCESSED',
      providerCode: 'invalid_amount',
      exchanges: [],
    });
    expect(f.calls).toHaveLength(0);
  });
});
