import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../lib/providers/demo-credentials';
import { createReferenceGenerator } from '../lib/providers/reference';
import { createAdapter, defaultProviderConfig } from '../lib/providers/registry';
import { startSimulator, type RunningSimulator } from './server';

const ref = createReferenceGenerator();
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ cwgHashRecipe: 'hmac-sha512-concat' });
});
afterAll(() => sim.close());

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const cwgConfig = () => ({
  ...defaultProviderConfig('cwg', sim.url),
  options: { hashRecipe: 'hmac-sha512-concat' },
});
const mtn = (phone: string) => ({ reference: ref(), phone, network: 'MTN', amountMinor: 10000 });

describe('CWG wire rules', () => {
  const { clientId = '', clientSecret = '' } = DEMO_CREDENTIALS.cwg;

  it('refuses bad client credentials with 401 and issues tokens on both documented paths', async () => {
    const bad = await fetch(`${sim.url}/cwg/api/auth/oauth2/token`, {
      method: 'POST',
      headers: { Authorization: basic(clientId, 'wrong') },
      body: 'grant_type=client_credentials',
    });
    expect(bad.status).toBe(401);
    const form = new FormData();
    form.set('grant_type', 'client_credentials'); // sample posts multipart to the uaa path
    const alt = await fetch(`${sim.url}/cwg/api/auth/uaa/api/oauth2/token`, {
      method: 'POST',
      headers: { Authorization: basic(clientId, clientSecret) },
      body: form,
    });
    expect(await alt.json()).toMatchObject({
      token_type: 'bearer',
      scope: 'AGENT',
      expires_in: 43199,
    });
  });

  it('answers 401 without a valid bearer token', async () => {
    const res = await fetch(`${sim.url}/cwg/api/platform/vend/query/balance`, {
      headers: { Authorization: 'Bearer not-a-token' },
    });
    expect(res.status).toBe(401);
  });

  it('verifies transactionHash when a recipe is configured', async () => {
    expect((await createAdapter('cwg', cwgConfig()).buyAirtime(mtn('08031234510'))).status).toBe(
      'SUCCESS',
    );
    const wrongRecipe = createAdapter('cwg', {
      ...cwgConfig(),
      options: { hashRecipe: 'sha512-concat-secret' },
    });
    expect(await wrongRecipe.buyAirtime(mtn('08031234511'))).toMatchObject({
      status: 'NOT_PROCESSED',
      providerCode: 'error=INVALID_HASH',
    });
  });

  it('rejects an unknown sub code and a preset bought at the wrong price', async () => {
    const a = createAdapter('cwg', cwgConfig());
    const base = { reference: ref(), phone: '08031234512', network: 'MTN' };
    expect(await a.buyData({ ...base, planCode: 'M302:99GB', amountMinor: 100000 })).toMatchObject({
      status: 'NOT_PROCESSED',
      providerCode: 'error=INVALID_SUB_CODE',
    });
    expect(
      await a.buyData({ ...base, reference: ref(), planCode: 'M302:1GB', amountMinor: 90000 }),
    ).toMatchObject({ status: 'NOT_PROCESSED', providerCode: 'error=INVALID_AMOUNT' });
  });

  it('after tokens are revoked: reads refresh and retry; a vend refreshes and requeries, never resends', async () => {
    const a = createAdapter('cwg', cwgConfig());
    expect((await a.balance()).amountMinor).toBeGreaterThan(0);
    await fetch(`${sim.url}/__control`, {
      method: 'POST',
      body: JSON.stringify({ cwgRevokeTokens: true }),
    });
    const b = await a.balance();
    expect(b.exchanges.map((e) => e.status)).toEqual([401, 200, 200]);
    await fetch(`${sim.url}/__control`, {
      method: 'POST',
      body: JSON.stringify({ cwgRevokeTokens: true }),
    });
    const sale = mtn('08031234513');
    const r = await a.buyAirtime(sale);
    expect(r).toMatchObject({
      status: 'NOT_FOUND',
      providerCode: 'http_401>error=TRANSACTION_NOT_FOUND',
    });
    expect(r.exchanges.filter((e) => e.url.endsWith('/api/platform/vend'))).toHaveLength(1);
    const sales = (await (await fetch(`${sim.url}/__sales`)).json()) as { reference: string }[];
    expect(sales.some((s) => s.reference === sale.reference)).toBe(false);
  });
});

describe('RechargeKit wire rules', () => {
  const rk = (over: Record<string, string> = {}) =>
    createAdapter('rechargekit', {
      ...defaultProviderConfig('rechargekit', sim.url),
      credentials: { ...DEMO_CREDENTIALS.rechargekit, ...over },
    });
  const sale = () => ({
    reference: ref(),
    phone: '9876543210',
    network: 'JIO',
    amountMinor: 20900,
    circle: '23',
  });

  it('refuses a wrong bearer token as not processed', async () => {
    expect(await rk({ token: 'wrong' }).buyAirtime(sale())).toMatchObject({
      status: 'NOT_PROCESSED',
      providerCode: 'error=1',
    });
  });

  it('rejects a misspelt reference key (partner_req_id)', async () => {
    const res = await fetch(`${sim.url}/rechargekit/recharge/prepaid`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${DEMO_CREDENTIALS.rechargekit.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        mobile_no: '9876543210',
        operator_code: 103,
        amount: 209,
        partner_req_id: ref(),
        circle: 23,
        recharge_type: '1',
      }),
    });
    expect(await res.json()).toMatchObject({
      error: 1,
      msg: expect.stringMatching(/partner_request_id/),
    });
  });

  it('needs a circle, and serves circle-specific plans', async () => {
    expect(await rk().buyAirtime({ ...sale(), circle: undefined })).toMatchObject({
      status: 'NOT_PROCESSED',
      providerCode: 'missing_circle',
      exchanges: [],
    });
    const items = await rk().listCatalogue();
    const jio23 = items.filter(
      (i) => i.network === 'JIO' && i.circle === '23' && i.type === 'data',
    );
    const jio5 = items.filter((i) => i.network === 'JIO' && i.circle === '5' && i.type === 'data');
    expect(jio23.length).toBe(jio5.length + 1);
    expect(await rk().buyData({ ...sale(), planCode: jio23[0]?.planCode ?? '' })).toMatchObject({
      status: 'SUCCESS',
      providerRef: expect.any(String),
    });
  });

  it('reads a status check by order id too', async () => {
    const r = await rk().buyAirtime(sale());
    const res = await fetch(`${sim.url}/rechargekit/recharge/statusCheck`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO_CREDENTIALS.rechargekit.token}` },
      body: JSON.stringify({ order_id: r.providerRef }),
    });
    expect(await res.json()).toMatchObject({ error: 0, status: 1, orderid: r.providerRef });
  });
});
