import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/transaction';
import { HOUR_MS } from '@/lib/time/units';
import { rows } from '@/db/query';

export interface ProviderHealth {
  provider: string;
  /** Attempts in the window that got an answer (in-flight attempts are not judged yet). */
  answered: number;
  succeeded: number;
  failed: number;
  /** Answered, but not definite: timeouts, "processing", not found. */
  pending: number;
  /** null when nothing was answered. */
  successRate: number | null;
  medianMs: number | null;
  p95Ms: number | null;
}

/** Nearest-rank percentile over sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

/**
 * Per provider over [now − window, now]: success rate from purchase_attempts (by when the attempt
 * was made), latency from the 'provider_answer' events' HTTP exchanges (the sum of one call's round trips).
 */
export async function providerHealth(
  tx: Tx,
  now = Date.now(),
  windowMs = HOUR_MS,
): Promise<ProviderHealth[]> {
  const since = now - windowMs;
  const counts = await rows<{
    provider: string;
    answered: number;
    succeeded: number;
    failed: number;
  }>(
    tx,
    sql`
    select provider,
      count(*) as answered,
      sum(case when status = 'SUCCESS' then 1 else 0 end) as succeeded,
      sum(case when status in ('FAILED', 'REVERSED') then 1 else 0 end) as failed
    from purchase_attempts
    where created_at >= ${since} and created_at <= ${now} and provider_code is not null
    group by provider`,
  );
  const latencies = await rows<{ provider: string; ms: number }>(
    tx,
    sql`
    select json_extract(e.detail, '$.provider') as provider,
      (select sum(json_extract(x.value, '$.durationMs')) from json_each(e.detail, '$.exchanges') x) as ms
    from purchase_events e
    where e.kind = 'provider_answer' and e.at >= ${since} and e.at <= ${now}`,
  );
  const byProvider = new Map<string, number[]>();
  for (const row of latencies) {
    if (row.provider === null || row.ms === null) continue;
    const list = byProvider.get(row.provider) ?? [];
    list.push(Number(row.ms));
    byProvider.set(row.provider, list);
  }
  const providers = new Set([...counts.map((c) => c.provider), ...byProvider.keys()]);
  return [...providers].sort().map((provider) => {
    const c = counts.find((row) => row.provider === provider);
    const answered = c?.answered ?? 0;
    const succeeded = c?.succeeded ?? 0;
    const failed = c?.failed ?? 0;
    const sorted = (byProvider.get(provider) ?? []).sort((a, b) => a - b);
    return {
      provider,
      answered,
      succeeded,
      failed,
      pending: answered - succeeded - failed,
      successRate: answered > 0 ? succeeded / answered : null,
      medianMs: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
    };
  });
}
