import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { rows } from '@/db/query';

export const dynamic = 'force-dynamic';

export async function GET() {
  await rows(getDb(), sql`select 1`);
  return Response.json({ ok: true });
}
