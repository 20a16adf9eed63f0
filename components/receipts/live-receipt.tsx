'use client';

import { useQuery } from '@tanstack/react-query';
import type { PublicReceipt } from '@/lib/receipts/queries';
import { ReceiptCard } from './receipt-card';

const FINAL = ['SUCCESS', 'FAILED', 'REVERSED'];

/** Quick at first, then backing off to every 30 s: the customer may leave the page open. */
export function receiptPollDelay(attempt: number): number {
  return Math.min(2_000 * 1.5 ** attempt, 30_000);
}

/** The receipt, refreshing itself from the public route until the sale is final. */
export function LiveReceipt({ token, initial }: { token: string; initial: PublicReceipt }) {
  const { data } = useQuery({
    queryKey: ['receipt', token],
    initialData: initial,
    queryFn: async (): Promise<PublicReceipt> => {
      const response = await fetch(`/api/receipts/${encodeURIComponent(token)}`, { cache: 'no-store', referrerPolicy: 'no-referrer' });
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.json();
    },
    refetchInterval: (query) =>
      FINAL.includes(query.state.data?.status ?? '') ? false : receiptPollDelay(query.state.dataUpdateCount + query.state.errorUpdateCount),
    refetchOnWindowFocus: (query) => !FINAL.includes(query.state.data?.status ?? ''),
    retry: false,
    staleTime: 0,
  });
  return <ReceiptCard receipt={data} />;
}
