import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../lib/providers/demo-credentials';
import { createReferenceGenerator, lagosStamp } from '../lib/providers/reference';
import { createAdapter, defaultProviderConfig } from '../lib/providers/registry';
import type { ProviderConfig } from '../lib/providers/types';
import { startSimulator, type RunningSimulator } from './server';

const NOW = new Date('2025-01-15T23:30:00Z'); // Lagos 2025-01-16 00:30
const newReference = createReferenceGenerator(() => NOW);
const ref = () => newReference('jonet'); // all digits after the stamp: valid for every provider
let sim: RunningSimulator;
const logs: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({
    now: () => NOW,
    vtpassDuplicateWindowMs: 30_000,
    log: (l) => logs.push(l),
  });
});
afterAll(() => sim.close());

const jonetPost = (path: string, body: unknown, auth?: string) =>
  fetch(`${sim.url}/jonet/api_live/v1/${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: auth === undefined ? {} : { Authorization: auth },
  }).then((r) => r.json() as Promise<{ responseCode: string }>);

describe('control routes', () => {
  it('answers /__health and applies latency from /__control', async () => {
    expect(await (await fetch(`${sim.url}/__health`)).json()).toMatchObject({ ok: true });
    await fetch(`${sim.url}/__control`, {
      method: 'POST',
      body: JSON.stringify({ latencyMs: 250 }),
    });
    const t0 = Date.now();
    await jonetPost('requery.php', { customer_id: 'x' }, DEMO_CREDENTIALS.jonet.apiKey ?? '');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(240);
    sim.setLatency(0);
    const t1 = Date.now();
    await jonetPost('requery.php', { customer_id: 'x' }, DEMO_CREDENTIALS.jonet.apiKey ?? '');
    expect(Date.now() - t1).toBeLessThan(240);
  });

  it('/__control holds and releases a phone’s resolutions, and refuses a malformed target without changing anything', async () => {
    const control = async (body: unknown) => {
      const res = await fetch(`${sim.url}/__control`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect(await control({ hold: 7, latencyMs: 999 })).toMatchObject({
      status: 400,
      body: { error: 'hold takes a phone, a reference or "all"' },
    });
    expect(await control({ release: ' ' })).toMatchObject({ status: 400 });
    expect((await (await fetch(`${sim.url}/__health`)).json()) as unknown).toMatchObject({
      latencyMs: 0,
    });
    expect(await control({ hold: '08031234551' })).toMatchObject({
      status: 200,
      body: { holds: { all: false, phones: ['08031234551'], waiting: [] }, released: [] },
    });
    expect(await control({ release: '08031234551' })).toMatchObject({
      status: 200,
      body: { holds: { all: false, phones: [], waiting: [] }, released: [] },
    });
  });
});

describe('JoNet wire rules', () => {
  const key = DEMO_CREDENTIALS.jonet.apiKey ?? '';
  const airtime = (customer_id: string, phone = '08031234500') => ({
    network: 'MTN',
    amount: '100',
    phone,
    customer_id,
  });

  it('answers 101 without Authorization, 102 for a wrong key, 103 for a wrong method', async () => {
    expect((await jonetPost('purchase_airtime.php', airtime(ref()))).responseCode).toBe('101');
    expect((await jonetPost('purchase_airtime.php', airtime(ref()), 'nope')).responseCode).toBe(
      '102',
    );
    const get = await fetch(`${sim.url}/jonet/api_live/v1/purchase_airtime.php`, {
      headers: { Authorization: key },
    });
    expect(((await get.json()) as { responseCode: string }).responseCode).toBe('103');
  });

  it('accepts "Bearer <key>" but logs a warning', async () => {
    expect(
      (await jonetPost('purchase_airtime.php', airtime(ref()), `Bearer ${key}`)).responseCode,
    ).toBe('200');
    expect(logs.some((l) => l.includes('Bearer'))).toBe(true);
  });

  it('answers JO104 for a stale or UTC-stamped customer_id and JO103 for a bad phone', async () => {
    const tenMinutesAgo = lagosStamp(new Date(NOW.getTime() - 10 * 60_000)) + '12345678';
    const utcStamped = '202501152330' + '12345678';
    expect(
      (await jonetPost('purchase_airtime.php', airtime(tenMinutesAgo), key)).responseCode,
    ).toBe('JO104');
    expect((await jonetPost('purchase_airtime.php', airtime(utcStamped), key)).responseCode).toBe(
      'JO104',
    );
    expect(
      (await jonetPost('purchase_airtime.php', airtime(ref(), '8031234500'), key)).responseCode,
    ).toBe('JO103');
  });

  it('answers JO104 for a customer_id with a non-numeric suffix (the document allows only a numeric string after the stamp)', async () => {
    const stamp = lagosStamp(NOW);
    expect(
      (await jonetPost('purchase_airtime.php', airtime(stamp + 'abcd1234'), key)).responseCode,
    ).toBe('JO104');
    expect(
      (await jonetPost('purchase_airtime.php', airtime(stamp + '1234567a'), key)).responseCode,
    ).toBe('JO104');
    expect(
      (await jonetPost('purchase_airtime.php', airtime(stamp + '7575768'), key)).responseCode,
    ).toBe('200');
  });

  it('serves the configured GAP paths only', async () => {
    const other = await startSimulator({ paths: { jonet: { requery: 'txn_status.php' } } });
    try {
      const base = defaultProviderConfig('jonet', other.url);
      expect((await createAdapter('jonet', base).requery('202501160030abcdefgh')).status).toBe(
        'UNKNOWN',
      );
      const moved = createAdapter('jonet', { ...base, paths: { requery: 'txn_status.php' } });
      expect((await moved.requery('202501160030abcdefgh')).status).toBe('NOT_FOUND');
    } finally {
      await other.close();
    }
  });
});

describe('VTpass wire rules', () => {
  const adapter = (over: Partial<ProviderConfig> = {}) =>
    createAdapter(
      'vtpass',
      { ...defaultProviderConfig('vtpass', sim.url), ...over },
      { now: () => NOW },
    );

  it('answers 087 for wrong keys and accepts Basic auth mode', async () => {
    const wrong = adapter({ credentials: { ...DEMO_CREDENTIALS.vtpass, secretKey: 'SK_wrong' } });
    expect(
      await wrong.buyAirtime({
        reference: ref(),
        phone: '08031234501',
        network: 'MTN',
        amountMinor: 10000,
      }),
    ).toMatchObject({ status: 'NOT_PROCESSED', providerCode: '087' });
    const basic = adapter({ options: { authMode: 'basic' } });
    expect(
      (
        await basic.buyAirtime({
          reference: ref(),
          phone: '08031234502',
          network: 'MTN',
          amountMinor: 10000,
        })
      ).status,
    ).toBe('SUCCESS');
    expect((await basic.balance()).amountMinor).toBeGreaterThan(0);
  });

  it('accepts secret-key on GET, as some clients send it', async () => {
    const c = DEMO_CREDENTIALS.vtpass;
    const res = await fetch(`${sim.url}/vtpass/api/balance`, {
      headers: { 'api-key': c.apiKey ?? '', 'secret-key': c.secretKey ?? '' },
    });
    expect(((await res.json()) as { contents?: unknown }).contents).toBeDefined();
  });

  it('answers 085 for a request_id not stamped with Lagos time', async () => {
    const r = await adapter().buyAirtime({
      reference: '202501152330abcdefgh',
      phone: '08031234503',
      network: 'MTN',
      amountMinor: 10000,
    });
    expect(r).toMatchObject({ status: 'NOT_PROCESSED', providerCode: '085' });
  });

  it('dates an airtime sale in Lagos wall-clock time, as its Africa/Lagos label says', async () => {
    const c = DEMO_CREDENTIALS.vtpass;
    const res = await fetch(`${sim.url}/vtpass/api/pay`, {
      method: 'POST',
      headers: {
        'api-key': c.apiKey ?? '',
        'secret-key': c.secretKey ?? '',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        request_id: ref(),
        serviceID: 'mtn',
        amount: 100,
        phone: '08031234505',
      }),
    });
    const body = (await res.json()) as { transaction_date?: unknown };
    // NOW is 23:30 UTC on 15 January: 00:30 on the 16th in Lagos.
    expect(body.transaction_date).toEqual({
      date: '2025-01-16 00:30:00.000000',
      timezone_type: 3,
      timezone: 'Africa/Lagos',
    });
  });

  it('enforces the 019 same service + phone window when enabled', async () => {
    const a = adapter();
    expect(
      (
        await a.buyAirtime({
          reference: ref(),
          phone: '08031234504',
          network: 'MTN',
          amountMinor: 10000,
        })
      ).status,
    ).toBe('SUCCESS');
    expect(
      await a.buyAirtime({
        reference: ref(),
        phone: '08031234504',
        network: 'MTN',
        amountMinor: 10000,
      }),
    ).toMatchObject({ status: 'NOT_PROCESSED', providerCode: '019' });
    expect(
      (
        await a.buyAirtime({
          reference: ref(),
          phone: '08031234504',
          network: 'GLO',
          amountMinor: 10000,
        })
      ).status,
    ).toBe('SUCCESS');
  });

  it('serves both `varations` and `variations` spellings', async () => {
    const get = (id: string) =>
      fetch(`${sim.url}/vtpass/api/service-variations?serviceID=${id}`, {
        headers: {
          'api-key': DEMO_CREDENTIALS.vtpass.apiKey ?? '',
          'public-key': DEMO_CREDENTIALS.vtpass.publicKey ?? '',
        },
      }).then((r) => r.json() as Promise<{ content: Record<string, unknown> }>);
    expect((await get('mtn-data')).content.varations).toBeDefined();
    expect((await get('glo-data')).content.variations).toBeDefined();
  });
});

describe('callback delivery', () => {
  it('resends VTpass callbacks until {"response":"success"}, at most 5 times', async () => {
    let hits = 0;
    const { createServer } = await import('node:http');
    const portal = createServer((_req, res) =>
      res.end(++hits < 3 ? '{"response":"later"}' : '{"response":"success"}'),
    );
    await new Promise<void>((r) => portal.listen(0, '127.0.0.1', () => r()));
    const addr = portal.address() as { port: number };
    const s = await startSimulator({
      pendingResolveMs: 20,
      callbackBaseUrl: `http://127.0.0.1:${addr.port}`,
      callbackRetryDelayMs: 10,
    });
    try {
      const a = createAdapter('vtpass', defaultProviderConfig('vtpass', s.url));
      expect(
        (
          await a.buyAirtime({
            reference: createReferenceGenerator()(),
            phone: '08031234551',
            network: 'MTN',
            amountMinor: 10000,
          })
        ).status,
      ).toBe('PENDING');
      await new Promise((r) => setTimeout(r, 100));
      expect(await s.callbacksIdle()).toEqual([
        expect.objectContaining({ provider: 'vtpass', acked: true, attempts: 3 }),
      ]);
    } finally {
      await s.close();
      portal.close();
    }
  });

  it('closes promptly while a magic-53 response is being held', async () => {
    const s = await startSimulator({});
    const a = createAdapter('jonet', defaultProviderConfig('jonet', s.url));
    const pending = a.buyAirtime({
      reference: createReferenceGenerator()('jonet'),
      phone: '08031234553',
      network: 'MTN',
      amountMinor: 10000,
    });
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await s.close();
    expect(Date.now() - t0).toBeLessThan(2000);
    expect((await pending).status).toBe('UNKNOWN');
  });
});

describe('CLI', () => {
  it('prints its URL and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'simulator/main.ts'], {
      env: { ...process.env, SIM_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    expect((await (await fetch(`${url}/__health`)).json()) as unknown).toMatchObject({ ok: true });
    const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
