import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { CreateEndpointForm } from './endpoint-forms';
import { Card } from '@/components/ui/card';
import { requireAgent } from '@/lib/auth/session';
import { listEndpoints } from '@/lib/webhooks/endpoints';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const user = await requireAgent();
  const endpoints = await listEndpoints(getDb(), user.id);
  return (
    <div className="space-y-4">
      <Card title="Webhooks">
        <p className="mb-3 text-sm text-slate-600">
          Your system hears about each sale and wallet credit as it happens. Messages are signed the
          Standard Webhooks way (<code>webhook-id</code>, <code>webhook-timestamp</code>,{' '}
          <code>webhook-signature</code>): verify them with your endpoint’s secret. A receiver that
          does not answer 2xx is retried with growing pauses for 24 hours.
        </p>
        {endpoints.length === 0 ? (
          <p className="text-sm">No endpoints yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="webhook-endpoints">
            {endpoints.map((e) => (
              <li key={e.id} className="py-2 text-sm">
                <Link href={`/webhooks/${e.id}`} className="break-all font-medium hover:underline">
                  {e.url}
                </Link>
                <span className="block text-slate-600">
                  {e.pausedAt ? 'Paused · ' : ''}
                  {e.events.join(', ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Add an endpoint">
        <CreateEndpointForm />
      </Card>
    </div>
  );
}
