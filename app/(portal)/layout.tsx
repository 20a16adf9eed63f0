import Link from 'next/link';
import { getDb } from '@/db';
import { NavLinks } from '@/components/layout/nav-links';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { BalanceChip } from '@/components/wallet/balance-chip';
import { requireAgent } from '@/lib/auth/session';
import { listWallets } from '@/lib/ledger/accounts';

const LINKS = [
  { href: '/dashboard', label: 'Home' },
  { href: '/buy/airtime', label: 'Airtime' },
  { href: '/buy/data', label: 'Data' },
  { href: '/catalogue', label: 'Plans' },
  { href: '/transactions', label: 'History' },
  { href: '/beneficiaries', label: 'Numbers' },
  { href: '/wallet', label: 'Wallet' },
  { href: '/account', label: 'Account' },
];

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAgent();
  const wallets = listWallets(getDb(), user.id);
  return (
    <div className="min-h-screen">
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <Link href="/dashboard" className="font-bold text-accent-700">Vending Portal</Link>
          <BalanceChip wallets={wallets} />
          <SignOutButton />
        </div>
        <div className="mx-auto max-w-5xl px-2 pb-1">
          <NavLinks links={LINKS} />
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-4 sm:py-6">{children}</main>
    </div>
  );
}
