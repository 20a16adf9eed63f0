import type { BillCustomer } from '@/lib/bills/verify';
import { formatMoney } from '@/lib/money';

/**
 * What the provider knows of the account, shown large before the confirm step so the agent can ask
 * the customer "Is this ADEBAYO O. at 12 Allen Ave?" before any money moves.
 */
export function CustomerCard({
  customer,
  accountLabel,
}: {
  customer: BillCustomer;
  accountLabel: string;
}) {
  const facts: [string, string][] = [];
  if (customer.meterType) facts.push(['Meter type', customer.meterType]);
  if (customer.arrearsMinor) facts.push(['Arrears', formatMoney(customer.arrearsMinor, 'NGN')]);
  if (customer.minimumMinor)
    facts.push(['Minimum purchase', formatMoney(customer.minimumMinor, 'NGN')]);
  if (customer.maximumMinor)
    facts.push(['Maximum purchase', formatMoney(customer.maximumMinor, 'NGN')]);
  if (customer.currentBouquet) facts.push(['Current bouquet', customer.currentBouquet]);
  if (customer.renewalAmountMinor)
    facts.push(['Renewal amount', formatMoney(customer.renewalAmountMinor, 'NGN')]);
  if (customer.dueDate) facts.push(['Due date', readableDate(customer.dueDate)]);
  return (
    <section
      aria-label="Customer"
      data-testid="bill-customer"
      className="rounded-xl border border-green-300 bg-green-50 p-4 text-green-950"
    >
      <p className="text-sm">
        <span aria-hidden>✓ </span>
        {accountLabel} {customer.account} belongs to
      </p>
      <p className="text-2xl font-bold break-words" data-testid="bill-customer-name">
        {customer.name}
      </p>
      {customer.address ? <p className="text-base">{customer.address}</p> : null}
      <p className="mt-1 text-sm">Ask the customer: is this them?</p>
      {facts.length > 0 ? (
        <dl className="mt-2 divide-y divide-green-200 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-3 py-1">
              <dt>{label}</dt>
              <dd className="text-right font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}

/** Billers write dates their own way ("2025-02-06T00:00:00", "02-FEB-25"): drop a midnight time. */
function readableDate(value: string): string {
  return value.replace(/T00:00:00(\.0+)?Z?$/, '');
}
