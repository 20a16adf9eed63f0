import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { QuickSell } from '@/app/(portal)/dashboard/quick-sell';
import { EarningsPanel } from '@/components/earnings/earnings-panel';
import { Card } from '@/components/ui/card';
import { requireAgent } from '@/lib/auth/session';
import { getEarnings } from '@/lib/earnings/queries';
import { listWallets } from '@/lib/ledger/accounts';
import { formatMoney } from '@/lib/money';

export const metadata: Metadata = { title: 'Home' };

export default async function DashboardPage() {
  const user = await requireAgent();
  const db = getDb();
  const wallets = await listWallets(db, user.id);
  const earnings = await getEarnings(
    db,
    user.id,
    wallets.map((w) => w.currency),
  );
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">Hello, {user.name}</h1>
      <QuickSell />
      <Card title="Wallet">
        {wallets.map((w) => (
          <p key={w.currency} className="text-lg">
            <strong>{formatMoney(w.balance, w.currency)}</strong> available
            {w.reserved ? (
              <span className="text-sm text-slate-600">
                {' '}
                · {formatMoney(w.reserved, w.currency)} reserved
              </span>
            ) : null}
          </p>
        ))}
        <Link
          href="/wallet"
          className="mt-2 inline-block text-sm font-medium text-accent-700 underline"
        >
          Statement
        </Link>
      </Card>
      <EarningsPanel earnings={earnings} />
      <Link
        href="/beneficiaries"
        className="inline-block text-sm font-medium text-accent-700 underline"
      >
        Saved numbers
      </Link>
    </div>
  );
}
