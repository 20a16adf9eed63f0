import type { Metadata } from 'next';
import { billerLabel } from '@/lib/bills/billers';
import Link from 'next/link';
import { getDb } from '@/db';
import { LateDeliveryForm } from '@/app/(admin)/admin/review/late-delivery-form';
import { ResolveForm } from '@/app/(admin)/admin/review/resolve-form';
import { Timeline } from '@/components/transactions/timeline';
import { Card } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { listReviewQueue } from '@/lib/purchases/review';
import { listOpenLateDeliveries, type OpenLateDelivery } from '@/lib/purchases/late-delivery';
import { getSaleTimeline, type SaleTimeline } from '@/lib/purchases/timeline';

export const metadata: Metadata = { title: 'Review queue' };

export default async function ReviewQueuePage() {
  await requireAdmin();
  const db = getDb();
  const queue = await listReviewQueue(db);
  const late = await listOpenLateDeliveries(db);
  const eventsOf = async (purchaseId: number) =>
    (await getSaleTimeline(db, purchaseId))?.events ?? [];
  const [lateEvents, queueEvents] = await Promise.all([
    Promise.all(late.map((l) => eventsOf(l.purchase.id))),
    Promise.all(queue.map((q) => eventsOf(q.purchase.id))),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">
        Review queue{' '}
        <span className="text-base font-normal text-slate-600">
          · {queue.length + late.length} sales
        </span>
      </h1>
      {queue.length + late.length === 0 ? (
        <Card>
          <p className="text-slate-600">
            Nothing waits for a human. Pending sales are still being checked automatically.
          </p>
        </Card>
      ) : null}
      {late.length > 0 ? (
        <h2 className="text-lg font-semibold">Delivered after the fact · {late.length}</h2>
      ) : null}
      {late.map((l, i) => (
        <LateDeliveryCard key={l.late.id} item={l} events={lateEvents[i] ?? []} />
      ))}
      {late.length > 0 && queue.length > 0 ? (
        <h2 className="text-lg font-semibold">Stuck or under review · {queue.length}</h2>
      ) : null}
      {queue.map(({ purchase: p, agentEmail, productName, awaiting }, i) => (
        <Card
          key={p.id}
          title={`Sale #${p.id} · ${productName}`}
          actions={
            <span className="flex gap-2">
              {awaiting ? <AwaitingBadge then={awaiting} /> : null}
              <StatusBadge status={p.status} />
            </span>
          }
        >
          <p className="text-sm text-slate-700">
            {formatDateTime(p.createdAt)} · {agentEmail} · {p.phone} ·{' '}
            {p.account ? `${billerLabel(p.network)} ${p.account} · ` : ''}
            {formatMoney(p.amountMinor, p.currency)} · {p.provider}{' '}
            <span className="font-mono">{p.reference}</span>
            {' · '}
            <Link className="text-accent-700 underline" href={`/admin/transactions/${p.id}`}>
              details
            </Link>
          </p>
          <div className="mt-3 grid gap-4 lg:grid-cols-2">
            <Timeline events={queueEvents[i] ?? []} showEvidence />
            <ResolveForm purchaseId={p.id} />
          </div>
        </Card>
      ))}
    </div>
  );
}

function AwaitingBadge({ then }: { then: 'refund' | 'failover' }) {
  return (
    <span
      className="inline-flex items-center rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900"
      title="The provider said no; its document asks for a confirming check first"
    >
      Awaiting confirmation · then {then === 'refund' ? 'refund' : 'next provider'}
    </span>
  );
}

const LATE_LABEL = {
  delivered_after_refund: 'Delivered after refund',
  delivered_twice: 'Delivered twice',
} as const;

/** A delivery nobody paid for: what happened, the evidence, and the admin's two choices. */
function LateDeliveryCard({
  item,
  events,
}: {
  item: OpenLateDelivery;
  events: SaleTimeline['events'];
}) {
  const { late, purchase: p } = item;
  const what =
    late.kind === 'delivered_twice'
      ? `${item.attemptProvider} also delivered it after the sale was settled through ${p.provider}.`
      : `${item.attemptProvider} delivered it after the agent was refunded.`;
  return (
    <div data-testid="late-delivery">
      <Card
        title={`Sale #${p.id} · ${item.productName}`}
        actions={
          <span
            className="inline-flex items-center rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900"
            data-testid="late-kind"
          >
            {LATE_LABEL[late.kind]}
          </span>
        }
      >
        <p className="text-sm text-slate-700">
          {what} Noticed {formatDateTime(late.detectedAt)} by {late.detectedBy.replace('_', ' ')}.
        </p>
        <p className="text-sm text-slate-700">
          {item.agentEmail} · {p.phone} ·{' '}
          {p.account ? `${billerLabel(p.network)} ${p.account} · ` : ''}agent paid{' '}
          {formatMoney(p.agentCostMinor, p.currency)} · {item.attemptProvider} cost{' '}
          {formatMoney(item.providerCostMinor, p.currency)} ·{' '}
          <span className="font-mono">{item.attemptReference}</span>
          {' · '}
          <Link className="text-accent-700 underline" href={`/admin/transactions/${p.id}`}>
            details
          </Link>
        </p>
        <div className="mt-3 grid gap-4 lg:grid-cols-2">
          <Timeline events={events} showEvidence />
          <LateDeliveryForm
            lateDeliveryId={late.id}
            agentCost={formatMoney(p.agentCostMinor, p.currency)}
          />
        </div>
      </Card>
    </div>
  );
}
