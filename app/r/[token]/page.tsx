import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { LiveReceipt } from '@/components/receipts/live-receipt';
import { PrintControls } from '@/components/receipts/print-controls';
import '@/components/receipts/receipt-print.css';
import { clientIp } from '@/lib/auth/client-ip';
import { lookupReceipt } from '@/lib/receipts/lookup';

export const dynamic = 'force-dynamic';

// Headers (no-store, no-referrer, noindex) come from next.config.mjs for /r/:path*.
export const metadata: Metadata = {
  title: 'Receipt',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

/** Public: no session. Whatever the token, a miss (or too many misses) is the same 404. */
export default async function ReceiptPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ print?: string }>;
}) {
  const [{ token }, { print }] = await Promise.all([params, searchParams]);
  const ip = clientIp(await headers());
  const result = await lookupReceipt(getDb(), token, ip);
  if (!result.ok) notFound();
  return (
    <main className="receipt-page mx-auto max-w-md space-y-4 px-4 py-6">
      <LiveReceipt token={token} initial={result.receipt} />
      <PrintControls autoPrint={print === '1'} />
    </main>
  );
}
