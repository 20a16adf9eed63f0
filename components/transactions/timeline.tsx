import { formatDateTime } from '@/lib/format';
import type { SaleTimeline } from '@/lib/purchases/timeline';

const LABELS: Record<string, string> = {
  opened: 'Sale opened, amount held',
  provider_answer: 'Provider answered',
  failover: 'Sent to the next provider',
  requery: 'Checked with the provider',
  callback: 'Provider notified us (checked before acting)',
  settled: 'Delivered',
  refunded: 'Refunded to wallet',
  reversed: 'Reversed by the provider, refunded',
  manual_review: 'Sent to manual review',
  admin_resolution: 'Resolved by our team',
  awaiting_confirmation: 'Provider said no; amount held until a check confirms it',
  adopted: 'An earlier provider delivered it; the sale follows that delivery',
  delivered_after_refund: 'Delivered after the refund: under review',
  delivered_twice: 'Delivered twice (two providers): under review',
  late_delivery_resolved: 'Late delivery settled by our team',
  token_delivered: 'Token received',
  token_not_arrived: 'Still no token after every check: under review',
};

type Detail = {
  provider?: string;
  code?: string;
  message?: string;
  why?: string;
  reason?: string;
  to?: string;
  exchanges?: unknown[];
};

/** Every state change, requery and callback. Admins also see the raw, redacted provider evidence. */
export function Timeline({
  events,
  showEvidence = false,
}: {
  events: SaleTimeline['events'];
  showEvidence?: boolean;
}) {
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4" data-testid="timeline">
      {events.map((e) => {
        const d = (e.detail ?? {}) as Detail;
        const note = [
          d.provider,
          d.code && `code ${d.code}`,
          d.message,
          d.why,
          d.reason,
          d.to && `to ${d.to}`,
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <li key={e.id}>
            <p className="text-sm font-semibold">
              {LABELS[e.kind] ?? e.kind}
              {e.status ? <span className="font-normal text-slate-600"> — {e.status}</span> : null}
            </p>
            <p className="text-xs text-slate-600">
              {formatDateTime(e.at)}
              {note ? ` · ${note}` : ''}
            </p>
            {showEvidence && d.exchanges?.length ? (
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer text-accent-700">
                  Provider evidence ({d.exchanges.length})
                </summary>
                <pre className="mt-1 max-h-72 overflow-auto rounded bg-slate-900 p-2 text-slate-100">
                  {JSON.stringify(d.exchanges, null, 2)}
                </pre>
              </details>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
