import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { BulkUploadForm } from './upload-form';
import { Card } from '@/components/ui/card';
import { requireAgent } from '@/lib/auth/session';
import { listBatches } from '@/lib/bulk/queries';
import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';

export const metadata: Metadata = { title: 'Bulk sales' };

const STATUS_WORDS = {
  preview: 'Waiting for your confirmation',
  queued: 'Selling',
  done: 'Finished',
  cancelled: 'Cancelled',
} as const;

export default async function BulkPage() {
  const user = await requireAgent();
  const batches = await listBatches(getDb(), user.id);
  return (
    <div className="space-y-4">
      <Card title="Bulk sales from a CSV">
        <p className="mb-3 text-sm text-slate-600">
          One sale per row, up to 5,000 rows. Columns: <code>number</code>, <code>network</code>{' '}
          (optional: detected from the number), and <code>product</code> (a plan name from Plans) or{' '}
          <code>amount</code> (airtime, in naira). You see every row checked and the total before
          anything is sold.
        </p>
        <BulkUploadForm />
      </Card>
      <Card title="Your uploads">
        {batches.length === 0 ? (
          <p className="text-sm text-slate-600">No uploads yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="bulk-batches">
            {batches.map((b) => (
              <li key={b.id} className="py-2">
                <Link
                  href={`/bulk/${b.id}`}
                  className="flex flex-wrap justify-between gap-2 text-sm hover:underline"
                >
                  <span className="font-medium">{b.fileName}</span>
                  <span>
                    {STATUS_WORDS[b.status]} · {formatMoney(b.totalCostMinor, b.currency)} ·{' '}
                    {formatDateTime(b.createdAt)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
