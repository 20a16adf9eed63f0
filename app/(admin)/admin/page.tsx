import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { requireAdmin } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminDashboardPage() {
  await requireAdmin();
  return (
    <Card title="Dashboard">
      <p className="text-slate-600">Today&apos;s sales appear here.</p>
    </Card>
  );
}
