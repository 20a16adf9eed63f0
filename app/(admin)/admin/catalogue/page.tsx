import type { Metadata } from 'next';
import { BILLERS } from '@/lib/bills/billers';
import { PRODUCT_TYPE_LABEL, serviceLabel } from '@/lib/catalogue/labels';
import { z } from 'zod';
import { getDb } from '@/db';
import { FilterForm } from '@/components/admin/filter-form';
import { SyncCatalogueForm } from '@/app/(admin)/admin/catalogue/sync-form';
import { Card } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { listCatalogue, listRecentPriceChanges } from '@/lib/admin/catalogue';
import { currency, optionalQuery, pageParam, productType } from '@/lib/admin/schemas';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';

export const metadata: Metadata = { title: 'Catalogue' };

const querySchema = z.object({
  currency: optionalQuery(currency),
  network: optionalQuery(z.string().max(20)),
  type: optionalQuery(productType),
  q: optionalQuery(z.string().max(100)),
  page: pageParam,
});

const NETWORKS = ['MTN', 'GLO', 'AIRTEL', '9MOBILE', 'JIO', 'VI', 'BSNL'];

export default async function CataloguePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  await requireAdmin();
  const query = querySchema.parse(await searchParams);
  const db = getDb();
  const list = await listCatalogue(
    db,
    { currency: query.currency, network: query.network, type: query.type, q: query.q },
    query.page,
  );
  const changes = await listRecentPriceChanges(db);
  const price = (minor: number | null, c: 'NGN' | 'INR') =>
    minor === null ? 'any amount' : formatMoney(minor, c);
  return (
    <div className="grid gap-4 xl:grid-cols-[1fr_22rem]">
      <Card title="Catalogue" actions={<SyncCatalogueForm />}>
        <FilterForm
          label="Filter products"
          resetHref="/admin/catalogue"
          fields={[
            {
              kind: 'select',
              name: 'currency',
              label: 'Currency',
              value: query.currency,
              options: [
                { value: 'NGN', label: 'NGN' },
                { value: 'INR', label: 'INR' },
              ],
            },
            {
              kind: 'select',
              name: 'network',
              label: 'Network',
              value: query.network,
              options: [
                ...NETWORKS.map((n) => ({ value: n, label: n })),
                ...BILLERS.map((b) => ({ value: b.id, label: b.label })),
              ],
            },
            {
              kind: 'select',
              name: 'type',
              label: 'Type',
              value: query.type,
              options: Object.entries(PRODUCT_TYPE_LABEL).map(([value, label]) => ({
                value,
                label,
              })),
            },
            { kind: 'text', name: 'q', label: 'Name', value: query.q },
          ]}
        />
        {list.rows.length === 0 ? (
          <p className="text-slate-600">
            No products. Press “Sync now” to fetch the providers’ catalogues.
          </p>
        ) : null}
        <ul className="divide-y divide-slate-100">
          {list.rows.map((p) => (
            <li key={p.id} className="py-2 text-sm">
              <div className="flex flex-wrap justify-between gap-2">
                <span className="font-medium">
                  {p.name}{' '}
                  <span className="text-slate-500">
                    · {p.currency} {serviceLabel(p.network, p.type)}
                    {p.circle ? ` circle ${p.circle}` : ''}
                  </span>
                  {p.active ? null : <span className="ml-1 text-red-800">(✕ not sellable)</span>}
                </span>
                <span className="font-semibold">
                  {p.priceMinor === null
                    ? `${p.minMinor ? formatMoney(p.minMinor, p.currency) : ''}–${p.maxMinor ? formatMoney(p.maxMinor, p.currency) : ''}`
                    : formatMoney(p.priceMinor, p.currency)}
                </span>
              </div>
              <ul className="mt-1 flex flex-wrap gap-2 text-xs">
                {p.sources.map((s) => (
                  <li
                    key={s.id}
                    className={`rounded border px-2 py-1 ${s.available ? 'border-slate-300' : 'border-red-300 text-red-800 line-through'}`}
                  >
                    {s.provider} · <span className="font-mono">{s.planCode}</span> ·{' '}
                    {price(s.priceMinor, p.currency)} · cost {(s.costBps / 100).toFixed(2)}%
                    {s.available ? '' : ' · withdrawn'}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        <Pagination
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          basePath="/admin/catalogue"
          params={{
            currency: query.currency,
            network: query.network,
            type: query.type,
            q: query.q,
          }}
        />
      </Card>
      <Card title="Recent price changes">
        {changes.length === 0 ? <p className="text-slate-600">None yet.</p> : null}
        <ol className="space-y-2 text-sm">
          {changes.map((c) => (
            <li key={c.id}>
              <span className="block font-medium">{c.product}</span>
              <span className="text-slate-600">
                {c.provider}: {price(c.oldPriceMinor, c.currency)} →{' '}
                {price(c.newPriceMinor, c.currency)} · {formatDateTime(c.at)}
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
