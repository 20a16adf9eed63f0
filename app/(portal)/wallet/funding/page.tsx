import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { Card } from '@/components/ui/card';
import { requireAgent } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { listAgentFundingRequests } from '@/lib/funding-requests/queries';
import { listWallets } from '@/lib/ledger/accounts';
import { formatMoney } from '@/lib/money';
import { FundingRequestForm } from './funding-request-form';

export const metadata: Metadata = { title: 'Request funding' };

const STATUS = {
  pending: { text: 'Waiting for approval', icon: '…', className: 'bg-amber-100 text-amber-900' },
  approved: { text: 'Approved · credited', icon: '✓', className: 'bg-green-100 text-green-900' },
  rejected: { text: 'Rejected', icon: '✕', className: 'bg-red-100 text-red-900' },
} as const;

export default async function WalletFundingPage() {
  const user = await requireAgent();
  const db = getDb();
  const wallets = await listWallets(db, user.id);
  const requests = await listAgentFundingRequests(db, user.id);
  return (
    <div className="space-y-4">
      <Card
        title="Request funding"
        actions={
          <Link href="/wallet" className="text-sm text-accent-700 underline">
            Back to wallet
          </Link>
        }
      >
        <p className="mb-3 text-sm text-slate-600">
          Pay into the company account, then tell us here. Your wallet is credited once an admin
          confirms the payment.
        </p>
        <FundingRequestForm
          currencies={wallets.length ? wallets.map((w) => w.currency) : ['NGN']}
        />
      </Card>
      <Card title="Your requests">
        {requests.length === 0 ? (
          <p className="text-slate-600">No requests yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {requests.map((r) => {
              const s = STATUS[r.status];
              return (
                <li key={r.id} className="py-3" data-testid={`my-request-${r.bankReference}`}>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <strong>{formatMoney(r.amount, r.currency)}</strong>
                    <span
                      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${s.className}`}
                    >
                      <span aria-hidden>{s.icon}</span>
                      {s.text}
                    </span>
                  </div>
                  <p className="text-sm text-slate-600">
                    Ref <span className="font-mono">{r.bankReference}</span> ·{' '}
                    {formatDateTime(r.createdAt)}
                  </p>
                  {r.status === 'rejected' && r.decisionReason ? (
                    <p className="text-sm text-red-800">Reason: {r.decisionReason}</p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
