import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { CreateAgentForm } from '@/app/(admin)/admin/agents/agent-forms';
import { requireAdmin } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'New agent' };

export default async function NewAgentPage() {
  await requireAdmin();
  return (
    <Card title="New agent" className="max-w-xl">
      <CreateAgentForm />
    </Card>
  );
}
