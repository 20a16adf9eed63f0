// A provider that exists only for registry.test.ts: everything a new provider brings, in its own folder.
// Its adapter reads the balance over the injected fetch, so the test sees the config and deps arrive.
import { defineProvider } from '../descriptor';
import type { ProviderAdapter, ProviderConfig, ProviderDeps, ProviderResult } from '../types';

const unsupported = async (): Promise<ProviderResult> => ({
  status: 'NOT_PROCESSED',
  providerCode: 'fixture',
  exchanges: [],
});

function createFixtureAdapter(
  config: ProviderConfig,
  deps: ProviderDeps,
): ProviderAdapter<'fixturetel'> {
  return {
    id: 'fixturetel',
    currency: 'INR',
    listCatalogue: async () => [],
    buyAirtime: unsupported,
    buyData: unsupported,
    requery: unsupported,
    async balance() {
      const headers = { 'x-key': config.credentials.accessKey ?? '' };
      const res = await deps.fetch(`${config.baseUrl}/balance`, { headers });
      const body = (await res.json()) as { paise: number };
      return { amountMinor: body.paise, currency: 'INR', exchanges: [] };
    },
    parseCallback: () => ({
      event: null,
      ack: { status: 200, body: 'ok', contentType: 'text/plain' },
    }),
  };
}

export const fixturetel = defineProvider({
  id: 'fixturetel',
  label: 'Fixture Telecom',
  currency: 'INR',
  timeoutMs: 12_000,
  simulatorPrefix: '/fixturetel',
  credentialFields: [
    { name: 'accessKey', simulatorValue: 'sim-fixture-access-key' },
    { name: 'accountNo', simulatorValue: '0042' },
  ],
  defaultOptions: { mode: 'test' },
  costTerms: { costBps: 9_700 },
  create: createFixtureAdapter,
});
