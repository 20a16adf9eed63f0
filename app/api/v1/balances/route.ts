import { apiRoute, json } from '@/lib/api/handler';
import { apiBalances } from '@/lib/api/reads';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ scope: 'read', rate: 'read' }, (_request, ctx) =>
  json({ data: apiBalances(ctx.db, ctx.agentId) }, ctx),
);
