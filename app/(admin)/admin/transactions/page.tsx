import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { getDb } from '@/db';
import { FilterForm } from '@/components/admin/filter-form';
import { Card } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { StatusBadge, statusLabel } from '@/components/ui/status-badge';
import { optionalQuery, pageParam, providerId, purchaseStatus } from '@/lib/admin/schemas';
import { listAdminPurchases } from '@/lib/admin/transactions';
import { parseLagosDay } from '@/lib/time/lagos';
import { DAY_MS } from '@/lib/time/units';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { PURCHASE_STATUSES } from '@/db/schema';
import { PROVIDER_IDS } from '@/lib/providers/registry';

export const metadata: Metadata = { title: 'Transactions' };

const querySchema = z.object({
  status: optionalQuery(purchaseStatus),
  provider: optionalQuery(providerId),
  from: optionalQuery(z.string().max(10)),
  to: optionalQuery(z.string().max(10)),
  q: optionalQuery(z.string().max(100)),
  page: pageParam,
});

export default async function AdminTransactionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  await requireAdmin();
  const query = querySchema.parse(await searchParams);
  const from = parseLagosDay(query.from);
  const to = parseLagosDay(query.to);
  const list = await listAdminPurchases(
    getDb(),
    {
      status: query.status,
      provider: query.provider,
      from: from ?? undefined,
      to: to === null ? undefined : to + DAY_MS,
      q: query.q,
    },
    query.page,
  );
  return (
    <Card title="Transactions">
      <FilterForm
        label="Filter transactions"
        resetHref="/admin/transactions"
        fields={[
          {
            kind: 'select',
            name: 'status',
            label: 'Status',
            value: query.status,
            options: PURCHASE_STATUSES.map((s) => ({
              value: s,
              label: `${statusLabel(s)} (${s})`,
            })),
          },
          {
            kind: 'select',
            name: 'provider',
            label: 'Provider',
            value: query.provider,
            options: PROVIDER_IDS.map((p) => ({ value: p, label: p })),
          },
          { kind: 'date', name: 'from', label: 'From (Lagos)', value: query.from },
          { kind: 'date', name: 'to', label: 'To (Lagos)', value: query.to },
          { kind: 'text', name: 'q', label: 'Reference, phone or agent', value: query.q },
        ]}
      />
      {list.rows.length === 0 ? <p className="text-slate-600">No transactions match.</p> : null}
      <ul className="divide-y divide-slate-100 sm:hidden">
        {list.rows.map((r) => (
          <li key={r.id} className="py-2">
            <Link href={`/admin/transactions/${r.id}`} className="flex justify-between gap-2">
              <span>
                <span className="block font-medium">{r.product}</span>
                <span className="block text-xs text-slate-600">
                  {r.phone} · {r.agentEmail} · {formatDateTime(r.createdAt)}
                </span>
              </span>
              <span className="text-right">
                <span className="block font-semibold">
                  {formatMoney(r.amountMinor, r.currency)}
                </span>
                <StatusBadge status={r.status} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto sm:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Transactions</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th className="py-2 pr-3 font-medium">Time</th>
              <th className="py-2 pr-3 font-medium">Sale</th>
              <th className="py-2 pr-3 font-medium">Agent</th>
              <th className="py-2 pr-3 font-medium">Provider</th>
              <th className="py-2 pr-3 text-right font-medium">Amount</th>
              <th className="py-2 font-medium">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100">
                <td className="whitespace-nowrap py-2 pr-3">{formatDateTime(r.createdAt)}</td>
                <td className="py-2 pr-3">
                  <Link
                    href={`/admin/transactions/${r.id}`}
                    className="font-medium text-accent-700 underline"
                  >
                    {r.product}
                  </Link>
                  <span className="block font-mono text-xs text-slate-500">
                    {r.phone} · {r.reference}
                  </span>
                </td>
                <td className="py-2 pr-3">{r.agentEmail}</td>
                <td className="py-2 pr-3">{r.provider}</td>
                <td className="py-2 pr-3 text-right">{formatMoney(r.amountMinor, r.currency)}</td>
                <td className="py-2">
                  <StatusBadge status={r.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        basePath="/admin/transactions"
        params={{
          status: query.status,
          provider: query.provider,
          from: query.from,
          to: query.to,
          q: query.q,
        }}
      />
    </Card>
  );
}
