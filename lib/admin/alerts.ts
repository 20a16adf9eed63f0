import type { Db } from '@/db';
import { countPendingFundingRequests } from '@/lib/funding-requests/queries';
import { listStoredAlerts } from '@/lib/health/alerts';
import { isLowBalance, listProviderSettings } from '@/lib/provider-settings/queries';
import { PROVIDER_CURRENCY } from '@/lib/ledger/accounts';
import { formatMoney } from '@/lib/money';
import { countOpenLateDeliveries } from '@/lib/purchases/late-delivery';

export interface AdminAlert {
  tone: 'error' | 'warning' | 'info';
  message: string;
  href: string;
  at?: number;
}

/** What needs an admin now: paused providers, low floats, funding requests waiting, and recent monitor alerts. */
export function listAdminAlerts(db: Db, now = Date.now()): AdminAlert[] {
  const alerts: AdminAlert[] = [];
  for (const p of listProviderSettings(db)) {
    if (p.pausedAt !== null) alerts.push({ tone: 'error', message: `${p.id} is paused: ${p.pausedReason ?? 'no reason recorded'}`, href: `/admin/providers/${p.id}`, at: p.pausedAt });
    if (isLowBalance(p)) {
      const currency = PROVIDER_CURRENCY[p.id] ?? 'NGN';
      alerts.push({ tone: 'warning', message: `${p.id} float is low: ${formatMoney(p.lastBalanceMinor!, currency)} (alert below ${formatMoney(p.lowBalanceMinor, currency)})`, href: `/admin/providers/${p.id}`, at: p.lastBalanceAt ?? undefined });
    }
  }
  // A delivery nobody paid for stays on this list until an admin recovers it or writes it off.
  for (const late of countOpenLateDeliveries(db)) {
    const what = late.kind === 'delivered_twice' ? 'delivered twice' : 'delivered after the agent was refunded';
    alerts.push({ tone: 'error', message: `${late.n} sale${late.n === 1 ? '' : 's'} ${what}: recover or write off`, href: '/admin/review', at: late.since });
  }
  const pending = countPendingFundingRequests(db);
  if (pending > 0) alerts.push({ tone: 'info', message: `${pending} funding request${pending === 1 ? '' : 's'} waiting for a decision`, href: '/admin/funding?status=pending' });
  for (const a of listStoredAlerts(db, now - 24 * 3_600_000)) {
    if (a.kind === 'auto_pause') alerts.push({ tone: 'warning', message: a.message, href: a.provider ? `/admin/providers/${a.provider}` : '/admin/providers', at: a.at });
  }
  return alerts;
}
