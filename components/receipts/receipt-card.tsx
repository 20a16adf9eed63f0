import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import type { PublicReceipt } from '@/lib/receipts/queries';

const STATUS: Record<string, { icon: string; title: string; note: string; box: string }> = {
  SUCCESS: {
    icon: '✓',
    title: 'Successful',
    note: 'The value has been sent to this number.',
    box: 'border-green-300 bg-green-50 text-green-900',
  },
  FAILED: {
    icon: '✕',
    title: 'Failed',
    note: 'Nothing was sent. Ask the agent to try again or to give your money back.',
    box: 'border-red-300 bg-red-50 text-red-900',
  },
  REVERSED: {
    icon: '↺',
    title: 'Reversed',
    note: 'The network reversed this sale. Ask the agent about your money.',
    box: 'border-red-300 bg-red-50 text-red-900',
  },
  MANUAL_REVIEW: {
    icon: '?',
    title: 'Being checked',
    note: 'We are checking this sale with the network. This page updates by itself.',
    box: 'border-slate-300 bg-slate-100 text-slate-900',
  },
};
const PENDING = {
  icon: '…',
  title: 'Processing',
  note: 'The network has not answered yet. This page updates by itself.',
  box: 'border-amber-300 bg-amber-50 text-amber-900',
};

/** The customer's receipt: plain markup, no hooks, so it renders the same on the server, live, and in print. */
export function ReceiptCard({ receipt }: { receipt: PublicReceipt }) {
  const status = STATUS[receipt.status] ?? PENDING;
  const rows: [string, string][] = [
    ['Product', receipt.product],
    ['Network', receipt.network],
    ['Number', receipt.phone],
    ['Amount', formatMoney(receipt.amountMinor, receipt.currency)],
    ['Date (Lagos)', formatDateTime(receipt.createdAt)],
    ['Our reference', receipt.maskedReference],
    ['Operator reference', receipt.operatorRef ?? '—'],
  ];
  return (
    <article
      className="receipt-sheet rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="receipt"
      data-status={receipt.status}
      aria-labelledby="receipt-title"
    >
      <header className="receipt-head mb-3 text-center">
        <p className="text-sm font-semibold text-accent-700">Vending Portal</p>
        <h1 id="receipt-title" className="text-lg font-bold">
          {receipt.type === 'data' ? 'Data' : 'Airtime'} receipt
        </h1>
      </header>
      <div
        role="status"
        aria-live="polite"
        className={`receipt-status rounded-lg border p-3 text-center ${status.box}`}
      >
        <p className="text-2xl font-bold">
          <span aria-hidden>{status.icon} </span>
          {status.title}
        </p>
        <p className="text-sm">{status.note}</p>
      </div>
      <dl className="receipt-rows mt-3 divide-y divide-slate-100 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-3 py-1.5">
            <dt className="text-slate-600">{label}</dt>
            <dd
              className={`text-right font-medium ${label.endsWith('reference') ? 'break-all font-mono' : ''}`}
            >
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {receipt.status === 'SUCCESS' && receipt.finalAt ? (
        <p className="mt-2 text-center text-xs text-slate-500">
          Completed {formatDateTime(receipt.finalAt)}
        </p>
      ) : null}
      <p className="mt-3 text-center text-xs text-slate-500">
        Quote the references to the network if the value did not arrive.
      </p>
    </article>
  );
}
