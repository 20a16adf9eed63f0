import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { RouteStepForm } from '@/app/(admin)/admin/providers/provider-forms';
import { Card } from '@/components/ui/card';
import { listRoutes } from '@/lib/admin/routing';
import { serviceLabel } from '@/lib/catalogue/labels';
import { requireAdmin } from '@/lib/auth/session';
import { PROVIDER_CURRENCY } from '@/lib/ledger/accounts';
import { listProviderSettings } from '@/lib/provider-settings/queries';
import { providerSells } from '@/lib/providers/registry';

export const metadata: Metadata = { title: 'Routing' };

export default async function RoutingPage() {
  await requireAdmin();
  const db = getDb();
  const routes = await listRoutes(db);
  const providers = await listProviderSettings(db);
  const state = (id: string) => {
    const p = providers.find((x) => x.id === id);
    if (!p) return ' (not configured)';
    if (!p.enabled) return ' (disabled: skipped)';
    if (p.pausedAt !== null) return ' (paused: skipped)';
    return '';
  };
  return (
    <Card
      title="Routing order"
      actions={
        <Link href="/admin/providers" className="text-sm text-accent-700 underline">
          Providers
        </Link>
      }
    >
      <p className="mb-3 text-sm text-slate-600">
        A sale tries the first provider; on a definite failure it moves to the next. Disabled and
        paused providers are skipped.
      </p>
      <ul className="grid gap-3 md:grid-cols-2">
        {routes.map((r) => {
          // Only providers that sell this family are offered: a bill goes to VTpass alone today.
          const others = Object.keys(PROVIDER_CURRENCY).filter(
            (p) =>
              PROVIDER_CURRENCY[p] === r.currency &&
              !r.providers.includes(p) &&
              providerSells(p, r.type),
          );
          return (
            <li
              key={`${r.currency}-${r.network}-${r.type}`}
              className="rounded-lg border border-slate-200 p-3"
            >
              <h3 className="font-semibold">
                {r.currency} · {serviceLabel(r.network, r.type)}
              </h3>
              <ol className="mt-2 space-y-1">
                {r.providers.map((p, i) => (
                  <li key={p} className="flex flex-wrap items-center gap-1">
                    <span className="min-w-40 text-sm">
                      {i + 1}. {p}
                      {state(p)}
                    </span>
                    <RouteStepForm
                      currency={r.currency}
                      network={r.network}
                      type={r.type}
                      provider={p}
                      op="up"
                      label="↑ Up"
                      disabled={i === 0}
                    />
                    <RouteStepForm
                      currency={r.currency}
                      network={r.network}
                      type={r.type}
                      provider={p}
                      op="down"
                      label="↓ Down"
                      disabled={i === r.providers.length - 1}
                    />
                    {r.providers.length > 1 ? (
                      <RouteStepForm
                        currency={r.currency}
                        network={r.network}
                        type={r.type}
                        provider={p}
                        op="remove"
                        label="Remove"
                      />
                    ) : null}
                  </li>
                ))}
              </ol>
              {others.length ? (
                <div className="mt-2 flex flex-wrap items-center gap-1 text-sm">
                  Add:
                  {others.map((p) => (
                    <RouteStepForm
                      key={p}
                      currency={r.currency}
                      network={r.network}
                      type={r.type}
                      provider={p}
                      op="add"
                      label={`+ ${p}`}
                    />
                  ))}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
