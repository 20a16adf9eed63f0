'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { TokenDisplay } from '@/components/bills/token-display';
import { ShareReceipt, type IssueReceiptLink } from '@/components/receipts/share-receipt';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import type { HistoryRow } from '@/lib/purchases/history';
import { isAwaitingProvider, pendingPollDelay } from '@/lib/purchases/status';

type Live = Pick<HistoryRow, 'id' | 'status' | 'delivered' | 'awaitingToken'> & {
  providerRef: string | null;
  operatorRef: string | null;
};

/** The provider has not answered, or a paid bill's token has not come: the row will still change. */
const stillOpen = (r: Pick<Live, 'status' | 'awaitingToken'>) =>
  isAwaitingProvider(r.status) || r.awaitingToken;

export function HistoryList({
  rows,
  issueReceiptLink,
}: {
  rows: HistoryRow[];
  issueReceiptLink: IssueReceiptLink;
}) {
  const router = useRouter();
  const pendingIds = rows.filter(stillOpen).map((r) => r.id);
  const { data } = useQuery({
    queryKey: ['history-statuses', pendingIds.join(',')],
    enabled: pendingIds.length > 0,
    queryFn: async (): Promise<Live[]> => {
      const response = await fetch(`/api/transactions?ids=${pendingIds.join(',')}`, {
        cache: 'no-store',
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.json();
    },
    refetchInterval: (query) =>
      query.state.data?.every((r) => !stillOpen(r))
        ? false
        : pendingPollDelay(query.state.dataUpdateCount),
  });
  const live = new Map((data ?? []).map((r) => [r.id, r]));
  const stillPending = rows.some((r) => stillOpen(live.get(r.id) ?? r));
  const hadPending = useRef(pendingIds.length > 0);
  useEffect(() => {
    // When the last pending sale resolves, refresh once so balances and filters catch up.
    if (hadPending.current && !stillPending) {
      hadPending.current = false;
      router.refresh();
    }
  }, [stillPending, router]);

  if (rows.length === 0) return <p className="text-slate-600">No sales match these filters.</p>;
  return (
    <ul className="divide-y divide-slate-200" aria-live="polite">
      {rows.map((row) => {
        const now = live.get(row.id) ?? row;
        const status = now.status;
        return (
          <li
            key={row.id}
            data-testid="history-row"
            data-status={status}
            className="grid grid-cols-2 gap-x-3 gap-y-1 py-3 sm:grid-cols-[9rem_1fr_8rem_9rem_6rem]"
          >
            <span className="text-sm text-slate-600">{formatDateTime(row.createdAt)}</span>
            <span className="text-right sm:text-left">
              <Link
                href={`/transactions/${row.id}`}
                className="font-semibold text-accent-700 underline-offset-2 hover:underline"
              >
                {row.productName}
              </Link>
              <span className="block font-mono text-xs text-slate-600">
                {row.account ? `${row.account} · ${row.phone}` : row.phone}
              </span>
            </span>
            <span className="font-semibold sm:text-right">
              {formatMoney(row.amountMinor, row.currency)}
            </span>
            <span className="text-right">
              <StatusBadge status={status} />
            </span>
            {now.delivered?.token || now.awaitingToken ? (
              <span className="col-span-2 sm:col-span-5">
                <TokenDisplay delivered={now.delivered} awaitingToken={now.awaitingToken} compact />
              </span>
            ) : null}
            <span className="col-span-2 truncate font-mono text-xs text-slate-500 sm:col-span-4">
              {row.reference}
            </span>
            <span className="col-span-2 sm:col-span-1 sm:text-right">
              <ShareReceipt
                purchaseId={row.id}
                issue={issueReceiptLink}
                label="Receipt"
                token={now.delivered?.token ?? null}
              />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
