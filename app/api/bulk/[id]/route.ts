import { z } from 'zod';
import { getDb } from '@/db';
import { routeUser } from '@/lib/auth/route';
import { getBatchView } from '@/lib/bulk/queries';

export const dynamic = 'force-dynamic';

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Polled by the bulk batch page while its rows are being sold. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await routeUser('agent');
  if ('response' in auth) return auth.response;
  const id = idSchema.safeParse((await params).id);
  const view = id.success ? await getBatchView(getDb(), auth.user.id, id.data) : null;
  if (!view) return Response.json({ error: 'Not found.' }, { status: 404 });
  return Response.json(view, { headers: { 'Cache-Control': 'no-store' } });
}
