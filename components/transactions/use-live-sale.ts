'use client';

import { useQuery } from '@tanstack/react-query';
import type { SaleOutcome } from '@/lib/purchases/outcome';
import { isFinal, pendingPollDelay } from '@/lib/purchases/status';

/** Nothing more will change on screen: final, and a bill's token (when it owes one) has come. */
export const isSettledOutcome = (s: Pick<SaleOutcome, 'status' | 'awaitingToken'> | undefined) =>
  !!s && isFinal(s.status) && !s.awaitingToken;

/**
 * One sale's outcome, polled from its GET route until it is final and, for a bill paid whose token has
 * not come yet, until the token arrives (the sale result and the sale page).
 */
export function useLiveSale(initial: SaleOutcome) {
  return useQuery({
    queryKey: ['sale', initial.purchaseId],
    initialData: initial,
    queryFn: async (): Promise<SaleOutcome> => {
      const response = await fetch(`/api/transactions/${initial.purchaseId}`, {
        cache: 'no-store',
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.json();
    },
    refetchInterval: (query) =>
      isSettledOutcome(query.state.data) ? false : pendingPollDelay(query.state.dataUpdateCount),
    staleTime: 0,
  });
}
