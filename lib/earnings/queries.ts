import { and, between, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { agentDailyEarnings } from '@/db/schema';
import type { Currency } from '@/lib/money';
import { lagosDateOfDayNumber, lagosDayNumber, startOfLagosMonth } from '@/lib/time/lagos';

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

const e = agentDailyEarnings;
const monthRows = prepared((db) =>
  db
    .select({
      currency: e.currency,
      network: e.network,
      type: e.type,
      day: e.day,
      count: e.salesCount,
      valueMinor: e.amountMinor,
      commissionMinor: e.commissionMinor,
    })
    .from(e)
    .where(
      and(
        eq(e.agentId, sql.placeholder('agentId')),
        between(e.day, sql.placeholder('firstDay'), sql.placeholder('lastDay')),
      ),
    ),
);

/**
 * The agent's own successful sales today and this month (Lagos time), per currency: count, face
 * value sold and commission earned, by network and by product type, and a day-by-day series.
 * Only SUCCESS counts: a pending sale has earned nothing yet and a failed one never will.
 */
export async function getEarnings(
  db: Db,
  agentId: number,
  currencies: readonly Currency[] = [],
  now = Date.now(),
): Promise<CurrencyEarnings[]> {
  const today = lagosDayNumber(now);
  const firstDay = lagosDayNumber(startOfLagosMonth(now));
  // A day whose only sales were reversed keeps a row of zeros: it counts for nothing.
  const rows = (await monthRows(db).all({ agentId, firstDay, lastDay: today })).filter(
    (r) => r.count > 0,
  );

  const wanted = [...new Set<Currency>([...currencies, ...rows.map((r) => r.currency)])];
  return wanted.map((currency) => {
    const result: CurrencyEarnings = {
      currency,
      today: zero(),
      month: zero(),
      byNetwork: [],
      byType: [],
      daily: [],
    };
    const networks = new Map<string, Breakdown>();
    const types = new Map<string, Breakdown>();
    const perDay = new Map<number, Totals>();
    for (const r of rows.filter((row) => row.currency === currency)) {
      const totals = {
        count: Number(r.count),
        valueMinor: Number(r.valueMinor),
        commissionMinor: Number(r.commissionMinor),
      };
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
    const byValue = (a: Breakdown, b: Breakdown) =>
      b.month.valueMinor - a.month.valueMinor || a.key.localeCompare(b.key);
    result.byNetwork = [...networks.values()].sort(byValue);
    result.byType = [...types.values()].sort(byValue);
    for (let day = firstDay; day <= today; day += 1) {
      result.daily.push({ day: lagosDateOfDayNumber(day), ...(perDay.get(day) ?? zero()) });
    }
    return result;
  });
}
