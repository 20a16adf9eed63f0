import { DEMO_CREDENTIALS } from '@/lib/providers/demo-credentials';
import type { ProviderId } from '@/lib/providers/types';

/** The credential fields each adapter reads (the simulator's demo set names them all). */
export function credentialFields(id: ProviderId): string[] {
  return Object.keys(DEMO_CREDENTIALS[id]);
}

export const PROVIDER_LABELS: Record<ProviderId, string> = {
  jonet: 'JoNet',
  vtpass: 'VTpass',
  cwg: 'CWG',
  rechargekit: 'RechargeKit',
};
