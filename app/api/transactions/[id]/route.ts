import { z } from 'zod';
import { getDb } from '@/db';
import { routeUser } from '@/lib/auth/route';
import { getSaleForAgent } from '@/lib/purchases/queries';

export const dynamic = 'force-dynamic';

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Polled by the sale result and history while a sale is pending. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await routeUser('agent');
  if ('response' in auth) return auth.response;
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return Response.json({ error: 'Not found.' }, { status: 404 });
  const sale = await getSaleForAgent(getDb(), auth.user.id, id.data);
  if (!sale) return Response.json({ error: 'Not found.' }, { status: 404 });
  return Response.json(sale, { headers: { 'Cache-Control': 'no-store' } });
}
