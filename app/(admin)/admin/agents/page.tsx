import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { getDb } from '@/db';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requireAdmin } from '@/lib/auth/session';
import { formatMoney, minorToDecimal2 } from '@/lib/money';
import { listAgents } from '@/lib/users/queries';

export const metadata: Metadata = { title: 'Agents' };

const querySchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  status: z.enum(['active', 'disabled']).optional().catch(undefined),
});

export default async function AgentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  await requireAdmin();
  const query = querySchema.parse(await searchParams);
  const agents = (await listAgents(getDb(), query.q)).filter(
    (a) => !query.status || a.status === query.status,
  );
  return (
    <Card
      title="Agents"
      actions={
        <Link href="/admin/agents/new" className={buttonClass('primary')}>
          New agent
        </Link>
      }
    >
      <form
        method="get"
        className="mb-4 flex flex-wrap items-end gap-2"
        role="search"
        aria-label="Find agents"
      >
        <label className="text-sm font-medium text-slate-700">
          Name or email
          <input
            name="q"
            defaultValue={query.q}
            className="mt-1 block min-h-11 rounded-lg border border-slate-300 px-3"
          />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Status
          <select
            name="status"
            defaultValue={query.status ?? ''}
            className="mt-1 block min-h-11 rounded-lg border border-slate-300 px-3"
          >
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="disabled">Disabled</option>
          </select>
        </label>
        <button className={buttonClass('secondary')}>Search</button>
      </form>
      {agents.length === 0 ? (
        <p className="text-slate-600">No agents match.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Agents</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th className="py-2 pr-3 font-medium">Agent</th>
                <th className="py-2 pr-3 font-medium">Status</th>
                <th className="py-2 pr-3 text-right font-medium">NGN wallet</th>
                <th className="hidden py-2 pr-3 text-right font-medium sm:table-cell">
                  INR wallet
                </th>
                <th className="hidden py-2 text-right font-medium md:table-cell">
                  Limits (sale / day)
                </th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <tr key={a.id} className="border-b border-slate-100">
                  <td className="py-2 pr-3">
                    <Link
                      href={`/admin/agents/${a.id}`}
                      className="font-medium text-accent-700 underline"
                    >
                      {a.name}
                    </Link>
                    <span className="block text-xs text-slate-500">{a.email}</span>
                  </td>
                  <td className="py-2 pr-3">{a.status === 'active' ? '● Active' : '○ Disabled'}</td>
                  <td className="py-2 pr-3 text-right">
                    {a.ngn === null ? '—' : formatMoney(a.ngn, 'NGN')}
                  </td>
                  <td className="hidden py-2 pr-3 text-right sm:table-cell">
                    {a.inr === null ? '—' : formatMoney(a.inr, 'INR')}
                  </td>
                  <td className="hidden py-2 text-right md:table-cell">
                    {a.maxSaleMinor ? minorToDecimal2(a.maxSaleMinor) : 'none'} /{' '}
                    {a.dailyLimitMinor ? minorToDecimal2(a.dailyLimitMinor) : 'none'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
