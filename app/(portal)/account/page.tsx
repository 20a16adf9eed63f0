import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangePasswordForm, SignOutEverywhereForm } from '@/app/(portal)/account/account-forms';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { factorSummary } from '@/lib/auth/second-factor/factors';
import { requireAgent } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const user = await requireAgent();
  const factors = await factorSummary(getDb(), user.id);
  const enrolled = factors.totp || factors.passkeys > 0;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <Card title="Account">
        <p className="text-sm text-slate-600">
          {user.name} · {user.email}
        </p>
      </Card>
      <Card title="Change password">
        <p className="mb-3 text-sm text-slate-600">
          Every device signed in as you is signed out, this one too.
        </p>
        <ChangePasswordForm />
      </Card>
      <Card title="Two-step sign-in">
        <p className="mb-3 text-sm text-slate-600">
          {enrolled
            ? 'On. Signing in asks for a code from your authenticator app or your passkey.'
            : 'Off. Turn it on so a leaked password alone cannot open your wallet.'}
        </p>
        <Link href="/sign-in/enrol" className="font-semibold text-accent-700 underline">
          {enrolled ? 'Manage two-step sign-in' : 'Turn on two-step sign-in'}
        </Link>
      </Card>
      <Card title="API keys">
        <p className="mb-3 text-sm text-slate-600">
          Sell from your own software through the REST API.
        </p>
        <Link href="/account/api-keys" className="font-semibold text-accent-700 underline">
          Manage API keys
        </Link>
      </Card>
      <Card title="Lost a phone?">
        <p className="mb-3 text-sm text-slate-600">End every session of this account at once.</p>
        <SignOutEverywhereForm />
      </Card>
    </div>
  );
}
