import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@/simulator/server';
import { registerBillContract } from './bills-contract';
import { CONTRACT_SUBJECTS, registerProviderContract, type ContractEnv } from './contract';
import { startCallbackReceiver, type CallbackReceiver } from './contract-receiver';
import { createReferenceGenerator } from '@/lib/providers/reference';
import { createAdapter, defaultProviderConfig, PROVIDER_IDS } from '@/lib/providers/registry';
import type { ProviderId } from '@/lib/providers/registry';

let sim: RunningSimulator;
let receiver: CallbackReceiver;
const envs = new Map<ProviderId, ContractEnv>();

beforeAll(async () => {
  receiver = await startCallbackReceiver();
  sim = await startSimulator({
    port: 0,
    pendingResolveMs: 400,
    callbackBaseUrl: receiver.url,
    callbackRetryDelayMs: 50,
  });
  for (const id of PROVIDER_IDS) {
    const config = { ...defaultProviderConfig(id, sim.url), timeoutMs: 5_000 };
    const adapter = createAdapter(id, config);
    receiver.register(adapter);
    envs.set(id, {
      adapter,
      shortTimeoutAdapter: createAdapter(id, { ...config, timeoutMs: 300 }),
      receiver,
      secrets: Object.values(config.credentials),
    });
  }
});

afterAll(async () => {
  await sim.close();
  await receiver.close();
});

for (const id of PROVIDER_IDS) {
  describe(`${id} contract`, () => {
    registerProviderContract(CONTRACT_SUBJECTS[id], () => envs.get(id) as ContractEnv);
  });
  describe(`${id} bills contract`, () => {
    registerBillContract(id, () => envs.get(id) as ContractEnv);
  });
}

describe('catalogue merging', () => {
  it('offers MTN 1GB / 30 days at ₦1,000 from JoNet, VTpass and CWG under different names', async () => {
    const offers = await Promise.all(
      (['jonet', 'vtpass', 'cwg'] as const).map(async (id) =>
        (await (envs.get(id) as ContractEnv).adapter.listCatalogue()).find(
          (i) =>
            i.network === 'MTN' &&
            i.dataMb === 1024 &&
            i.validityDays === 30 &&
            i.priceMinor === 100_000,
        ),
      ),
    );
    expect(offers.map((o) => o?.provider)).toEqual(['jonet', 'vtpass', 'cwg']);
    expect(new Set(offers.map((o) => o?.name)).size).toBe(3);
  });
});

describe('callbacks', () => {
  it('rejects a JoNet callback whose Authorization is not our key, with a 401 ack', async () => {
    const adapter = (envs.get('jonet') as ContractEnv).adapter;
    const body = JSON.stringify({
      status: 'successful',
      server_response: 'Successful',
      customer_id: createReferenceGenerator()('jonet'),
    });
    const forged = adapter.parseCallback({
      method: 'POST',
      headers: { authorization: 'someone-elses-key' },
      query: {},
      rawBody: body,
    });
    expect(forged.event).toBeNull();
    expect(forged.ack.status).toBe(401);
    const missing = adapter.parseCallback({
      method: 'POST',
      headers: {},
      query: {},
      rawBody: body,
    });
    expect(missing.event).toBeNull();
  });

  it('delivers VTpass callbacks once when acknowledged with {"response":"success"}', async () => {
    const deliveries = await sim.callbacksIdle();
    const vtpass = deliveries.filter((d) => d.provider === 'vtpass');
    expect(vtpass.length).toBeGreaterThan(0);
    for (const d of vtpass) expect(d).toMatchObject({ acked: true, attempts: 1 });
  });
});
