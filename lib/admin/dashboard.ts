import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/transaction';
import type { Currency } from '@/lib/money';
import { lagosHourSql, startOfLagosDay, startOfLagosHour } from '@/lib/time/lagos';
import { HOUR_MS } from '@/lib/time/units';
import { rows } from '@/db/query';

export interface TodayStats {
  currency: Currency;
  sales: number;
  succeeded: number;
  failed: number;
  pending: number;
  valueMinor: number;
  /** null when nothing reached a final status today. */
  successRate: number | null;
  commissionMinor: number;
}

/** Today (Lagos) per currency: sales count, value of successful sales, outcome split, commission earned. */
export async function todayStats(tx: Tx, now = Date.now()): Promise<TodayStats[]> {
  const since = startOfLagosDay(now);
  const sales = await rows<{
    currency: Currency;
    sales: number;
    succeeded: number;
    failed: number;
    pending: number;
    value: number;
  }>(
    tx,
    sql`
    select currency, count(*) as sales,
      sum(case when status = 'SUCCESS' then 1 else 0 end) as succeeded,
      sum(case when status in ('FAILED', 'REVERSED') then 1 else 0 end) as failed,
      sum(case when status in ('PENDING', 'UNKNOWN', 'MANUAL_REVIEW') then 1 else 0 end) as pending,
      sum(case when status = 'SUCCESS' then face_minor else 0 end) as value
    from purchases where created_at >= ${since} group by currency`,
  );
  // Commission income: margins credited to the commission account, less margins taken back out of it.
  const commission = await rows<{ currency: Currency; net: number }>(
    tx,
    sql`
    select a.currency as currency,
      sum(case when e.credit_account_id = a.id then e.amount else -e.amount end) as net
    from ledger_entries e join accounts a on a.kind = 'commission_income' and (a.id = e.credit_account_id or a.id = e.debit_account_id)
    where e.created_at >= ${since} and e.kind in ('settle_margin', 'reversal')
    group by a.currency`,
  );
  const currencies = new Set<Currency>([
    'NGN',
    ...sales.map((s) => s.currency),
    ...commission.map((c) => c.currency),
  ]);
  return [...currencies].map((currency) => {
    const s = sales.find((x) => x.currency === currency);
    const decided = (s?.succeeded ?? 0) + (s?.failed ?? 0);
    return {
      currency,
      sales: s?.sales ?? 0,
      succeeded: s?.succeeded ?? 0,
      failed: s?.failed ?? 0,
      pending: s?.pending ?? 0,
      valueMinor: s?.value ?? 0,
      successRate: decided > 0 ? (s?.succeeded ?? 0) / decided : null,
      commissionMinor: commission.find((c) => c.currency === currency)?.net ?? 0,
    };
  });
}

export interface SeriesPoint {
  bucket: number;
  count: number;
}

/** Sales per provider per hour over the last `hours`, zero-filled so every line has every hour. */
export async function salesSeries(
  tx: Tx,
  hours = 24,
  now = Date.now(),
): Promise<{ buckets: number[]; series: Record<string, SeriesPoint[]> }> {
  const end = startOfLagosHour(now);
  const start = end - (hours - 1) * HOUR_MS;
  const counts = await rows<{ provider: string; bucket: number; n: number }>(
    tx,
    sql`
    select provider, ${sql.raw(lagosHourSql('created_at'))} as bucket, count(*) as n
    from purchases where created_at >= ${start} group by provider, bucket`,
  );
  const buckets = Array.from({ length: hours }, (_, i) => start + i * HOUR_MS);
  const series: Record<string, SeriesPoint[]> = {};
  for (const provider of new Set(counts.map((r) => r.provider))) {
    series[provider] = buckets.map((bucket) => ({
      bucket,
      count: counts.find((r) => r.provider === provider && r.bucket === bucket)?.n ?? 0,
    }));
  }
  return { buckets, series };
}
