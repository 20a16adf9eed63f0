import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAgent } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Pay bills' };

const FAMILIES = [
  {
    href: '/buy/electricity',
    icon: '⚡',
    title: 'Electricity',
    note: 'Prepaid token or postpaid bill, every distribution company',
  },
  {
    href: '/buy/tv',
    icon: '📺',
    title: 'Cable TV',
    note: 'DStv, GOtv, Startimes and Showmax: renew or change bouquet',
  },
];

/** The bills hub: one tap to the family, the forms do the rest. */
export default async function BillsPage() {
  await requireAgent();
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-xl font-bold">Pay bills</h1>
      <ul className="grid gap-3 sm:grid-cols-2">
        {FAMILIES.map((f) => (
          <li key={f.href}>
            <Link
              href={f.href}
              className="flex min-h-24 items-start gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-accent-600"
            >
              <span aria-hidden className="text-3xl">
                {f.icon}
              </span>
              <span>
                <span className="block text-lg font-semibold text-accent-700">{f.title}</span>
                <span className="block text-sm text-slate-600">{f.note}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
