import { AppShell } from '@/components/layout/app-shell';
import type { NavLink } from '@/components/layout/nav';
import { requireAdmin } from '@/lib/auth/session';

// On a phone the bar holds the day's work (money in, sales, the review queue); the rest is under More.
const LINKS: NavLink[] = [
  { href: '/admin', label: 'Dashboard', bar: true, short: 'Home' },
  { href: '/admin/agents', label: 'Agents', bar: true },
  { href: '/admin/funding', label: 'Funding', bar: true },
  { href: '/admin/transactions', label: 'Transactions', bar: true, short: 'Sales' },
  { href: '/admin/review', label: 'Review queue', bar: true, short: 'Review' },
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
