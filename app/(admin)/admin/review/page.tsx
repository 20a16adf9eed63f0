import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { ResolveForm } from '@/components/review/resolve-form';
import { Timeline } from '@/components/transactions/timeline';
import { Card } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { listReviewQueue } from '@/lib/purchases/review';
import { getSaleTimeline } from '@/lib/purchases/timeline';

export const metadata: Metadata = { title: 'Review queue' };

export default async function ReviewQueuePage() {
  await requireAdmin();
  const db = getDb();
  const queue = listReviewQueue(db);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">Review queue <span className="text-base font-normal text-slate-600">· {queue.length} sales</span></h1>
      {queue.length === 0 ? <Card><p className="text-slate-600">Nothing waits for a human. Pending sales are still being checked automatically.</p></Card> : null}
      {queue.map(({ purchase: p, agentEmail, productName }) => (
        <Card key={p.id} title={`Sale #${p.id} · ${productName}`} actions={<StatusBadge status={p.status} />}>
          <p className="text-sm text-slate-700">
            {formatDateTime(p.createdAt)} · {agentEmail} · {p.phone} · {formatMoney(p.faceMinor, p.currency)} · {p.provider} <span className="font-mono">{p.reference}</span>
            {' · '}<Link className="text-accent-700 underline" href={`/admin/transactions/${p.id}`}>details</Link>
          </p>
          <div className="mt-3 grid gap-4 lg:grid-cols-2">
            <Timeline events={getSaleTimeline(db, p.id)?.events ?? []} showEvidence />
            <ResolveForm purchaseId={p.id} />
          </div>
        </Card>
      ))}
    </div>
  );
}
