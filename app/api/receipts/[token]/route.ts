import { headers } from 'next/headers';
import { getDb } from '@/db';
import { clientIp } from '@/lib/auth/client-ip';
import { lookupReceipt } from '@/lib/receipts/lookup';
import { receiptResponse } from '@/lib/receipts/respond';

export const dynamic = 'force-dynamic';

/** Public, no session: polled by the customer's receipt page while the sale is pending. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ip = clientIp(await headers());
  return receiptResponse(await lookupReceipt(getDb(), token, ip));
}
