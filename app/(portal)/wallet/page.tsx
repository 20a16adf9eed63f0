import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { getDb } from '@/db';
import { Card } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { StatementTable } from '@/components/wallet/statement-table';
import { requireAgent } from '@/lib/auth/session';
import { listWallets } from '@/lib/ledger/accounts';
import { listStatement } from '@/lib/ledger/statement';
import { formatMoney } from '@/lib/money';

export const metadata: Metadata = { title: 'Wallet' };

const querySchema = z.object({
  currency: z.enum(['NGN', 'INR']).catch('NGN'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function WalletPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const user = await requireAgent();
  const query = querySchema.parse(await searchParams);
  const db = getDb();
  const wallets = await listWallets(db, user.id);
  const wallet = wallets.find((w) => w.currency === query.currency) ?? wallets[0];
  if (!wallet)
    return (
      <Card title="Wallet">
        <p>You have no wallet yet. Ask an admin to fund your account.</p>
      </Card>
    );
  const statement = await listStatement(db, wallet.id, query.page, 25);
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        {wallets.map((w) => (
          <Card key={w.currency} title={`${w.currency} wallet`}>
            <p className="text-3xl font-bold" data-testid={`available-${w.currency}`}>
              {formatMoney(w.balance, w.currency)}
            </p>
            <p className="text-sm text-slate-600">Available to sell</p>
            <p className="mt-2 text-sm" data-testid={`reserved-${w.currency}`}>
              Reserved for pending sales: <strong>{formatMoney(w.reserved, w.currency)}</strong>
            </p>
          </Card>
        ))}
      </div>
      <Card
        title={`Statement (${wallet.currency})`}
        actions={
          <span className="flex gap-2">
            {wallets.length > 1
              ? wallets.map((w) => (
                  <Link
                    key={w.currency}
                    className="rounded-lg border px-3 py-2 text-sm"
                    href={`/wallet?currency=${w.currency}`}
                  >
                    {w.currency}
                  </Link>
                ))
              : null}
            <a
              className="rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium"
              href={`/api/wallet/statement?currency=${wallet.currency}`}
              download
            >
              Download CSV
            </a>
            <Link
              className="rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium"
              href="/wallet/funding"
            >
              Request funding
            </Link>
          </span>
        }
      >
        <StatementTable rows={statement.rows} currency={wallet.currency} />
        <Pagination
          page={statement.page}
          pageSize={statement.pageSize}
          total={statement.total}
          basePath="/wallet"
          params={{ currency: wallet.currency }}
        />
      </Card>
    </div>
  );
}
