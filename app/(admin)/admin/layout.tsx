import Link from 'next/link';
import { NavLinks } from '@/components/layout/nav-links';
import { SignOutButton } from '@/components/layout/sign-out-button';
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
  { href: '/admin/audit', label: 'Audit log' },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAdmin();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-2 px-4 py-2">
          <Link href="/admin" className="font-bold text-accent-700">Vending Portal · Admin</Link>
          <span className="flex items-center gap-2 text-sm text-slate-600">
            {user.email}
            <SignOutButton />
          </span>
        </div>
        <div className="mx-auto max-w-7xl px-2 pb-1">
          <NavLinks links={LINKS} />
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
