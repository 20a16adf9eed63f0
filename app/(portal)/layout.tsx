import { getDb } from '@/db';
import { AppShell } from '@/components/layout/app-shell';
import type { NavLink } from '@/components/layout/nav';
import { BalanceChip } from '@/components/wallet/balance-chip';
import { requireAgent } from '@/lib/auth/session';
import { listWallets } from '@/lib/ledger/accounts';

// The bar holds what the counter uses all day: selling, the history, the wallet.
const LINKS: NavLink[] = [
  { href: '/dashboard', label: 'Home' },
  { href: '/buy/airtime', label: 'Airtime', bar: true },
  { href: '/buy/data', label: 'Data', bar: true },
  { href: '/buy/bills', label: 'Bills', bar: true, match: ['/buy/electricity', '/buy/tv'] },
  { href: '/transactions', label: 'History', bar: true },
  { href: '/wallet', label: 'Wallet', bar: true },
  { href: '/catalogue', label: 'Plans' },
  { href: '/beneficiaries', label: 'Numbers' },
  { href: '/bulk', label: 'Bulk' },
  { href: '/account/api-keys', label: 'API keys' },
  { href: '/webhooks', label: 'Webhooks' },
  { href: '/account', label: 'Account' },
];

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAgent();
  const wallets = await listWallets(getDb(), user.id);
  return (
    <AppShell
      title="Vending Portal"
      home="/dashboard"
      links={LINKS}
      status={<BalanceChip wallets={wallets} />}
      width="narrow"
    >
      {children}
    </AppShell>
  );
}
