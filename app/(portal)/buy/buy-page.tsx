import Link from 'next/link';
import { getDb } from '@/db';
import { requireAgent } from '@/lib/auth/session';
import { saleFormData } from '@/lib/catalogue/sale-form-data';
import { listPurchaseBanners } from '@/lib/health/banners';
import { listWallets } from '@/lib/ledger/accounts';
import { SaleForm } from './sale-form';

/** Shared by /buy/airtime and /buy/data: Nigeria by default, India for agents with an INR wallet. */
export async function BuyPage({
  mode,
  country,
  phone,
}: {
  mode: 'airtime' | 'data';
  country: string | undefined;
  phone?: string;
}) {
  const user = await requireAgent();
  const db = getDb();
  const currencies = (await listWallets(db, user.id)).map((w) => w.currency);
  const currency =
    country === 'IN' && currencies.includes('INR')
      ? 'INR'
      : currencies.includes('NGN')
        ? 'NGN'
        : 'INR';
  const data = await saleFormData(db, user.id, currency, mode);
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-xl font-bold">Sell {mode}</h1>
        {currencies.length > 1 ? (
          <nav aria-label="Country" className="flex gap-1 text-sm">
            <Link
              href={`/buy/${mode}`}
              aria-current={currency === 'NGN' ? 'page' : undefined}
              className={`rounded-lg px-3 py-2 ${currency === 'NGN' ? 'bg-slate-800 text-white' : 'border border-slate-300'}`}
            >
              Nigeria
            </Link>
            <Link
              href={`/buy/${mode}?country=IN`}
              aria-current={currency === 'INR' ? 'page' : undefined}
              className={`rounded-lg px-3 py-2 ${currency === 'INR' ? 'bg-slate-800 text-white' : 'border border-slate-300'}`}
            >
              India
            </Link>
          </nav>
        ) : null}
      </div>
      <SaleForm
        {...data}
        banners={await listPurchaseBanners(db, currency, mode)}
        initialPhone={phone?.slice(0, 32)}
      />
    </div>
  );
}
