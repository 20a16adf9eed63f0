import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { getDb } from '@/db';
import { BeneficiaryRow } from '@/app/(portal)/beneficiaries/beneficiary-row';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requireAgent } from '@/lib/auth/session';
import { NETWORKS_BY_CURRENCY } from '@/lib/beneficiaries/commands';
import { searchBeneficiaries } from '@/lib/beneficiaries/queries';
import { formatDateTime } from '@/lib/format';
import { formatNigerianNumber } from '@/lib/catalogue/phone';

export const metadata: Metadata = { title: 'Saved numbers' };

const querySchema = z.object({ q: z.string().max(40).catch('').default('') });
const LIMIT = 200;

export default async function BeneficiariesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const user = await requireAgent();
  const { q } = querySchema.parse(await searchParams);
  const rows = await searchBeneficiaries(getDb(), user.id, q, LIMIT);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold">Saved numbers</h1>
        <Link href="/buy/airtime" className={buttonClass('secondary')}>
          Sell airtime
        </Link>
      </div>
      <p className="text-sm text-slate-600">
        Every number you sell to is saved here with its network, and offered when you type it again.
        Add a name, fix a ported line&apos;s network, or delete it.
      </p>
      <form role="search" className="flex gap-2" action="/beneficiaries">
        <label htmlFor="q" className="sr-only">
          Search by number or name
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Number or name"
          inputMode="search"
          className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
        />
        <button type="submit" className={buttonClass('secondary')}>
          Search
        </button>
      </form>
      {rows.length === 0 ? (
        <Card>
          <p>
            {q
              ? `No saved number matches “${q}”.`
              : 'No saved numbers yet. They appear here after your first sale.'}
          </p>
        </Card>
      ) : (
        <ul className="space-y-2" aria-label="Saved numbers">
          {rows.map((b) => (
            <BeneficiaryRow
              key={b.id}
              beneficiary={{
                id: b.id,
                phone: b.currency === 'NGN' ? formatNigerianNumber(b.phone) : b.phone,
                currency: b.currency,
                network: b.network,
                circle: b.circle,
                name: b.name,
                lastUsed: formatDateTime(b.lastUsedAt),
              }}
              networks={[...NETWORKS_BY_CURRENCY[b.currency]]}
            />
          ))}
        </ul>
      )}
      {rows.length === LIMIT ? (
        <p className="text-sm text-slate-600">
          Showing the {LIMIT} most recently used. Search to find an older one.
        </p>
      ) : null}
    </div>
  );
}
