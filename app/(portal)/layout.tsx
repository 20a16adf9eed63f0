import { getDb } from '@/db';
import { AppShell } from '@/components/layout/app-shell';
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
  { href: '/bulk', label: 'Bulk' },
  { href: '/webhooks', label: 'Webhooks' },
  { href: '/wallet', label: 'Wallet' },
  { href: '/account', label: 'Account' },
];

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAgent();
  const wallets = listWallets(getDb(), user.id);
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
