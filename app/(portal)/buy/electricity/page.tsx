import type { Metadata } from 'next';
import { getDb } from '@/db';
import { ElectricityForm } from '@/app/(portal)/buy/bills/electricity-form';
import { requireAgent } from '@/lib/auth/session';
import { billFormData } from '@/lib/catalogue/bill-form-data';
import { listPurchaseBanners } from '@/lib/health/banners';

export const metadata: Metadata = { title: 'Pay electricity' };

export default async function BuyElectricityPage() {
  const user = await requireAgent();
  const db = getDb();
  const data = await billFormData(db, user.id, 'electricity');
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-xl font-bold">Pay electricity</h1>
      {data.billers.length === 0 ? (
        <p className="text-slate-600">No electricity company is on sale right now.</p>
      ) : (
        <ElectricityForm {...data} banners={await listPurchaseBanners(db, 'NGN', 'electricity')} />
      )}
    </div>
  );
}
