import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetSecondFactorForm } from '@/app/(admin)/admin/admins/admin-forms';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { listAdminsWithFactors } from '@/lib/auth/second-factor/factors';
import { requireAdmin } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Admins' };

export default async function AdminsPage() {
  const me = await requireAdmin();
  const admins = await listAdminsWithFactors(getDb());
  return (
    <div className="space-y-4">
      <Card title="Your second factor">
        <p className="text-sm text-slate-600">
          Add a passkey, replace your authenticator app or get new recovery codes:{' '}
          <Link href="/sign-in/enrol" className="font-semibold text-accent-700 underline">
            manage your second factor
          </Link>
          .
        </p>
      </Card>
      <Card title="Admins">
        <p className="mb-3 text-sm text-slate-600">
          An admin who lost their device and their recovery codes is reset here by another admin;
          they set up a new factor at their next sign-in.
        </p>
        <ul className="divide-y divide-slate-100">
          {admins.map((a) => (
            <li
              key={a.id}
              className="flex flex-wrap items-center justify-between gap-2 py-3"
              data-testid={`admin-${a.email}`}
            >
              <div>
                <span className="font-medium">{a.name}</span>{' '}
                <span className="text-sm text-slate-500">{a.email}</span>
                <span className="block text-sm text-slate-700">
                  {a.totp || a.passkeys > 0
                    ? `Second factor: ${[a.totp ? 'authenticator app' : null, a.passkeys > 0 ? `${a.passkeys} passkey${a.passkeys === 1 ? '' : 's'}` : null].filter(Boolean).join(', ')}`
                    : 'No second factor yet'}
                </span>
              </div>
              {a.id !== me.id && (a.totp || a.passkeys > 0) ? (
                <ResetSecondFactorForm adminId={a.id} email={a.email} />
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
