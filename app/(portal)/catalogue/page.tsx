import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { sizeLabel, validityLabel } from '@/lib/catalogue/labels';
import { Card } from '@/components/ui/card';
import { BILLERS, billerLabel, isBillType } from '@/lib/bills/billers';
import { requireAgent } from '@/lib/auth/session';
import { circleName } from '@/lib/catalogue/india';
import { IN_OPERATORS, NG_NETWORKS } from '@/lib/catalogue/phone';
import { listProducts } from '@/lib/catalogue/queries';
import { formatMoney } from '@/lib/money';
import { catalogueQuerySchema } from '@/lib/validations/catalogue';

export const metadata: Metadata = { title: 'Plans' };

const INPUT = 'mt-1 block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-2 text-sm';

export default async function CataloguePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  await requireAgent();
  const raw = await searchParams;
  const q = catalogueQuerySchema.parse(raw);
  const currency = q.country === 'IN' ? 'INR' : 'NGN';
  const products = await listProducts(getDb(), {
    currency,
    type: q.type,
    network: q.network,
    validity: q.validity,
    minPriceMinor: q.min,
    maxPriceMinor: q.max,
    search: q.q,
  });
  // Bills are sold in Nigeria: their billers (DISCOs, TV services) filter like networks.
  const networks =
    currency === 'INR' ? [...IN_OPERATORS] : [...NG_NETWORKS, ...BILLERS.map((b) => b.id)];
  return (
    <div className="space-y-4">
      <Card title="Plans">
        <form method="get" role="search" className="grid grid-cols-2 gap-2 sm:grid-cols-8">
          <label className="text-sm">
            Country
            <select name="country" defaultValue={q.country} className={INPUT}>
              <option value="NG">Nigeria</option>
              <option value="IN">India</option>
            </select>
          </label>
          <label className="text-sm">
            Type
            <select name="type" defaultValue={q.type ?? ''} className={INPUT}>
              <option value="">All</option>
              <option value="airtime">Airtime</option>
              <option value="data">Data</option>
              <option value="electricity">Electricity</option>
              <option value="tv">Cable TV</option>
            </select>
          </label>
          <label className="text-sm">
            Network
            <select name="network" defaultValue={q.network ?? ''} className={INPUT}>
              <option value="">All</option>
              {networks.map((n) => (
                <option key={n} value={n}>
                  {billerLabel(n)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            Validity
            <select name="validity" defaultValue={q.validity ?? ''} className={INPUT}>
              <option value="">Any</option>
              <option value="daily">Daily</option>
              <option value="weekly">Weekly</option>
              <option value="monthly">Monthly</option>
              <option value="longer">Longer</option>
            </select>
          </label>
          <label className="text-sm">
            Min price
            <input name="min" inputMode="decimal" defaultValue={raw.min ?? ''} className={INPUT} />
          </label>
          <label className="text-sm">
            Max price
            <input name="max" inputMode="decimal" defaultValue={raw.max ?? ''} className={INPUT} />
          </label>
          <label className="col-span-2 text-sm sm:col-span-1">
            Search
            <input name="q" defaultValue={q.q ?? ''} className={INPUT} />
          </label>
          <button
            type="submit"
            className="col-span-2 min-h-11 self-end rounded-lg bg-slate-800 px-4 text-sm font-semibold text-white sm:col-span-1"
          >
            Show
          </button>
        </form>
      </Card>
      <p className="text-sm text-slate-600">{products.length} plans</p>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="catalogue">
        {products.map((p) => (
          <li
            key={p.id}
            className="flex items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-3"
          >
            <span>
              <span className="block font-semibold">{productTitle(p)}</span>
              <span className="block text-xs text-slate-600">
                {[productNote(p), circleName(p.circle)].filter(Boolean).join(' · ')}
              </span>
            </span>
            <span className="text-right">
              <span className="block font-bold text-accent-700">
                {p.priceMinor !== null && (p.type === 'data' || p.type === 'tv')
                  ? formatMoney(p.priceMinor, p.currency)
                  : `${formatMoney(p.minMinor ?? 0, p.currency)}–${formatMoney(p.maxMinor ?? 0, p.currency)}`}
              </span>
              <Link
                href={`/buy/${p.type}${currency === 'INR' ? '?country=IN' : ''}`}
                className="text-xs font-medium text-accent-700 underline"
              >
                Sell
              </Link>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

type Listed = {
  type: string;
  network: string;
  name: string;
  dataMb: number | null;
  validityDays: number | null;
};

/** What the card is called: a data plan by its size, a bouquet by its service and name. */
function productTitle(p: Listed): string {
  if (p.type === 'data') return `${p.network} ${sizeLabel(p.dataMb)}`;
  if (p.type === 'tv') return `${billerLabel(p.network)} · ${p.name}`;
  if (p.type === 'electricity') return p.name;
  return `${p.network} airtime`;
}

function productNote(p: Listed): string {
  if (p.type === 'data') return validityLabel(p.validityDays);
  if (p.type === 'tv') return validityLabel(p.validityDays) || 'bouquet';
  if (isBillType(p.type)) return `${p.network} · any amount`;
  return 'any amount';
}
