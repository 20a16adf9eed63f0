import { AppShell } from '@/components/layout/app-shell';
import { requireAdmin } from '@/lib/auth/session';

const LINKS = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/agents', label: 'Agents' },
  { href: '/admin/funding', label: 'Funding' },
  { href: '/admin/transactions', label: 'Transactions' },
  { href: '/admin/review', label: 'Review queue' },
  { href: '/admin/catalogue', label: 'Catalogue' },
  { href: '/admin/providers', label: 'Providers' },
  { href: '/admin/reconcile', label: 'Reconcile' },
  { href: '/admin/api-keys', label: 'API keys' },
  { href: '/admin/audit', label: 'Audit log' },
  { href: '/admin/admins', label: 'Admins' },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAdmin();
  return (
    <AppShell
      title="Vending Portal · Admin"
      home="/admin"
      links={LINKS}
      status={user.email}
      width="wide"
    >
      {children}
    </AppShell>
  );
}
