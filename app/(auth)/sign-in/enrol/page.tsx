import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { EnrolPanel } from '@/app/(auth)/sign-in/enrol-panel';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { Notice } from '@/components/ui/notice';
import { getDb } from '@/db';
import { factorSummary } from '@/lib/auth/second-factor/factors';
import { GATE_PATHS, isFreshlyVerified, secondFactorGate } from '@/lib/auth/second-factor/gate';
import { homeOf, requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Second factor' };

export default async function EnrolPage({
  searchParams,
}: {
  searchParams: Promise<{ recovered?: string }>;
}) {
  const user = await requireUser();
  const gate = secondFactorGate(user.role, user.mfa);
  if (gate === 'verify') redirect(GATE_PATHS.verify);
  // Adding or replacing a factor on an account that has one needs it proved in the last minutes.
  const mustConfirm = user.mfa === 'verified' && !isFreshlyVerified(user);
  const factors = await factorSummary(getDb(), user.id);
  const recovered = (await searchParams).recovered;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-4 py-8">
      <div>
        <h1 className="mb-1 text-2xl font-bold">Second factor</h1>
        <p className="text-slate-600">
          {gate === 'enrol'
            ? 'Admins sign in with a second factor. Set one up now: an authenticator app on your phone, or a passkey.'
            : 'A second factor keeps your account safe even if your password leaks.'}
        </p>
      </div>
      {recovered !== undefined ? (
        <Notice tone="warning">
          You signed in with a recovery code ({recovered} left). If you lost your phone, set up the
          app again below.
        </Notice>
      ) : null}
      <p className="text-sm text-slate-700" data-testid="factor-summary">
        Authenticator app: {factors.totp ? 'set up' : 'not set up'} · Passkeys: {factors.passkeys} ·
        Recovery codes left: {factors.recoveryCodesLeft}
      </p>
      {mustConfirm ? (
        <Notice tone="info">
          To change your second factor,{' '}
          <Link
            href={`${GATE_PATHS.verify}?next=/sign-in/enrol`}
            className="font-semibold underline"
          >
            confirm it’s you
          </Link>{' '}
          first.
        </Notice>
      ) : (
        <EnrolPanel hasTotp={factors.totp} hasFactor={factors.totp || factors.passkeys > 0} />
      )}
      <div className="flex items-center justify-between">
        {gate === 'open' ? (
          <Link href={homeOf(user)} className="text-sm font-semibold text-accent-700 underline">
            Continue
          </Link>
        ) : (
          <span />
        )}
        <SignOutButton />
      </div>
    </main>
  );
}
