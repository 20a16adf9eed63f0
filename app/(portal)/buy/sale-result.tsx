'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { issueReceiptLinkAction } from '@/app/(portal)/transactions/receipt-actions';
import { TokenDisplay } from '@/components/bills/token-display';
import { ShareReceipt } from '@/components/receipts/share-receipt';
import { useLiveSale } from '@/components/transactions/use-live-sale';
import { Button } from '@/components/ui/button';
import { billerLabel } from '@/lib/bills/billers';
import { formatMoney } from '@/lib/money';
import type { SaleOutcome } from '@/lib/purchases/outcome';
import { isFinal } from '@/lib/purchases/status';

export function SaleResult({
  initial,
  onNewSale,
  account,
}: {
  initial: SaleOutcome;
  onNewSale: () => void;
  /** A bill's meter or smartcard number, as the form sent it. */
  account?: string;
}) {
  const router = useRouter();
  const { data: sale } = useLiveSale(initial);
  const final = isFinal(sale.status);
  useEffect(() => {
    router.refresh(); // the header balance follows the sale: once now (held or paid), once when final
  }, [final, router]);
  const amount = formatMoney(sale.agentCostMinor, sale.currency);
  return (
    <div className="space-y-3" data-testid="sale-result" data-status={sale.status}>
      {sale.status === 'SUCCESS' ? (
        <div
          role="status"
          className="rounded-xl border border-green-300 bg-green-50 p-4 text-green-900"
        >
          <p className="text-xl font-bold">{account ? '✓ Paid' : '✓ Sent'}</p>
          <p>
            {formatMoney(sale.amountMinor, sale.currency)} to{' '}
            {account
              ? `${billerLabel(sale.network)} ${account}`
              : `${sale.phone} (${sale.network})`}
          </p>
          {sale.delivered?.customerName ? <p>{sale.delivered.customerName}</p> : null}
          <div className="mt-2">
            <TokenDisplay delivered={sale.delivered} awaitingToken={sale.awaitingToken} />
          </div>
          <p className="mt-1 text-sm">
            Provider reference: <span className="font-mono">{sale.providerRef ?? '—'}</span>
          </p>
          {sale.operatorRef ? (
            <p className="text-sm">
              Operator reference: <span className="font-mono">{sale.operatorRef}</span>
            </p>
          ) : null}
        </div>
      ) : sale.status === 'FAILED' || sale.status === 'REVERSED' ? (
        <div role="alert" className="rounded-xl border border-red-300 bg-red-50 p-4 text-red-900">
          <p className="text-xl font-bold">
            ✕ {sale.status === 'REVERSED' ? 'Reversed' : 'Failed'} · refunded
          </p>
          <p>{amount} returned to your wallet.</p>
        </div>
      ) : (
        <div
          role="status"
          className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-900"
        >
          <p className="flex items-center gap-2 text-xl font-bold">
            <span
              aria-hidden
              className="inline-block h-4 w-4 animate-spin rounded-full border-2 border-amber-700 border-t-transparent"
            />
            Pending
          </p>
          <p>
            {sale.status === 'MANUAL_REVIEW'
              ? 'Our team is checking this sale with the provider.'
              : 'We’ll update this by ourselves — you can serve the next customer.'}
          </p>
          <p className="text-sm">{amount} is held until the provider answers.</p>
        </div>
      )}
      <p className="text-sm text-slate-600">
        Our reference: <span className="font-mono">{sale.reference}</span>
      </p>
      <ShareReceipt
        purchaseId={sale.purchaseId}
        issue={issueReceiptLinkAction}
        token={sale.delivered?.token ?? null}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={onNewSale}>
          New sale
        </Button>
        <a
          href={`/transactions/${sale.purchaseId}`}
          className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-4 text-sm font-semibold"
        >
          Details
        </a>
      </div>
    </div>
  );
}
