import { apiRoute, json, parseQuery } from '@/lib/api/handler';
import { apiStatement } from '@/lib/api/reads';
import { statementQuerySchema } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ scope: 'read', rate: 'read' }, async (request, ctx) => {
  const query = parseQuery(request, statementQuerySchema, ctx);
  if (!query.ok) return query.response;
  return json(await apiStatement(ctx.db, ctx.agentId, query.data), ctx);
});
