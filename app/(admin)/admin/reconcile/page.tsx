import type { Metadata } from 'next';
import { getDb } from '@/db';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { lateDeliveryTotals, reconcileRecentDays } from '@/lib/admin/reconcile';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { checkInvariants } from '@/lib/ledger/invariants';
import { PROVIDER_CURRENCY } from '@/lib/ledger/accounts';
import { formatMoney } from '@/lib/money';
import { PROVIDER_IDS } from '@/lib/providers/registry';

export const metadata: Metadata = { title: 'Reconcile' };
export const dynamic = 'force-dynamic';

const DAYS = 14;

export default async function ReconcilePage() {
  await requireAdmin();
  const db = getDb();
  const invariants = await checkInvariants(db);
  const broken = invariants.filter((i) => i.violations.length > 0);
  const rows = await reconcileRecentDays(db, PROVIDER_IDS, DAYS);
  const late = await lateDeliveryTotals(db);
  const money = (provider: string, n: number) =>
    formatMoney(n, PROVIDER_CURRENCY[provider] ?? 'NGN');
  return (
    <div className="space-y-4">
      <Card title="Ledger invariants (live)">
        {broken.length === 0 ? (
          <Notice tone="success">All {invariants.length} invariants hold right now.</Notice>
        ) : (
          <Notice tone="error">
            {broken.length} invariant{broken.length === 1 ? '' : 's'} broken. Investigate before
            moving more money.
          </Notice>
        )}
        <ul className="mt-3 divide-y divide-slate-100">
          {invariants.map((i) => (
            <li key={i.id} className="py-2 text-sm" data-testid={`invariant-${i.id}`}>
              <span className="font-semibold">
                {i.violations.length === 0 ? '✓' : '✕'} {i.id}
              </span>{' '}
              {i.title}
              {i.violations.length ? (
                <ul className="mt-1 list-disc pl-6 text-red-800">
                  {i.violations.slice(0, 50).map((v) => (
                    <li key={v}>{v}</li>
                  ))}
                  {i.violations.length > 50 ? <li>… and {i.violations.length - 50} more</li> : null}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>

      <Card title="Late deliveries">
        {late.length === 0 ? (
          <p className="text-sm text-slate-600">
            No delivery after a refund or a second delivery has been written off or recovered.
          </p>
        ) : (
          <ul className="text-sm" data-testid="late-delivery-totals">
            {late.map((t) => (
              <li key={t.currency}>
                {t.currency}: written off{' '}
                {formatMoney(t.writtenOffMinor, t.currency as 'NGN' | 'INR')} (the platform paid the
                provider) · agents still owe{' '}
                {formatMoney(t.agentDebtMinor, t.currency as 'NGN' | 'INR')} (taken from their next
                funding)
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={`Provider floats, last ${DAYS} days (Lagos)`}>
        <p className="mb-3 text-sm text-slate-600">
          <strong>Ours</strong>: costs we settled to the provider&apos;s float account, minus
          reversals. <strong>Theirs</strong>: how much the provider&apos;s own reported balance fell
          between our balance readings (each test connection, and every ten minutes from the health
          monitor once it runs). This is only as good as the readings: a day without two readings is
          unmeasured, a top-up shows as a mismatch, and sales before the first or after the last
          reading of a day are outside the window shown.
        </p>
        {rows.length === 0 ? (
          <p className="text-slate-600">No settlements or readings in this period.</p>
        ) : null}
        {rows.some((r) => r.status === 'mismatch') ? (
          <Notice tone="warning">Mismatches are listed first below.</Notice>
        ) : null}
        {rows.length === 0 ? null : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Provider float reconciliation per day</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th className="py-2 pr-3 font-medium">Day</th>
                  <th className="py-2 pr-3 font-medium">Provider</th>
                  <th className="py-2 pr-3 text-right font-medium">Ours (settled − reversed)</th>
                  <th className="py-2 pr-3 text-right font-medium">Theirs (balance drop)</th>
                  <th className="py-2 pr-3 text-right font-medium">Difference</th>
                  <th className="py-2 font-medium">Result</th>
                </tr>
              </thead>
              <tbody>
                {[...rows]
                  .sort((a, b) => Number(b.status === 'mismatch') - Number(a.status === 'mismatch'))
                  .map((r) => (
                    <tr
                      key={`${r.provider}-${r.day}`}
                      className="border-b border-slate-100"
                      data-testid={`reconcile-${r.provider}-${r.day}`}
                    >
                      <td className="whitespace-nowrap py-2 pr-3">{r.day}</td>
                      <td className="py-2 pr-3">{r.provider}</td>
                      <td className="py-2 pr-3 text-right">
                        {r.ours ? money(r.provider, r.ours.netMinor) : money(r.provider, 0)}
                        {r.ours?.reversedMinor ? (
                          <span className="block text-xs text-slate-500">
                            {money(r.provider, r.ours.settledMinor)} −{' '}
                            {money(r.provider, r.ours.reversedMinor)}
                          </span>
                        ) : null}
                      </td>
                      <td className="py-2 pr-3 text-right">
                        {r.theirs ? money(r.provider, r.theirs.spentMinor) : 'not measured'}
                        {r.theirs ? (
                          <span className="block text-xs text-slate-500">
                            {r.theirs.readings} readings, {formatDateTime(r.theirs.firstAt)} →{' '}
                            {formatDateTime(r.theirs.lastAt)}
                          </span>
                        ) : null}
                      </td>
                      <td className="py-2 pr-3 text-right">
                        {r.differenceMinor === null ? '—' : money(r.provider, r.differenceMinor)}
                      </td>
                      <td className="py-2">
                        {r.status === 'match'
                          ? '✓ Match'
                          : r.status === 'mismatch'
                            ? '✕ Mismatch'
                            : '? Unmeasured'}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
