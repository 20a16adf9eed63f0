import type { BatchView } from '@/lib/bulk/queries';
import { formatMoney, type Currency } from '@/lib/money';

const TONE: Record<string, string> = {
  sold: 'text-green-800',
  pending: 'text-amber-800',
  'under review': 'text-amber-800',
  'failed, refunded': 'text-red-800',
};

/** One card per row: it reads on a 360 px phone and stays a compact list on a desk. */
export function BatchRows({ rows, currency }: { rows: BatchView['rows']; currency: Currency }) {
  return (
    <ol className="divide-y divide-slate-100" data-testid="bulk-rows">
      {rows.map((r) => (
        <li
          key={r.rowNumber}
          className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2 text-sm"
          data-testid="bulk-row"
          data-result={r.result}
        >
          <span className="min-w-0">
            <span className="text-slate-500">Row {r.rowNumber} · </span>
            <span className="font-medium">{r.phone ?? r.rawNumber}</span>
            {r.network ? <span> · {r.network}</span> : null}
            {r.productName ? (
              <span className="block text-slate-600">
                {r.productName}
                {r.amountMinor !== null ? ` · ${formatMoney(r.amountMinor, currency)}` : ''}
                {r.agentCostMinor !== null
                  ? ` · costs you ${formatMoney(r.agentCostMinor, currency)}`
                  : ''}
              </span>
            ) : null}
            {r.message ? <span className="block text-slate-700">{r.message}</span> : null}
          </span>
          <span className={`font-semibold ${TONE[r.result] ?? 'text-slate-700'}`}>{r.result}</span>
        </li>
      ))}
    </ol>
  );
}
