import type { Metadata } from 'next';
import { serviceLabel } from '@/lib/catalogue/labels';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import {
  AgentStatusForm,
  CommissionForm,
  EndSessionsForm,
  LimitsForm,
  ResetPasswordForm,
} from '@/app/(admin)/admin/agents/agent-forms';
import { FundWalletForm } from '@/app/(admin)/admin/funding/funding-forms';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { listAgentCommission } from '@/lib/admin/agents';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { listFundingRequests } from '@/lib/funding-requests/queries';
import { formatMoney, minorToDecimal2 } from '@/lib/money';
import { listWallets } from '@/lib/ledger/accounts';
import { getUser } from '@/lib/users/queries';

export const metadata: Metadata = { title: 'Agent' };

const pct = (bps: number) => (bps / 100).toFixed(2);

export default async function AgentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  await requireAdmin();
  const { id } = await params;
  const { created } = await searchParams;
  const agentId = Number(id);
  const db = getDb();
  const agent = Number.isSafeInteger(agentId) ? await getUser(db, agentId) : undefined;
  if (!agent || agent.role !== 'agent') notFound();
  const wallets = await listWallets(db, agent.id);
  const commission = await listAgentCommission(db, agent.id);
  const requests = await listFundingRequests(db, { agentId: agent.id }, 1, 5);
  return (
    <div className="space-y-4">
      {created ? (
        <Notice tone="success">
          Agent created. They can sign in with the email and password you set.
        </Notice>
      ) : null}
      <Card
        title={agent.name}
        actions={
          <Link href="/admin/agents" className="text-sm text-accent-700 underline">
            All agents
          </Link>
        }
      >
        <dl className="grid gap-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">Email</dt>
            <dd className="font-medium">{agent.email}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Status</dt>
            <dd className="font-medium" data-testid="agent-status">
              {agent.status === 'active' ? '● Active' : '○ Disabled'}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Created</dt>
            <dd>{formatDateTime(agent.createdAt)}</dd>
          </div>
          {wallets.map((w) => (
            <div key={w.id}>
              <dt className="text-slate-600">{w.currency} wallet</dt>
              <dd className="font-medium" data-testid={`agent-balance-${w.currency}`}>
                {formatMoney(w.balance, w.currency)}
                {w.reserved ? ` (reserved ${formatMoney(w.reserved, w.currency)})` : ''}
              </dd>
            </div>
          ))}
        </dl>
        <div className="mt-4 flex flex-wrap gap-3">
          <AgentStatusForm agentId={agent.id} status={agent.status} />
          <EndSessionsForm agentId={agent.id} />
        </div>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Credit or debit wallet">
          <FundWalletForm agents={[]} agentId={agent.id} />
        </Card>
        <div className="space-y-4">
          <Card title="Sales limits">
            <LimitsForm
              agentId={agent.id}
              maxSale={agent.maxSaleMinor ? minorToDecimal2(agent.maxSaleMinor) : ''}
              dailyLimit={agent.dailyLimitMinor ? minorToDecimal2(agent.dailyLimitMinor) : ''}
            />
          </Card>
          <Card title="Password and sessions">
            <ResetPasswordForm agentId={agent.id} />
          </Card>
        </div>
      </div>

      <Card title="Commission">
        <p className="mb-3 text-sm text-slate-600">
          The agent&apos;s own rate replaces the default for that network and product type. Leave
          empty to use the default.
        </p>
        {commission.length === 0 ? (
          <p className="text-slate-600">No default rates are set.</p>
        ) : null}
        <ul className="divide-y divide-slate-100">
          {commission.map((c) => (
            <li
              key={`${c.currency}-${c.network}-${c.type}`}
              className="flex flex-wrap items-center justify-between gap-2 py-2"
            >
              <span className="text-sm">
                <strong>
                  {c.currency} · {serviceLabel(c.network, c.type)}
                </strong>
                <span className="block text-slate-600">
                  Default {pct(c.defaultBps)}%
                  {c.agentBps !== null ? ` · this agent ${pct(c.agentBps)}%` : ''}
                </span>
              </span>
              <CommissionForm
                agentId={agent.id}
                currency={c.currency}
                network={c.network}
                type={c.type}
                rate={c.agentBps === null ? '' : pct(c.agentBps)}
                defaultRate={pct(c.defaultBps)}
              />
            </li>
          ))}
        </ul>
      </Card>

      <Card
        title="Recent funding requests"
        actions={
          <Link href="/admin/funding?status=all" className="text-sm text-accent-700 underline">
            All requests
          </Link>
        }
      >
        {requests.rows.length === 0 ? <p className="text-slate-600">None.</p> : null}
        <ul className="text-sm">
          {requests.rows.map((r) => (
            <li key={r.id} className="py-1">
              #{r.id} · {formatMoney(r.amount, r.currency)} · {r.bankReference} · {r.status} ·{' '}
              {formatDateTime(r.createdAt)}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
