import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { VerifyForm } from '@/app/(auth)/sign-in/verify-form';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { getDb } from '@/db';
import { factorSummary } from '@/lib/auth/second-factor/factors';
import { safeNextPath } from '@/lib/auth/second-factor/next-path';
import { homeOf, requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Confirm it’s you' };

export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const user = await requireUser();
  if (user.mfa === 'none') redirect(homeOf(user));
  const factors = await factorSummary(getDb(), user.id);
  const next = safeNextPath((await searchParams).next) ?? undefined;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-4 px-4">
      <div>
        <h1 className="mb-1 text-2xl font-bold">Confirm it’s you</h1>
        <p className="text-slate-600">
          {user.mfa === 'verified'
            ? 'This change needs your second factor again.'
            : `Signed in as ${user.email}. One more step: your second factor.`}
        </p>
      </div>
      <VerifyForm hasTotp={factors.totp} hasPasskey={factors.passkeys > 0} next={next} />
      <div className="text-center">
        <SignOutButton />
      </div>
    </main>
  );
}
