import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { EventsForm, PauseForm, ResendForm, RotateForm } from '../endpoint-forms';
import { Card } from '@/components/ui/card';
import { requireAgent } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { getEndpoint, listDeliveries, overlapEndsAt } from '@/lib/webhooks/endpoints';

export const metadata: Metadata = { title: 'Webhook endpoint' };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const STATUS_WORDS = {
  pending: '… retrying',
  succeeded: '✓ delivered',
  failed: '✕ gave up',
} as const;

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireAgent();
  const id = idSchema.safeParse((await params).id);
  const db = getDb();
  const endpoint = id.success ? await getEndpoint(db, user.id, id.data) : undefined;
  if (!endpoint) notFound();
  const deliveries = await listDeliveries(db, user.id, endpoint.id);
  const overlap = overlapEndsAt(endpoint);
  return (
    <div className="space-y-4">
      <Link href="/webhooks" className="text-sm text-accent-700 hover:underline">
        ← All endpoints
      </Link>
      <Card
        title="Endpoint"
        actions={<PauseForm endpointId={endpoint.id} paused={endpoint.pausedAt !== null} />}
      >
        <p className="break-all font-medium" data-testid="webhook-url">
          {endpoint.url}
        </p>
        <p className="text-sm text-slate-600">
          {endpoint.pausedAt
            ? `Paused since ${formatDateTime(endpoint.pausedAt)}: deliveries wait.`
            : 'Active.'}
        </p>
      </Card>
      <Card title="Signing secret" actions={<RotateForm endpointId={endpoint.id} />}>
        <details>
          <summary className="cursor-pointer text-sm font-medium">Reveal the secret</summary>
          <code
            className="mt-2 block break-all rounded bg-slate-100 p-2 text-sm"
            data-testid="webhook-secret"
          >
            {endpoint.secret}
          </code>
        </details>
        {overlap ? (
          <p className="mt-2 text-sm text-amber-900">
            ! The previous secret also signs until {formatDateTime(overlap)}.
          </p>
        ) : null}
      </Card>
      <Card title="Events">
        <EventsForm endpointId={endpoint.id} chosen={endpoint.events} />
      </Card>
      <Card title="Deliveries">
        {deliveries.length === 0 ? (
          <p className="text-sm">Nothing sent yet.</p>
        ) : (
          <ol className="divide-y divide-slate-100" data-testid="webhook-deliveries">
            {deliveries.map((d) => (
              <li key={d.id} className="space-y-1 py-2 text-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    <code>{d.type}</code> · {formatDateTime(d.createdAt)}
                  </span>
                  <span className="font-semibold">{STATUS_WORDS[d.status]}</span>
                </div>
                <p className="text-slate-600">
                  {d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}
                  {d.last
                    ? ` · last ${d.last.statusCode ?? 'no answer'} in ${d.last.latencyMs} ms`
                    : ''}
                  {d.status === 'pending' && d.attempts > 0
                    ? ` · next try ${formatDateTime(d.nextAt)}`
                    : ''}
                </p>
                {d.last?.error ? <p className="text-red-800">✕ {d.last.error}</p> : null}
                {d.last?.responseExcerpt ? (
                  <pre className="max-h-24 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">
                    {d.last.responseExcerpt}
                  </pre>
                ) : null}
                <ResendForm endpointId={endpoint.id} deliveryId={d.id} />
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
