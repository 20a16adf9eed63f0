import { formatMoney, shareOf, type Currency } from '@/lib/money';

export interface ConfirmDetails {
  phone: string;
  network: string;
  circleName?: string;
  productLabel: string;
  amountMinor: number;
  commissionBps: number;
  currency: Currency;
  /** A bill: the meter or smartcard and whose it is, said before the phone. */
  bill?: { accountLabel: string; account: string; customerName: string; billerLabel: string };
}

/** The confirm step says it all once. The server recomputes every figure; these are for reading. */
export function ConfirmPanel({ d }: { d: ConfirmDetails }) {
  const commission = shareOf(d.amountMinor, d.commissionBps);
  const who: [string, string][] = d.bill
    ? [
        [d.bill.accountLabel, d.bill.account],
        ['Customer', d.bill.customerName],
        ['Customer’s phone', d.phone],
        ['Company', d.bill.billerLabel],
      ]
    : [
        ['Number', d.phone],
        ['Network', d.circleName ? `${d.network} · ${d.circleName}` : d.network],
      ];
  const rows: [string, string][] = [
    ...who,
    ['Product', d.productLabel],
    ['Customer pays', formatMoney(d.amountMinor, d.currency)],
    ['Your cost', formatMoney(d.amountMinor - commission, d.currency)],
    ['Your commission', formatMoney(commission, d.currency)],
  ];
  return (
    <dl
      className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white"
      data-testid="confirm-panel"
    >
      {rows.map(([label, value]) => (
        <div key={label} className="flex justify-between gap-4 px-4 py-2">
          <dt className="text-slate-600">{label}</dt>
          <dd className="text-right font-semibold break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
