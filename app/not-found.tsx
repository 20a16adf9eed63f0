import Link from 'next/link';
import { connection } from 'next/server';

/**
 * Rendered per request, not prerendered: a page's scripts run only with the nonce of its own
 * response's Content-Security-Policy, and a page built ahead of time has none.
 */
export default async function NotFound() {
  await connection();
  return (
    <main className="mx-auto max-w-md px-4 py-10 text-center">
      <h1 className="text-xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-700">
        Check the address, or go back to{' '}
        <Link href="/" className="text-blue-700 underline">
          the start page
        </Link>
        .
      </p>
    </main>
  );
}
