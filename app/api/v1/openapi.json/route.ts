import { openApiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-static';

/** The API's OpenAPI 3.1 document, public like the reference page it feeds. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
