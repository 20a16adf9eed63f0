import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { SalesChart } from '@/components/admin/sales-chart';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { listAdminAlerts } from '@/lib/admin/alerts';
import { salesSeries, todayStats } from '@/lib/admin/dashboard';
import { backupConfig } from '@/lib/backup/config';
import { backupStatus } from '@/lib/backup/status';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';

export const metadata: Metadata = { title: 'Admin' };
export const dynamic = 'force-dynamic';

export default async function AdminDashboardPage() {
  await requireAdmin();
  const db = getDb();
  const stats = await todayStats(db);
  const chart = await salesSeries(db, 24);
  const backups = backupConfig();
  const backup = backupStatus(backups.dir, backups.intervalMs);
  const alerts = await listAdminAlerts(db, { backup });
  return (
    <div className="space-y-4">
      <section aria-label="Alerts" className="space-y-2">
        {alerts.length === 0 ? (
          <Notice tone="success">
            No alerts: every provider is running and nothing is waiting for you.
          </Notice>
        ) : null}
        {alerts.map((a, i) => (
          <Notice key={i} tone={a.tone}>
            <Link href={a.href} className="underline">
              {a.message}
            </Link>
            {a.at ? <span className="text-xs"> · {formatDateTime(a.at)}</span> : null}
          </Notice>
        ))}
      </section>

      {stats.map((s) => (
        <section
          key={s.currency}
          aria-label={`Today in ${s.currency}`}
          className="grid grid-cols-2 gap-3 md:grid-cols-5"
        >
          <Stat
            label={`Sales today (${s.currency})`}
            value={String(s.sales)}
            testId={`stat-sales-${s.currency}`}
          />
          <Stat label="Value sold" value={formatMoney(s.valueMinor, s.currency)} />
          <Stat
            label="Success rate"
            value={s.successRate === null ? '—' : `${Math.round(s.successRate * 100)}%`}
            hint={`${s.succeeded} ok · ${s.failed} failed`}
          />
          <Stat
            label="Pending"
            value={String(s.pending)}
            href={`/admin/transactions?status=PENDING`}
          />
          <Stat label="Commission earned" value={formatMoney(s.commissionMinor, s.currency)} />
        </section>
      ))}

      <Card title="Sales per provider, last 24 hours">
        <SalesChart buckets={chart.buckets} series={chart.series} />
      </Card>

      <section
        id="backups"
        aria-label="Database backup"
        className="rounded-xl border border-slate-200 bg-white p-3 text-sm shadow-sm"
      >
        <p className="text-slate-600">Last database backup</p>
        <p className="font-semibold" data-testid="last-backup" data-late={backup.late}>
          {backup.last
            ? `${formatDateTime(backup.last.at)} · ${formatBytes(backup.last.sizeBytes)}`
            : 'none yet'}
        </p>
        <p className="text-xs text-slate-500">
          Every {formatInterval(backups.intervalMs)}, keeping the newest {backups.keep}, in{' '}
          <span className="break-all font-mono">{backups.dir}</span>
        </p>
      </section>
    </div>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function formatInterval(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${Math.round(ms / 60_000)} min`;
}

function Stat({
  label,
  value,
  hint,
  href,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  href?: string;
  testId?: string;
}) {
  const body = (
    <>
      <p className="text-sm text-slate-600">{label}</p>
      <p className="text-2xl font-bold" data-testid={testId}>
        {value}
      </p>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
    </>
  );
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
      {href ? (
        <Link href={href} className="block">
          {body}
        </Link>
      ) : (
        body
      )}
    </div>
  );
}
