import { defineProvider } from '../descriptor';
import { createJonetAdapter } from './adapter';

export const jonet = defineProvider({
  id: 'jonet',
  label: 'JoNet',
  currency: 'NGN',
  timeoutMs: 30_000,
  simulatorPrefix: '/jonet/api_live/v1',
  credentialFields: [{ name: 'apiKey', simulatorValue: 'sim-jonet-api-key-0001' }],
  defaultOptions: {},
  costTerms: { costBps: 9_500 },
  // A 201 resolves within about a minute and JoNet asks clients not to poll faster (docs/providers/jonet.md#pitfalls).
  firstRequeryFloorMs: 60_000,
  // customer_id may only continue the Lagos stamp with digits (docs/providers/jonet.md#reference).
  referenceSuffix: 'digits',
  create: createJonetAdapter,
});
