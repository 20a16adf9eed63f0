import type { ProviderResult } from './types';

/** The one thing a provider answer tells the money engine to do (the engine contract's vocabulary). */
export type Decision =
  | 'success'
  | 'pending'
  | 'duplicate'
  | 'refund'
  | 'refund-after-confirm'
  | 'failover'
  | 'failover-after-confirm'
  | 'reversed'
  | 'not-found'
  | 'manual-review';

export function decisionOf(
  r: Pick<ProviderResult, 'status' | 'duplicate' | 'needsConfirmation'>,
): Decision {
  switch (r.status) {
    case 'SUCCESS':
      return 'success';
    case 'FAILED':
      return r.needsConfirmation ? 'refund-after-confirm' : 'refund';
    case 'NOT_PROCESSED':
      return r.needsConfirmation ? 'failover-after-confirm' : 'failover';
    case 'REVERSED':
      return 'reversed';
    case 'NOT_FOUND':
      return 'not-found';
    case 'MANUAL_REVIEW':
      return 'manual-review';
    default:
      return r.duplicate ? 'duplicate' : 'pending';
  }
}
