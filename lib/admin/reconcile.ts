import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/transaction';
import { listBalanceSnapshots, type BalanceSnapshot } from '@/lib/provider-settings/snapshots';
import { lagosDate, lagosDateSql, startOfLagosDay } from '@/lib/time/lagos';
import { DAY_MS } from '@/lib/time/units';
import { rows } from '@/db/query';

export interface SettledDay {
  provider: string;
  day: string;
  settledMinor: number;
  reversedMinor: number;
  /** settled − reversed: what we believe the provider spent from its float for our sales. */
  netMinor: number;
}

/**
 * Our side, per provider and Lagos day: 'settle_cost' entries credited to the provider's float
 * account minus 'reversal' entries debited from it.
 */
export async function settledByProviderDay(
  tx: Tx,
  from: number,
  to: number,
): Promise<SettledDay[]> {
  const days = await rows<{ provider: string; day: string; settled: number; reversed: number }>(
    tx,
    sql`
    select a.provider as provider,
      ${sql.raw(lagosDateSql('e.created_at', tx.engine))} as day,
      sum(case when e.kind = 'settle_cost' and e.credit_account_id = a.id then e.amount else 0 end) as settled,
      sum(case when e.kind = 'reversal' and e.debit_account_id = a.id then e.amount else 0 end) as reversed
    from ledger_entries e
    join accounts a on a.kind = 'provider_float' and (a.id = e.credit_account_id or a.id = e.debit_account_id)
    where e.created_at >= ${from} and e.created_at < ${to} and e.kind in ('settle_cost', 'reversal')
    group by a.provider, day
    order by day desc, a.provider`,
  );
  return days.map((r) => ({
    provider: r.provider,
    day: r.day,
    settledMinor: r.settled,
    reversedMinor: r.reversed,
    netMinor: r.settled - r.reversed,
  }));
}

export interface FloatDay {
  provider: string;
  day: string;
  /** How much the provider's reported balance fell: opening reading − closing reading. */
  spentMinor: number;
  readings: number;
  firstAt: number;
  lastAt: number;
}

/**
 * The provider's side, measured only where we have readings: the drop between the last reading
 * before (or the first reading of) the day and the last reading of the day. A top-up between two
 * readings shows up as a mismatch; that is the honest answer from balance snapshots alone.
 */
export function floatMovementByDay(snapshots: BalanceSnapshot[], provider: string): FloatDay[] {
  const days = new Map<string, BalanceSnapshot[]>();
  for (const s of snapshots) days.set(lagosDate(s.at), [...(days.get(lagosDate(s.at)) ?? []), s]);
  const out: FloatDay[] = [];
  for (const [day, inDay] of days) {
    const start = startOfLagosDay(inDay[0]!.at);
    const before = snapshots.filter((s) => s.at < start).at(-1);
    const opening = before ?? inDay[0]!;
    const closing = inDay.at(-1)!;
    if (opening === closing) continue; // one reading measures nothing
    out.push({
      provider,
      day,
      spentMinor: opening.amountMinor - closing.amountMinor,
      readings: inDay.length + (before ? 1 : 0),
      firstAt: opening.at,
      lastAt: closing.at,
    });
  }
  return out.sort((a, b) => b.day.localeCompare(a.day));
}

export interface ReconcileRow {
  provider: string;
  day: string;
  ours: SettledDay | null;
  theirs: FloatDay | null;
  /** theirs.spent − ours.net when both are measured. */
  differenceMinor: number | null;
  /** 'unmeasured': fewer than two readings for that day, so the provider side is unknown. */
  status: 'match' | 'mismatch' | 'unmeasured';
}

export async function reconcileProviders(
  tx: Tx,
  providers: readonly string[],
  from: number,
  to: number,
): Promise<ReconcileRow[]> {
  const ours = await settledByProviderDay(tx, from, to);
  const rows: ReconcileRow[] = [];
  for (const provider of providers) {
    const theirs = floatMovementByDay(await listBalanceSnapshots(tx, provider), provider).filter(
      (d) => d.lastAt >= from && d.firstAt < to,
    );
    const days = new Set([
      ...ours.filter((o) => o.provider === provider).map((o) => o.day),
      ...theirs.map((t) => t.day),
    ]);
    for (const day of days) {
      const o = ours.find((x) => x.provider === provider && x.day === day) ?? null;
      const t = theirs.find((x) => x.day === day) ?? null;
      const differenceMinor = t ? t.spentMinor - (o?.netMinor ?? 0) : null;
      rows.push({
        provider,
        day,
        ours: o,
        theirs: t,
        differenceMinor,
        status:
          differenceMinor === null ? 'unmeasured' : differenceMinor === 0 ? 'match' : 'mismatch',
      });
    }
  }
  return rows.sort((a, b) => b.day.localeCompare(a.day) || a.provider.localeCompare(b.provider));
}

/** The last `days` Lagos days up to now, every provider. */
export async function reconcileRecentDays(
  tx: Tx,
  providers: readonly string[],
  days: number,
  now = Date.now(),
): Promise<ReconcileRow[]> {
  const from = startOfLagosDay(now) - (days - 1) * DAY_MS;
  return await reconcileProviders(tx, providers, from, now + 1);
}

export interface LateDeliveryTotals {
  currency: string;
  /** The platform's loss on late deliveries it chose not to recover. */
  writtenOffMinor: number;
  /** What agents still owe from recovered late deliveries. */
  agentDebtMinor: number;
}

/** Money moved by late deliveries (delivered after refund, delivered twice), per currency. */
export async function lateDeliveryTotals(tx: Tx): Promise<LateDeliveryTotals[]> {
  return (
    await rows<{ currency: string; writtenOff: number; debt: number }>(
      tx,
      sql`
    select currency,
      -sum(case when kind = 'write_off' then balance else 0 end) as "writtenOff",
      -sum(case when kind = 'agent_receivable' and balance < 0 then balance else 0 end) as debt
    from accounts where kind in ('write_off', 'agent_receivable') group by currency order by currency`,
    )
  ).map((r) => ({ currency: r.currency, writtenOffMinor: r.writtenOff, agentDebtMinor: r.debt }));
}
