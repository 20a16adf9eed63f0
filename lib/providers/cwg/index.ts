import { defineProvider } from '../descriptor';
import { createCwgAdapter } from './adapter';

export const cwg = defineProvider({
  id: 'cwg',
  label: 'CWG',
  currency: 'NGN',
  timeoutMs: 30_000,
  simulatorPrefix: '/cwg',
  credentialFields: [
    { name: 'clientId', simulatorValue: 'sim-cwg-client-id' },
    { name: 'clientSecret', simulatorValue: 'sim-cwg-client-secret' },
  ],
  defaultOptions: { hashRecipe: 'sha512-concat-secret' },
  costTerms: { costBps: 9_450 },
  create: createCwgAdapter,
});
