import { apiRoute, json } from '@/lib/api/handler';
import { apiBalances } from '@/lib/api/reads';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ scope: 'read', rate: 'read' }, async (_request, ctx) =>
  json({ data: await apiBalances(ctx.db, ctx.agentId) }, ctx),
);
