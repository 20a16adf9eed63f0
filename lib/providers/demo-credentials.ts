// The simulator's demo credentials. Not secrets: they only open the local simulator (simulator/README.md).
import type { ProviderId } from './types';

export const DEMO_CREDENTIALS: Record<ProviderId, Record<string, string>> = {
  jonet: { apiKey: 'sim-jonet-api-key-0001' },
  vtpass: {
    apiKey: 'sim-vtpass-api-key-0001',
    publicKey: 'PK_sim_vtpass_public_0001',
    secretKey: 'SK_sim_vtpass_secret_0001',
    email: 'sandbox@vtpass.com',
    password: 'sim-vtpass-password',
  },
  cwg: { clientId: 'sim-cwg-client-id', clientSecret: 'sim-cwg-client-secret' },
  rechargekit: { token: 'sim-rechargekit-bearer-token-0001' },
};
