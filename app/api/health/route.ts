import { getDb } from '@/db';
import { databaseAnswers } from '@/lib/health/database';

export const dynamic = 'force-dynamic';

export async function GET() {
  await databaseAnswers(getDb());
  return Response.json({ ok: true });
}
