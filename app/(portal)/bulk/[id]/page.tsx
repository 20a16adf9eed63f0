import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { BatchLive } from '../batch-live';
import { requireAgent } from '@/lib/auth/session';
import { getBatchView } from '@/lib/bulk/queries';

export const metadata: Metadata = { title: 'Bulk sale' };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export default async function BulkBatchPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireAgent();
  const id = idSchema.safeParse((await params).id);
  const view = id.success ? await getBatchView(getDb(), user.id, id.data) : null;
  if (!view) notFound();
  return <BatchLive initial={view} />;
}
