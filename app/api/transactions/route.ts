import { z } from 'zod';
import { getDb } from '@/db';
import { routeUser } from '@/lib/auth/route';
import { statusesForAgent } from '@/lib/purchases/history';

export const dynamic = 'force-dynamic';

const idsSchema = z
  .string()
  .regex(/^\d+(,\d+){0,99}$/)
  .transform((s) => s.split(',').map(Number));

/** Statuses of the agent's own pending rows, polled by the history page until none is pending. */
export async function GET(request: Request) {
  const auth = await routeUser('agent');
  if ('response' in auth) return auth.response;
  const ids = idsSchema.safeParse(new URL(request.url).searchParams.get('ids') ?? '');
  if (!ids.success)
    return Response.json(
      { error: 'ids must be up to 100 comma-separated numbers' },
      { status: 400 },
    );
  return Response.json(await statusesForAgent(getDb(), auth.user.id, ids.data), {
    headers: { 'Cache-Control': 'no-store' },
  });
}
