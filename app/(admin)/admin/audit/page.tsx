import type { Metadata } from 'next';
import { z } from 'zod';
import { getDb } from '@/db';
import { FilterForm } from '@/components/admin/filter-form';
import { Card } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { listAudit, listAuditActions } from '@/lib/admin/audit';
import { optionalQuery, pageParam } from '@/lib/admin/schemas';
import { parseLagosDay } from '@/lib/time/lagos';
import { DAY_MS } from '@/lib/time/units';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Audit log' };

const querySchema = z.object({
  action: optionalQuery(z.string().max(60)),
  actor: optionalQuery(z.string().max(100)),
  target: optionalQuery(z.string().max(60)),
  from: optionalQuery(z.string().max(10)),
  to: optionalQuery(z.string().max(10)),
  page: pageParam,
});

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  await requireAdmin();
  const query = querySchema.parse(await searchParams);
  const db = getDb();
  const from = parseLagosDay(query.from);
  const to = parseLagosDay(query.to);
  const actions = await listAuditActions(db);
  const prefixes = [...new Set(actions.map((a) => `${a.split('.')[0]}.`))];
  const list = await listAudit(
    db,
    {
      action: query.action,
      actor: query.actor,
      target: query.target,
      from: from ?? undefined,
      to: to === null ? undefined : to + DAY_MS,
    },
    query.page,
  );
  return (
    <Card title="Audit log">
      <FilterForm
        label="Filter the audit log"
        resetHref="/admin/audit"
        fields={[
          {
            kind: 'select',
            name: 'action',
            label: 'Action',
            value: query.action,
            options: [
              ...prefixes.map((p) => ({ value: p, label: `${p}* (all)` })),
              ...actions.map((a) => ({ value: a, label: a })),
            ],
          },
          {
            kind: 'text',
            name: 'actor',
            label: 'Who',
            value: query.actor,
            placeholder: 'email or system',
          },
          { kind: 'text', name: 'target', label: 'Target id', value: query.target },
          { kind: 'date', name: 'from', label: 'From (Lagos)', value: query.from },
          { kind: 'date', name: 'to', label: 'To (Lagos)', value: query.to },
        ]}
      />
      {list.rows.length === 0 ? <p className="text-slate-600">Nothing matches.</p> : null}
      <ol className="divide-y divide-slate-100">
        {list.rows.map((r) => (
          <li key={r.id} className="grid gap-1 py-2 text-sm sm:grid-cols-[11rem_12rem_1fr]">
            <span className="whitespace-nowrap text-slate-600">{formatDateTime(r.at)}</span>
            <span>
              <span className="block font-medium">{r.actorLabel}</span>
              <span className="block text-xs text-slate-500">IP {r.ip ?? '—'}</span>
            </span>
            <span>
              <span className="font-mono font-semibold">{r.action}</span>
              {r.targetType ? (
                <span className="text-slate-600">
                  {' '}
                  · {r.targetType} {r.targetId ?? ''}
                </span>
              ) : null}
              {r.detail && Object.keys(r.detail).length ? (
                <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">
                  {JSON.stringify(r.detail)}
                </pre>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
      <Pagination
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
        basePath="/admin/audit"
        params={{
          action: query.action,
          actor: query.actor,
          target: query.target,
          from: query.from,
          to: query.to,
        }}
      />
    </Card>
  );
}
