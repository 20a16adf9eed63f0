import { apiRoute, json, parseQuery } from '@/lib/api/handler';
import { problem } from '@/lib/api/problem';
import { lookupNumber } from '@/lib/api/reads';
import { lookupQuerySchema } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ scope: 'read', rate: 'read' }, (request, ctx) => {
  const query = parseQuery(request, lookupQuerySchema, ctx);
  if (!query.ok) return query.response;
  const found = lookupNumber(query.data);
  if (!found) {
    const message =
      query.data.country === 'NG'
        ? 'Enter a Nigerian mobile number, like 0803 123 4567.'
        : 'Enter a 10-digit Indian mobile number starting with 6, 7, 8 or 9.';
    return problem('validation_failed', {
      field: 'phone',
      errors: [{ field: 'phone', message }],
      headers: ctx.headers,
    });
  }
  return json(found, ctx);
});
