'use client';

import { useQuery } from '@tanstack/react-query';
import { isFinal, pendingPollDelay } from '@/lib/purchases/status';
import type { PublicReceipt } from '@/lib/receipts/queries';
import { ReceiptCard } from './receipt-card';

/** The receipt, refreshing itself from the public route until the sale is final. */
export function LiveReceipt({ token, initial }: { token: string; initial: PublicReceipt }) {
  const { data } = useQuery({
    queryKey: ['receipt', token],
    initialData: initial,
    queryFn: async (): Promise<PublicReceipt> => {
      const response = await fetch(`/api/receipts/${encodeURIComponent(token)}`, {
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.json();
    },
    refetchInterval: (query) =>
      isFinal(query.state.data?.status ?? '')
        ? false
        : pendingPollDelay(query.state.dataUpdateCount + query.state.errorUpdateCount),
    refetchOnWindowFocus: (query) => !isFinal(query.state.data?.status ?? ''),
    retry: false,
    staleTime: 0,
  });
  return <ReceiptCard receipt={data} />;
}
