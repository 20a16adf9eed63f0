import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser, homeOf } from '@/lib/auth/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage() {
  const user = await getCurrentUser();
  if (user) redirect(homeOf(user));
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">Vending Portal</h1>
      <p className="mb-6 text-slate-600">Sign in to sell airtime and data.</p>
      <SignInForm />
    </main>
  );
}
