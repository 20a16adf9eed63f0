import { defineProvider } from '../descriptor';
import { createVtpassAdapter } from './adapter';

export const vtpass = defineProvider({
  id: 'vtpass',
  label: 'VTpass',
  currency: 'NGN',
  timeoutMs: 30_000,
  simulatorPrefix: '/vtpass/api',
  // api-key + public-key + secret-key for the keys mode; email + password for the basic mode.
  credentialFields: [
    { name: 'apiKey', simulatorValue: 'sim-vtpass-api-key-0001' },
    { name: 'publicKey', simulatorValue: 'PK_sim_vtpass_public_0001' },
    { name: 'secretKey', simulatorValue: 'SK_sim_vtpass_secret_0001' },
    { name: 'email', simulatorValue: 'sandbox@vtpass.com' },
    { name: 'password', simulatorValue: 'sim-vtpass-password' },
  ],
  defaultOptions: { authMode: 'keys' },
  costTerms: { costBps: 9_550 },
  billFamilies: ['electricity', 'tv'], // docs/providers/vtpass-bills.md
  create: createVtpassAdapter,
});
