'use client';

import { useQuery } from '@tanstack/react-query';
import { isFinal, pendingPollDelay } from '@/lib/purchases/status';
import type { PublicReceipt } from '@/lib/receipts/queries';
import { ReceiptCard } from './receipt-card';

/** Final, and a bill's token (when it owes one) has come: nothing more will change. */
const settled = (r: PublicReceipt | undefined) => !!r && isFinal(r.status) && !r.awaitingToken;

/** The receipt, refreshing itself from the public route until the sale is final and its token came. */
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
      settled(query.state.data)
        ? false
        : pendingPollDelay(query.state.dataUpdateCount + query.state.errorUpdateCount),
    refetchOnWindowFocus: (query) => !settled(query.state.data),
    retry: false,
    staleTime: 0,
  });
  return <ReceiptCard receipt={data} />;
}
