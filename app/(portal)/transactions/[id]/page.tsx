import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { LiveStatus } from '@/app/(portal)/transactions/live-status';
import { issueReceiptLinkAction } from '@/app/(portal)/transactions/receipt-actions';
import { RevokeReceiptLinks } from '@/app/(portal)/transactions/revoke-links';
import { ShareReceipt } from '@/components/receipts/share-receipt';
import { Timeline } from '@/components/transactions/timeline';
import { Card } from '@/components/ui/card';
import { requireAgent } from '@/lib/auth/session';
import { billerLabel, isBillType } from '@/lib/bills/billers';
import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { toOutcome } from '@/lib/purchases/outcome';
import { getSaleTimeline } from '@/lib/purchases/timeline';
import { countLiveReceiptLinks } from '@/lib/receipts/issue';

export const metadata: Metadata = { title: 'Sale' };

export default async function TransactionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireAgent();
  const id = z.coerce
    .number()
    .int()
    .positive()
    .safeParse((await params).id);
  const sale = id.success ? await getSaleTimeline(getDb(), id.data, user.id) : null;
  if (!sale) notFound();
  const p = sale.purchase;
  const bill = isBillType(p.type);
  const rows: [string, string][] = [
    ['Product', sale.productName],
    ...((bill
      ? [
          ['Company', billerLabel(p.network)],
          [p.type === 'electricity' ? 'Meter number' : 'Smartcard', p.account ?? '—'],
          ['Customer', p.customerName ?? '—'],
          ['Customer’s phone', p.phone],
        ]
      : [['Number', `${p.phone} · ${p.network}`]]) as [string, string][]),
    ...((p.quantity && p.quantity > 1 ? [['Months', String(p.quantity)]] : []) as [
      string,
      string,
    ][]),
    ['Customer paid', formatMoney(p.amountMinor, p.currency)],
    ['Your cost', formatMoney(p.agentCostMinor, p.currency)],
    ['Your commission', formatMoney(p.commissionMinor, p.currency)],
    ['Time', formatDateTime(p.createdAt)],
    ['Our reference', p.reference],
  ];
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Card title="Sale">
        <LiveStatus initial={toOutcome(p)} />
        <dl className="mt-3 divide-y divide-slate-100 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="flex justify-between gap-3 py-2">
              <dt className="text-slate-600">{k}</dt>
              <dd className="text-right font-medium break-all">{v}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-3 space-y-3">
          <ShareReceipt purchaseId={p.id} issue={issueReceiptLinkAction} token={p.token} />
          <RevokeReceiptLinks
            purchaseId={p.id}
            live={await countLiveReceiptLinks(getDb(), user.id, p.id)}
          />
        </div>
      </Card>
      <Card title="Timeline">
        <Timeline events={sale.events} />
      </Card>
    </div>
  );
}
