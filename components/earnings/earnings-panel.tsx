import { Card } from '@/components/ui/card';
import { billerLabel } from '@/lib/bills/billers';
import { PRODUCT_TYPE_LABEL } from '@/lib/catalogue/labels';
import type { Breakdown, CurrencyEarnings, Totals } from '@/lib/earnings/queries';
import { formatMoney, type Currency } from '@/lib/money';
import { DailyChart } from './daily-chart';

const TYPE_LABEL: Record<string, string> = PRODUCT_TYPE_LABEL;

function Figure({
  label,
  totals,
  currency,
  testId,
}: {
  label: string;
  totals: Totals;
  currency: Currency;
  testId: string;
}) {
  return (
    <div className="rounded-lg bg-slate-50 p-3" data-testid={testId}>
      <p className="text-sm font-medium text-slate-600">{label}</p>
      <p className="text-2xl font-bold">{formatMoney(totals.commissionMinor, currency)}</p>
      <p className="text-sm text-slate-700">
        commission · {totals.count} {totals.count === 1 ? 'sale' : 'sales'} worth{' '}
        {formatMoney(totals.valueMinor, currency)}
      </p>
    </div>
  );
}

function BreakdownTable({
  caption,
  rows,
  currency,
  label,
}: {
  caption: string;
  rows: Breakdown[];
  currency: Currency;
  label: (key: string) => string;
}) {
  if (rows.length === 0) return null;
  return (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="text-left text-slate-600">
          <th scope="col" className="py-1 font-medium">
            &nbsp;
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Today
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            This month
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" className="py-1 text-left font-medium">
              {label(r.key)}
            </th>
            <td className="py-1 text-right">
              {r.today.count} · {formatMoney(r.today.valueMinor, currency)}
              <br />
              <span className="text-xs text-slate-600">
                earned {formatMoney(r.today.commissionMinor, currency)}
              </span>
            </td>
            <td className="py-1 text-right">
              {r.month.count} · {formatMoney(r.month.valueMinor, currency)}
              <br />
              <span className="text-xs text-slate-600">
                earned {formatMoney(r.month.commissionMinor, currency)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The agent's earnings per currency: today and this month (Lagos), by network and product, with a chart. */
export function EarningsPanel({ earnings }: { earnings: CurrencyEarnings[] }) {
  if (earnings.length === 0) return null;
  // A wallet currency with no sale this month gets one line, not an empty chart.
  const active = earnings.filter((e) => e.month.count > 0);
  const idle = earnings.filter((e) => e.month.count === 0);
  return (
    <>
      {idle.length > 0 ? (
        <Card title={active.length ? undefined : 'Earnings'}>
          {idle.map((e) => (
            <p
              key={e.currency}
              className="text-sm text-slate-700"
              data-testid={`earnings-month-${e.currency}`}
            >
              No successful {e.currency} sales this month yet: your commission shows here after the
              first one.
            </p>
          ))}
        </Card>
      ) : null}
      {active.map((e) => (
        <Card
          key={e.currency}
          title={earnings.length > 1 ? `Earnings (${e.currency})` : 'Earnings'}
          className="space-y-3"
        >
          <div className="grid gap-3 sm:grid-cols-2">
            <Figure
              label="Today"
              totals={e.today}
              currency={e.currency}
              testId={`earnings-today-${e.currency}`}
            />
            <Figure
              label="This month"
              totals={e.month}
              currency={e.currency}
              testId={`earnings-month-${e.currency}`}
            />
          </div>
          <DailyChart days={e.daily} currency={e.currency} />
          <div className="grid gap-4 sm:grid-cols-2">
            <BreakdownTable
              caption="By network or company"
              rows={e.byNetwork}
              currency={e.currency}
              label={billerLabel}
            />
            <BreakdownTable
              caption="By product"
              rows={e.byType}
              currency={e.currency}
              label={(k) => TYPE_LABEL[k] ?? k}
            />
          </div>
          <p className="text-xs text-slate-500">
            Successful sales only, in Lagos time. Pending sales count once they succeed.
          </p>
        </Card>
      ))}
    </>
  );
}
