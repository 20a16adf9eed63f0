import { formatDateTime } from '@/lib/format';
import { formatMoney, type Currency } from '@/lib/money';
import type { StatementRow } from '@/lib/ledger/statement';

const KIND_LABELS: Record<string, string> = {
  funding: 'Wallet funding',
  debit: 'Wallet debit',
  reserve: 'Sale',
  refund: 'Refund',
  reversal: 'Reversal refund',
  recovery: 'Recovered by our team',
};

export function StatementTable({ rows, currency }: { rows: StatementRow[]; currency: Currency }) {
  if (rows.length === 0) return <p className="text-slate-600">No movements yet.</p>;
  const money = (n: number) => (n ? formatMoney(n, currency) : '');
  return (
    <>
      {/* On a phone each movement is a card; from 640 px up, a table. */}
      <ul className="divide-y divide-slate-100 sm:hidden">
        {rows.map((row) => (
          <li key={row.id} className="flex justify-between gap-3 py-2 text-sm">
            <span>
              <span className="block font-medium">{KIND_LABELS[row.kind] ?? row.kind}</span>
              <span className="block text-xs text-slate-600">{row.memo}</span>
              <span className="block text-xs text-slate-500">
                {formatDateTime(row.createdAt)} ·{' '}
                {row.reference ?? (row.purchaseId ? `Sale #${row.purchaseId}` : '')}
              </span>
            </span>
            <span className="text-right">
              <span
                className={`block font-semibold ${row.credit ? 'text-green-800' : 'text-red-800'}`}
              >
                {row.credit ? `+${money(row.credit)}` : `−${money(row.debit)}`}
              </span>
              <span className="block text-xs text-slate-500">
                {formatMoney(row.runningBalance, currency)}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto sm:block">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th className="py-2 pr-3 font-medium">Date</th>
              <th className="py-2 pr-3 font-medium">Description</th>
              <th className="py-2 pr-3 font-medium">Reference</th>
              <th className="py-2 pr-3 text-right font-medium">Debit</th>
              <th className="py-2 pr-3 text-right font-medium">Credit</th>
              <th className="py-2 text-right font-medium">Balance</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-100">
                <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(row.createdAt)}</td>
                <td className="py-2 pr-3">
                  {KIND_LABELS[row.kind] ?? row.kind}
                  <span className="block text-xs text-slate-500">{row.memo}</span>
                </td>
                <td className="py-2 pr-3 font-mono text-xs">
                  {row.reference ?? (row.purchaseId ? `Sale #${row.purchaseId}` : '')}
                </td>
                <td className="py-2 pr-3 text-right text-red-800">{money(row.debit)}</td>
                <td className="py-2 pr-3 text-right text-green-800">{money(row.credit)}</td>
                <td className="py-2 text-right font-medium">
                  {formatMoney(row.runningBalance, currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export const STATEMENT_KIND_LABELS = KIND_LABELS;
