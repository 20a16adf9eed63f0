'use client';

import { useQuery } from '@tanstack/react-query';
import type { SaleOutcome } from '@/lib/purchases/outcome';
import { isFinal, pendingPollDelay } from '@/lib/purchases/status';

/** One sale's outcome, polled from its GET route until it is final (the sale result and the sale page). */
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
      isFinal(query.state.data?.status ?? '')
        ? false
        : pendingPollDelay(query.state.dataUpdateCount),
    staleTime: 0,
  });
}
