import type { ApiKeyListing } from '@/lib/api/keys';
import { formatDateTime } from '@/lib/format';

type Row = ApiKeyListing & { agentEmail?: string };

/** A key's listing: what identifies it (prefix), what it may do, and when and where it was last used. */
export function KeysTable({
  keys,
  revoke,
}: {
  keys: Row[];
  revoke: (key: Row) => React.ReactNode;
}) {
  if (keys.length === 0) return <p className="text-sm text-slate-600">No API keys yet.</p>;
  return (
    <ul className="divide-y divide-slate-200" aria-label="API keys">
      {keys.map((key) => (
        <li
          key={key.id}
          className="flex flex-wrap items-start justify-between gap-3 py-3"
          data-testid={`api-key-${key.prefix}`}
        >
          <div className="space-y-1 text-sm">
            <p className="font-semibold">
              {key.name} <code className="font-mono text-slate-600">{key.prefix}…</code>
              {key.revokedAt ? (
                <span className="ml-2 text-slate-500">
                  (revoked {formatDateTime(key.revokedAt)})
                </span>
              ) : null}
            </p>
            {key.agentEmail ? <p className="text-slate-600">Agent: {key.agentEmail}</p> : null}
            <p className="text-slate-600">
              Scopes: {key.scopes.join(', ')}
              {key.allowedIps?.length ? ` · only from ${key.allowedIps.join(', ')}` : ''}
            </p>
            <p className="text-slate-600" data-testid="last-used">
              {key.lastUsedAt
                ? `Last used ${formatDateTime(key.lastUsedAt)} from ${key.lastUsedIp ?? 'unknown'}`
                : 'Never used'}
              {' · '}created {formatDateTime(key.createdAt)}
            </p>
          </div>
          {key.revokedAt ? null : revoke(key)}
        </li>
      ))}
    </ul>
  );
}
