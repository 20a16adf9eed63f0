import type { Metadata } from 'next';
import { KeysTable } from '@/components/api-keys/keys-table';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { listAllApiKeys } from '@/lib/api/keys';
import { requireAdmin } from '@/lib/auth/session';
import { AdminRevokeKeyForm } from './revoke-form';

export const metadata: Metadata = { title: 'API keys' };

export default async function AdminApiKeysPage() {
  await requireAdmin();
  const keys = await listAllApiKeys(getDb());
  return (
    <Card title="Agents’ API keys">
      <p className="mb-3 text-sm text-slate-600">
        Every key of every agent. Revoking is audited; a disabled agent’s keys stop working by
        themselves.
      </p>
      <KeysTable
        keys={keys}
        revoke={(key) => (
          <AdminRevokeKeyForm keyId={key.id} label={`${key.agentEmail}’s key ${key.prefix}…`} />
        )}
      />
    </Card>
  );
}
