import { apiAnswerBudget } from '@/lib/api/background';
import { apiRoute, json, parseQuery } from '@/lib/api/handler';
import { PROBLEM_CONTENT_TYPE, problem, validationProblem } from '@/lib/api/problem';
import { createSaleFromApi, listApiSales } from '@/lib/api/sales';
import { createSaleSchema, idempotencyHeaderSchema, listSalesQuerySchema } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ scope: 'read', rate: 'read' }, async (request, ctx) => {
  const query = parseQuery(request, listSalesQuerySchema, ctx);
  if (!query.ok) return query.response;
  return json(await listApiSales(ctx.db, ctx.agentId, query.data), ctx);
});

export const POST = apiRoute({ scope: 'sell', rate: 'sale' }, async (request, ctx) => {
  const headers = ctx.headers;
  const rawKey = request.headers.get('idempotency-key');
  if (rawKey === null)
    return problem('idempotency_key_missing', { field: 'Idempotency-Key', headers });
  const key = idempotencyHeaderSchema.safeParse({ 'idempotency-key': rawKey });
  if (!key.success)
    return problem('idempotency_key_invalid', { field: 'Idempotency-Key', headers });
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? ''))
    return problem('unsupported_media_type', { headers });
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return problem('invalid_json', { headers });
  }
  const body = createSaleSchema.safeParse(raw);
  if (!body.success) return validationProblem(body.error, headers);
  const answer = await createSaleFromApi(
    ctx.db,
    ctx.agentId,
    key.data['idempotency-key'],
    body.data,
    { answerBudget: apiAnswerBudget() },
    ctx.now,
  );
  const extra: Record<string, string> = {};
  if (answer.status >= 400) extra['Content-Type'] = PROBLEM_CONTENT_TYPE;
  if (answer.replayed) extra['Idempotent-Replayed'] = 'true';
  return json(answer.body, ctx, answer.status, extra);
});
