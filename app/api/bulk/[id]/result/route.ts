import { z } from 'zod';
import { getDb } from '@/db';
import { routeUser } from '@/lib/auth/route';
import { getBatchForAgent, listBatchRows } from '@/lib/bulk/queries';
import { resultCsv } from '@/lib/bulk/result-csv';

export const dynamic = 'force-dynamic';

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Every row of the upload with its result, as a CSV the agent can open in a spreadsheet. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await routeUser('agent');
  if ('response' in auth) return auth.response;
  const id = idSchema.safeParse((await params).id);
  const db = getDb();
  const batch = id.success ? await getBatchForAgent(db, auth.user.id, id.data) : undefined;
  if (!batch) return Response.json({ error: 'Not found.' }, { status: 404 });
  return new Response(resultCsv(await listBatchRows(db, auth.user.id, batch.id)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="bulk-${batch.id}-result.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
