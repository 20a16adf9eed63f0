import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { getDb } from '@/db';
import { FundWalletForm, DecideRequestForms } from '@/app/(admin)/admin/funding/funding-forms';
import { Card } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { pageParam } from '@/lib/admin/schemas';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { listFundingRequests } from '@/lib/funding-requests/queries';
import { formatMoney } from '@/lib/money';
import { listAgents } from '@/lib/users/queries';

export const metadata: Metadata = { title: 'Funding' };

const querySchema = z.object({
  status: z.enum(['pending', 'approved', 'rejected', 'all']).catch('pending'),
  page: pageParam,
});

const STATUS_TEXT = {
  pending: '… Pending',
  approved: '✓ Approved',
  rejected: '✕ Rejected',
} as const;

export default async function FundingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  await requireAdmin();
  const query = querySchema.parse(await searchParams);
  const db = getDb();
  const requests = await listFundingRequests(
    db,
    { status: query.status === 'all' ? undefined : query.status },
    query.page,
  );
  const agents = (await listAgents(db)).map(({ id, name, email }) => ({ id, name, email }));
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_1.4fr]">
      <Card title="Credit or debit a wallet">
        <FundWalletForm agents={agents} />
      </Card>
      <Card title="Funding requests">
        <nav aria-label="Request status" className="mb-3 flex flex-wrap gap-1 text-sm">
          {(['pending', 'approved', 'rejected', 'all'] as const).map((s) => (
            <Link
              key={s}
              href={`/admin/funding?status=${s}`}
              aria-current={query.status === s ? 'page' : undefined}
              className={`rounded-lg border px-3 py-2 ${query.status === s ? 'border-accent-600 bg-accent-50 font-semibold' : 'border-slate-300'}`}
            >
              {s[0]!.toUpperCase() + s.slice(1)}
            </Link>
          ))}
        </nav>
        {requests.rows.length === 0 ? <p className="text-slate-600">No requests here.</p> : null}
        <ul className="space-y-3">
          {requests.rows.map((r) => (
            <li
              key={r.id}
              className="rounded-lg border border-slate-200 p-3"
              data-testid={`funding-request-${r.id}`}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-semibold">
                  #{r.id} · {formatMoney(r.amount, r.currency)} ·{' '}
                  <Link className="text-accent-700 underline" href={`/admin/agents/${r.agentId}`}>
                    {r.agentName}
                  </Link>
                </p>
                <span className="text-sm">{STATUS_TEXT[r.status]}</span>
              </div>
              <p className="text-sm text-slate-600">
                Bank reference <span className="font-mono">{r.bankReference}</span> · sent{' '}
                {formatDateTime(r.createdAt)}
              </p>
              {r.note ? <p className="text-sm">Note: {r.note}</p> : null}
              {r.status !== 'pending' ? (
                <p className="text-sm text-slate-600">
                  {r.status === 'approved' ? 'Approved' : 'Rejected'} by {r.decidedBy ?? 'system'}{' '}
                  on {r.decidedAt ? formatDateTime(r.decidedAt) : '—'}
                  {r.decisionReason ? `: ${r.decisionReason}` : ''}
                </p>
              ) : (
                <div className="mt-2">
                  <DecideRequestForms requestId={r.id} />
                </div>
              )}
            </li>
          ))}
        </ul>
        <Pagination
          page={requests.page}
          pageSize={requests.pageSize}
          total={requests.total}
          basePath="/admin/funding"
          params={{ status: query.status }}
        />
      </Card>
    </div>
  );
}
