import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { purchases } from '@/db/schema';
import type { Currency } from '@/lib/money';
import { lagosDayLabel, lagosDayNumber, LAGOS_OFFSET_MS, DAY_MS, startOfLagosDay, startOfLagosMonth } from './time';

export interface Totals {
  count: number;
  valueMinor: number;
  commissionMinor: number;
}

export interface Breakdown {
  key: string;
  today: Totals;
  month: Totals;
}

export interface CurrencyEarnings {
  currency: Currency;
  today: Totals;
  month: Totals;
  byNetwork: Breakdown[];
  byType: Breakdown[];
  /** One entry per Lagos day of the month so far, zero-filled. */
  daily: { day: string; count: number; valueMinor: number; commissionMinor: number }[];
}

const zero = (): Totals => ({ count: 0, valueMinor: 0, commissionMinor: 0 });
const add = (into: Totals, from: Totals) => {
  into.count += from.count;
  into.valueMinor += from.valueMinor;
  into.commissionMinor += from.commissionMinor;
};

function breakdown(map: Map<string, Breakdown>, key: string, today: Totals, month: Totals) {
  const entry = map.get(key) ?? { key, today: zero(), month: zero() };
  add(entry.today, today);
  add(entry.month, month);
  map.set(key, entry);
}

/**
 * The agent's own successful sales today and this month (Lagos time), per currency: count, face
 * value sold and commission earned, by network and by product type, and a day-by-day series.
 * Only SUCCESS counts: a pending sale has earned nothing yet and a failed one never will.
 */
export function getEarnings(db: Db, agentId: number, currencies: readonly Currency[] = [], now = Date.now()): CurrencyEarnings[] {
  const dayStart = startOfLagosDay(now);
  const monthStart = startOfLagosMonth(now);
  const inMonth = and(
    eq(purchases.agentId, agentId),
    eq(purchases.status, 'SUCCESS'),
    gte(purchases.createdAt, monthStart),
    lt(purchases.createdAt, dayStart + DAY_MS),
  );
  // One scan of the month's sales, grouped finely enough to derive every total below in memory.
  // Constants inlined so SQLite does integer division (a bound JS number may arrive as a REAL).
  const dayExpr = sql<number>`(${purchases.createdAt} + ${sql.raw(String(LAGOS_OFFSET_MS))}) / ${sql.raw(String(DAY_MS))}`;
  const rows = db
    .select({
      currency: purchases.currency,
      network: purchases.network,
      type: purchases.type,
      day: dayExpr,
      count: sql<number>`count(*)`,
      valueMinor: sql<number>`sum(${purchases.faceMinor})`,
      commissionMinor: sql<number>`sum(${purchases.commissionMinor})`,
    })
    .from(purchases)
    .where(inMonth)
    .groupBy(purchases.currency, purchases.network, purchases.type, dayExpr)
    .all();
  const today = lagosDayNumber(dayStart);

  const wanted = [...new Set<Currency>([...currencies, ...rows.map((r) => r.currency)])];
  const firstDay = lagosDayNumber(monthStart);
  const lastDay = lagosDayNumber(now);
  return wanted.map((currency) => {
    const result: CurrencyEarnings = { currency, today: zero(), month: zero(), byNetwork: [], byType: [], daily: [] };
    const networks = new Map<string, Breakdown>();
    const types = new Map<string, Breakdown>();
    const perDay = new Map<number, Totals>();
    for (const r of rows.filter((row) => row.currency === currency)) {
      const totals = { count: Number(r.count), valueMinor: Number(r.valueMinor), commissionMinor: Number(r.commissionMinor) };
      const day = Number(r.day);
      const todays = day === today ? totals : zero();
      add(result.today, todays);
      add(result.month, totals);
      breakdown(networks, r.network, todays, totals);
      breakdown(types, r.type, todays, totals);
      const dayTotals = perDay.get(day) ?? zero();
      add(dayTotals, totals);
      perDay.set(day, dayTotals);
    }
    const byValue = (a: Breakdown, b: Breakdown) => b.month.valueMinor - a.month.valueMinor || a.key.localeCompare(b.key);
    result.byNetwork = [...networks.values()].sort(byValue);
    result.byType = [...types.values()].sort(byValue);
    for (let day = firstDay; day <= lastDay; day += 1) {
      result.daily.push({ day: lagosDayLabel(day), ...(perDay.get(day) ?? zero()) });
    }
    return result;
  });
}
