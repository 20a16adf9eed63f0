import { defineProvider } from '../descriptor';
import { createRechargekitAdapter } from './adapter';

export const rechargekit = defineProvider({
  id: 'rechargekit',
  label: 'RechargeKit',
  currency: 'INR',
  // RechargeKit's guide asks clients to wait 20 s (docs/providers/rechargekit.md#timeouts).
  timeoutMs: 20_000,
  simulatorPrefix: '/rechargekit',
  credentialFields: [{ name: 'token', simulatorValue: 'sim-rechargekit-bearer-token-0001' }],
  defaultOptions: {},
  costTerms: { costBps: 9_600 },
  create: createRechargekitAdapter,
});
