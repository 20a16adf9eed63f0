import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { HealthConfigForm, ResumeProviderForm } from '@/app/(admin)/admin/providers/provider-forms';
import { Card } from '@/components/ui/card';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { getHealthConfig } from '@/lib/health/config';
import { providerHealth } from '@/lib/health/stats';
import { PROVIDER_CURRENCY } from '@/lib/ledger/accounts';
import { formatMoney } from '@/lib/money';
import { PROVIDER_LABELS } from '@/lib/provider-settings/fields';
import { isLowBalance, listProviderSettings } from '@/lib/provider-settings/queries';
import type { ProviderId } from '@/lib/providers/registry';

export const metadata: Metadata = { title: 'Providers' };
export const dynamic = 'force-dynamic';

const ms = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('en-US')} ms`);

export default async function ProvidersPage() {
  await requireAdmin();
  const db = getDb();
  const providers = await listProviderSettings(db);
  const health = await providerHealth(db);
  const config = await getHealthConfig(db);
  return (
    <div className="space-y-4">
      <Card
        title="Providers"
        actions={
          <Link href="/admin/providers/routing" className="text-sm text-accent-700 underline">
            Routing order
          </Link>
        }
      >
        <ul className="grid gap-3 sm:grid-cols-2">
          {providers.map((p) => {
            const currency = PROVIDER_CURRENCY[p.id] ?? 'NGN';
            const low = isLowBalance(p);
            return (
              <li key={p.id} className="rounded-lg border border-slate-200 p-3">
                <div className="flex items-center justify-between gap-2">
                  <Link
                    href={`/admin/providers/${p.id}`}
                    className="text-lg font-semibold text-accent-700 underline"
                  >
                    {PROVIDER_LABELS[p.id as ProviderId] ?? p.id}
                  </Link>
                  <span className="text-sm font-medium">
                    {!p.enabled ? '○ Disabled' : p.pausedAt !== null ? '⏸ Paused' : '● Active'}
                  </span>
                </div>
                <p className={`text-sm ${low ? 'font-semibold text-red-800' : 'text-slate-700'}`}>
                  {low ? '! Low float: ' : 'Float: '}
                  {p.lastBalanceMinor === null
                    ? 'not read yet'
                    : `${formatMoney(p.lastBalanceMinor, currency)} at ${formatDateTime(p.lastBalanceAt ?? 0)}`}
                </p>
                {p.pausedAt !== null ? (
                  <div className="mt-2 space-y-2">
                    <p className="text-sm text-red-800">
                      Paused {formatDateTime(p.pausedAt)}: {p.pausedReason}
                    </p>
                    <ResumeProviderForm id={p.id} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </Card>

      <Card title="Health, last hour">
        {health.length === 0 ? (
          <p className="text-slate-600">No provider answered a sale in the last hour.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Provider health over the last hour</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th className="py-2 pr-3 font-medium">Provider</th>
                  <th className="py-2 pr-3 text-right font-medium">Success</th>
                  <th className="py-2 pr-3 text-right font-medium">
                    Sales (ok / failed / pending)
                  </th>
                  <th className="py-2 pr-3 text-right font-medium">Median</th>
                  <th className="py-2 text-right font-medium">p95</th>
                </tr>
              </thead>
              <tbody>
                {health.map((h) => {
                  const bad =
                    h.successRate !== null && h.successRate * 100 < config.thresholdPercent;
                  return (
                    <tr key={h.provider} className="border-b border-slate-100">
                      <td className="py-2 pr-3 font-medium">{h.provider}</td>
                      <td
                        className={`py-2 pr-3 text-right ${bad ? 'font-semibold text-red-800' : ''}`}
                      >
                        {h.successRate === null
                          ? '—'
                          : `${bad ? '! ' : ''}${Math.round(h.successRate * 100)}%`}
                      </td>
                      <td className="py-2 pr-3 text-right">
                        {h.answered} ({h.succeeded} / {h.failed} / {h.pending})
                      </td>
                      <td className="py-2 pr-3 text-right">{ms(h.medianMs)}</td>
                      <td className="py-2 text-right">{ms(h.p95Ms)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-2 text-xs text-slate-500">
          Success is counted over attempts that got an answer; latency is the provider call&apos;s
          total HTTP time.
        </p>
      </Card>

      <Card title="Auto-pause rule" className="max-w-xl">
        <HealthConfigForm
          enabled={config.enabled}
          thresholdPercent={config.thresholdPercent}
          minSales={config.minSales}
        />
      </Card>
    </div>
  );
}
