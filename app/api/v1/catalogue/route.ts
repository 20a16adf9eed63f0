import { apiRoute, json, parseQuery } from '@/lib/api/handler';
import { apiCatalogue } from '@/lib/api/reads';
import { catalogueQuerySchema } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ scope: 'read', rate: 'read' }, async (request, ctx) => {
  const query = parseQuery(request, catalogueQuerySchema, ctx);
  if (!query.ok) return query.response;
  return json({ data: await apiCatalogue(ctx.db, query.data) }, ctx);
});
