import type { Db } from '@/db';
import type { BackupStatus } from '@/lib/backup/status';
import { countPendingFundingRequests } from '@/lib/funding-requests/queries';
import { formatDateTime } from '@/lib/format';
import { listStoredAlerts } from '@/lib/health/alerts';
import { isLowBalance, listProviderSettings } from '@/lib/provider-settings/queries';
import { PROVIDER_CURRENCY } from '@/lib/ledger/accounts';
import { formatMoney } from '@/lib/money';
import { countOpenLateDeliveries } from '@/lib/purchases/late-delivery';
import { HOUR_MS } from '@/lib/time/units';

export interface AdminAlert {
  tone: 'error' | 'warning' | 'info';
  message: string;
  href: string;
  at?: number;
}

/** The database backup is late (or was never made): restoring would lose more than one interval of sales. */
export function backupAlert(status: BackupStatus): AdminAlert | null {
  if (!status.late) return null;
  const hours = Math.round((status.lateAfterMs / HOUR_MS) * 10) / 10;
  const message = status.last
    ? `The last database backup is from ${formatDateTime(status.last.at)}, older than ${hours} h: check the portal's log and the backup folder`
    : "No database backup has been made yet: check the portal's log and the backup folder";
  return { tone: 'error', message, href: '/admin#backups', at: status.last?.at };
}

/**
 * What needs an admin now: a late backup, paused providers, low floats, funding requests waiting, and
 * recent monitor alerts.
 */
export async function listAdminAlerts(
  db: Db,
  { now = Date.now(), backup }: { now?: number; backup?: BackupStatus } = {},
): Promise<AdminAlert[]> {
  const alerts: AdminAlert[] = [];
  const late = backup ? backupAlert(backup) : null;
  if (late) alerts.push(late);
  for (const p of await listProviderSettings(db)) {
    if (p.pausedAt !== null)
      alerts.push({
        tone: 'error',
        message: `${p.id} is paused: ${p.pausedReason ?? 'no reason recorded'}`,
        href: `/admin/providers/${p.id}`,
        at: p.pausedAt,
      });
    if (isLowBalance(p)) {
      const currency = PROVIDER_CURRENCY[p.id] ?? 'NGN';
      alerts.push({
        tone: 'warning',
        message: `${p.id} float is low: ${formatMoney(p.lastBalanceMinor!, currency)} (alert below ${formatMoney(p.lowBalanceMinor, currency)})`,
        href: `/admin/providers/${p.id}`,
        at: p.lastBalanceAt ?? undefined,
      });
    }
  }
  // A delivery nobody paid for stays on this list until an admin recovers it or writes it off.
  for (const late of await countOpenLateDeliveries(db)) {
    const what =
      late.kind === 'delivered_twice'
        ? 'delivered twice'
        : 'delivered after the agent was refunded';
    alerts.push({
      tone: 'error',
      message: `${late.n} sale${late.n === 1 ? '' : 's'} ${what}: recover or write off`,
      href: '/admin/review',
      at: late.since,
    });
  }
  const pending = await countPendingFundingRequests(db);
  if (pending > 0)
    alerts.push({
      tone: 'info',
      message: `${pending} funding request${pending === 1 ? '' : 's'} waiting for a decision`,
      href: '/admin/funding?status=pending',
    });
  for (const a of await listStoredAlerts(db, now - 24 * HOUR_MS)) {
    if (a.kind === 'auto_pause')
      alerts.push({
        tone: 'warning',
        message: a.message,
        href: a.provider ? `/admin/providers/${a.provider}` : '/admin/providers',
        at: a.at,
      });
  }
  return alerts;
}
