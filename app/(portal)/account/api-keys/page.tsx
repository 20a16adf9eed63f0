import type { Metadata } from 'next';
import Link from 'next/link';
import { KeysTable } from '@/components/api-keys/keys-table';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { listApiKeysForAgent } from '@/lib/api/keys';
import { requireAgent } from '@/lib/auth/session';
import { CreateKeyForm } from './create-key-form';
import { RevokeKeyForm } from './revoke-key-form';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const user = await requireAgent();
  const keys = await listApiKeysForAgent(getDb(), user.id);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Card title="API keys">
        <p className="text-sm text-slate-600">
          Sell from your own software with the REST API. Send a key as{' '}
          <code>Authorization: Bearer &lt;key&gt;</code>.{' '}
          <Link href="/developers" className="font-semibold text-accent-700 underline">
            Read the API reference
          </Link>
          .
        </p>
      </Card>
      <Card title="New key">
        <CreateKeyForm />
      </Card>
      <Card title="Your keys">
        <KeysTable keys={keys} revoke={(key) => <RevokeKeyForm keyId={key.id} name={key.name} />} />
      </Card>
    </div>
  );
}
