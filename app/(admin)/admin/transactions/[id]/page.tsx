import type { Metadata } from 'next';
import { billerLabel } from '@/lib/bills/billers';
import { awaitingToken } from '@/lib/bills/delivered';
import { formatToken } from '@/lib/bills/token';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { ResolveForm } from '@/app/(admin)/admin/review/resolve-form';
import { Card } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { getAdminPurchase } from '@/lib/admin/transactions';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { lateDeliveriesOf } from '@/lib/purchases/late-delivery';

export const metadata: Metadata = { title: 'Transaction' };
export const dynamic = 'force-dynamic';

export default async function AdminTransactionPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  await requireAdmin();
  const { id } = await params;
  const purchaseId = Number(id);
  const found = Number.isSafeInteger(purchaseId)
    ? await getAdminPurchase(getDb(), purchaseId)
    : null;
  if (!found) notFound();
  const p = found.purchase;
  const late = await lateDeliveriesOf(getDb(), p.id);
  const money = (n: number) => formatMoney(n, p.currency);
  const open = ['PENDING', 'UNKNOWN', 'MANUAL_REVIEW'].includes(p.status) && !found.resolution;
  return (
    <div className="space-y-4">
      <Card
        title={`Sale #${p.id}`}
        actions={
          <Link href="/admin/transactions" className="text-sm text-accent-700 underline">
            All transactions
          </Link>
        }
      >
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">Status</dt>
            <dd className="flex flex-wrap gap-1">
              <StatusBadge status={p.status} />
              {late.map((l) => (
                <Link
                  key={l.id}
                  href="/admin/review"
                  className="inline-flex items-center rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900"
                >
                  {l.kind === 'delivered_twice' ? 'Delivered twice' : 'Delivered after refund'}
                  {l.resolution
                    ? ` · ${l.resolution === 'recovered' ? 'recovered' : 'written off'}`
                    : ' · open'}
                </Link>
              ))}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Product</dt>
            <dd className="font-medium">{found.productName}</dd>
          </div>
          {p.account ? (
            <div>
              <dt className="text-slate-600">Account (meter / smartcard)</dt>
              <dd className="font-mono">
                {p.account} · {billerLabel(p.network)}
                {p.customerName ? ` · ${p.customerName}` : ''}
              </dd>
            </div>
          ) : null}
          {p.token || awaitingToken(p) ? (
            <div>
              <dt className="text-slate-600">Token</dt>
              <dd className="font-mono">
                {p.token
                  ? `${formatToken(p.token)}${p.units ? ` · ${p.units}` : ''}`
                  : 'Paid · awaiting token'}
              </dd>
            </div>
          ) : null}
          <div>
            <dt className="text-slate-600">Number</dt>
            <dd className="font-mono">
              {p.phone} ({p.network}
              {p.circle ? `, circle ${p.circle}` : ''})
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Agent</dt>
            <dd>
              {found.agentName} · {found.agentEmail}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Face value</dt>
            <dd>{money(p.amountMinor)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Agent cost / commission</dt>
            <dd>
              {money(p.agentCostMinor)} / {money(p.commissionMinor)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Provider</dt>
            <dd>{p.provider}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Our reference</dt>
            <dd className="font-mono">{p.reference}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Provider / operator ref</dt>
            <dd className="font-mono">
              {p.providerRef ?? '—'} / {p.operatorRef ?? '—'}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Opened</dt>
            <dd>{formatDateTime(p.createdAt)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Final</dt>
            <dd>{p.finalAt ? formatDateTime(p.finalAt) : '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Money</dt>
            <dd>
              {found.resolution
                ? `${found.resolution.outcome} by ${found.resolution.resolvedBy} at ${formatDateTime(found.resolution.at)}${found.resolution.reason ? ` (${found.resolution.reason})` : ''}`
                : 'reserved, not resolved'}
              {found.reversal
                ? ` · reversed by ${found.reversal.resolvedBy} at ${formatDateTime(found.reversal.at)}`
                : ''}
            </dd>
          </div>
        </dl>
      </Card>

      {/* Manual resolution: the lead adds the resolve action (settle or refund, with a reason, confirmed and audited) here. */}
      <section id="manual-resolution" aria-label="Manual resolution">
        <Card title="Manual resolution">
          {open ? (
            <ResolveForm purchaseId={p.id} />
          ) : (
            <p className="text-sm text-slate-600">Resolved: nothing to do.</p>
          )}
        </Card>
      </section>

      <Card title="Attempts">
        <ol className="space-y-2 text-sm">
          {found.attempts.map((a) => (
            <li key={a.id} className="rounded-lg border border-slate-200 p-2">
              <strong>{a.provider}</strong> · <span className="font-mono">{a.reference}</span> ·
              plan <span className="font-mono">{a.planCode}</span> · cost{' '}
              {money(a.providerCostMinor)} · {a.status}
              {a.providerCode ? ` (code ${a.providerCode})` : ' (no answer yet)'} ·{' '}
              {formatDateTime(a.createdAt)}
            </li>
          ))}
        </ol>
      </Card>

      <Card title="Timeline">
        <ol className="space-y-2 text-sm">
          {found.events.map((e) => (
            <li key={e.id} className="rounded-lg border border-slate-100 p-2">
              <p>
                <strong>{e.kind}</strong>
                {e.status ? ` · ${e.status}` : ''} · {formatDateTime(e.at)}
              </p>
              {e.detail ? (
                <details>
                  <summary className="cursor-pointer text-accent-700">Evidence</summary>
                  <pre className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">
                    {JSON.stringify(e.detail, null, 2)}
                  </pre>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
