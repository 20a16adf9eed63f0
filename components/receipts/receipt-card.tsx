import { CopyToken } from '@/components/bills/token-display';
import { billerLabel, isBillType } from '@/lib/bills/billers';
import { formatToken } from '@/lib/bills/token';
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

const TITLES: Record<PublicReceipt['type'], string> = {
  airtime: 'Airtime receipt',
  data: 'Data receipt',
  electricity: 'Electricity receipt',
  tv: 'Cable TV receipt',
};

const BILL_SUCCESS_NOTE = 'The payment has reached the company.';
const AWAITING_TOKEN_NOTE = 'Paid. The token is on its way: this page updates by itself.';

/** Who and what was paid: a phone for a top-up, a meter or smartcard and its holder for a bill. */
function partyRows(receipt: PublicReceipt): [string, string][] {
  if (!isBillType(receipt.type))
    return [
      ['Network', receipt.network],
      ['Number', receipt.phone],
    ];
  return [
    ['Company', billerLabel(receipt.network)],
    [receipt.type === 'electricity' ? 'Meter number' : 'Smartcard', receipt.account ?? '—'],
    ...(receipt.delivered?.customerName
      ? ([['Customer', receipt.delivered.customerName]] as [string, string][])
      : []),
    ['Customer’s phone', receipt.phone],
  ];
}

/**
 * The customer's receipt: plain markup, no hooks, so it renders the same on the server, live, and in
 * print. A bill's token is printed large, grouped in fours as on a voucher.
 */
export function ReceiptCard({ receipt }: { receipt: PublicReceipt }) {
  const bill = isBillType(receipt.type);
  const base = STATUS[receipt.status] ?? PENDING;
  const status =
    receipt.status === 'SUCCESS' && bill
      ? { ...base, note: receipt.awaitingToken ? AWAITING_TOKEN_NOTE : BILL_SUCCESS_NOTE }
      : base;
  const token = receipt.delivered?.token ?? null;
  const rows: [string, string][] = [
    ['Product', receipt.product],
    ...partyRows(receipt),
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
          {TITLES[receipt.type]}
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
      {token ? (
        <div className="receipt-token mt-3 rounded-lg border-2 border-slate-800 p-3 text-center">
          <p className="text-sm font-semibold">Token</p>
          <p
            data-testid="receipt-token"
            className="font-mono text-2xl font-bold tracking-wider break-words"
          >
            {formatToken(token)}
          </p>
          {receipt.delivered?.units ? (
            <p className="text-sm">Units: {receipt.delivered.units}</p>
          ) : null}
          <div className="mt-2">
            <CopyToken token={token} />
          </div>
        </div>
      ) : receipt.awaitingToken ? (
        <p
          data-testid="receipt-awaiting-token"
          className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-center font-semibold text-amber-900"
        >
          <span aria-hidden>… </span>Awaiting token
        </p>
      ) : null}
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
