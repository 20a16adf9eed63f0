import type { PurchaseStatus } from '@/db/schema/purchases';

/** Pure status rules shared by the server and the browser (no database imports here). */
export const FINAL_STATUSES = [
  'SUCCESS',
  'FAILED',
  'REVERSED',
] as const satisfies readonly PurchaseStatus[];

/** Still waiting on the provider: the requery worker and the polling pages keep asking. */
export const AWAITING_PROVIDER = [
  'PENDING',
  'UNKNOWN',
] as const satisfies readonly PurchaseStatus[];

export const isFinal = (status: string) => (FINAL_STATUSES as readonly string[]).includes(status);
export const isAwaitingProvider = (status: string) =>
  (AWAITING_PROVIDER as readonly string[]).includes(status);

/** How long a page waits before asking again about a pending sale: quick at first, then backing off. */
export function pendingPollDelay(polls: number): number {
  return Math.min(2_000 * 1.5 ** polls, 30_000);
}
