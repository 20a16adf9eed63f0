import type { Metadata } from 'next';
import { ChangePasswordForm, SignOutEverywhereForm } from '@/components/account/account-forms';
import { Card } from '@/components/ui/card';
import { requireAgent } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const user = await requireAgent();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <Card title="Account">
        <p className="text-sm text-slate-600">{user.name} · {user.email}</p>
      </Card>
      <Card title="Change password">
        <p className="mb-3 text-sm text-slate-600">Every device signed in as you is signed out, this one too.</p>
        <ChangePasswordForm />
      </Card>
      <Card title="Lost a phone?">
        <p className="mb-3 text-sm text-slate-600">End every session of this account at once.</p>
        <SignOutEverywhereForm />
      </Card>
    </div>
  );
}
