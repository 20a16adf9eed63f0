import { apiRoute, json } from '@/lib/api/handler';
import { problem, validationProblem } from '@/lib/api/problem';
import { getApiSale } from '@/lib/api/sales';
import { saleIdParamsSchema } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(
  { scope: 'read', rate: 'read' },
  async (_request, ctx, params) => {
    const parsed = saleIdParamsSchema.safeParse(params);
    if (!parsed.success) return validationProblem(parsed.error, ctx.headers);
    const sale = await getApiSale(ctx.db, ctx.agentId, parsed.data.id);
    return sale
      ? json(sale, ctx)
      : problem('not_found', { detail: 'No sale of yours has this id.', headers: ctx.headers });
  },
);
