import type { Metadata } from 'next';
import { getDb } from '@/db';
import { TvForm } from '@/app/(portal)/buy/bills/tv-form';
import { requireAgent } from '@/lib/auth/session';
import { billFormData } from '@/lib/catalogue/bill-form-data';
import { listPurchaseBanners } from '@/lib/health/banners';

export const metadata: Metadata = { title: 'Pay cable TV' };

export default async function BuyTvPage() {
  const user = await requireAgent();
  const db = getDb();
  const data = await billFormData(db, user.id, 'tv');
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-xl font-bold">Pay cable TV</h1>
      {data.billers.length === 0 ? (
        <p className="text-slate-600">No TV service is on sale right now.</p>
      ) : (
        <TvForm {...data} banners={await listPurchaseBanners(db, 'NGN', 'tv')} />
      )}
    </div>
  );
}
