import { getDb } from '@/db';
import { clientIp } from '@/lib/auth/client-ip';
import { handleCallback } from '@/lib/purchases/callbacks';
import { isProviderId } from '@/lib/providers/registry';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 64 * 1024;

async function receive(request: Request, params: Promise<{ provider: string }>) {
  const { provider } = await params;
  if (!isProviderId(provider)) return Response.json({ error: 'unknown provider' }, { status: 404 });
  const rawBody = request.method === 'GET' ? '' : await request.text();
  if (rawBody.length > MAX_BODY_BYTES)
    return Response.json({ error: 'body too large' }, { status: 413 });
  const url = new URL(request.url);
  const { ack } = await handleCallback(
    getDb(),
    provider,
    {
      method: request.method,
      headers: Object.fromEntries(request.headers.entries()),
      query: Object.fromEntries(url.searchParams.entries()),
      rawBody,
    },
    undefined,
    Date.now,
    clientIp(request.headers),
  );
  return new Response(ack.body, {
    status: ack.status,
    headers: { 'Content-Type': ack.contentType },
  });
}

export function POST(request: Request, ctx: { params: Promise<{ provider: string }> }) {
  return receive(request, ctx.params);
}

// RechargeKit may deliver its callback as a GET with query parameters (docs/providers/rechargekit.md#callbacks).
export function GET(request: Request, ctx: { params: Promise<{ provider: string }> }) {
  return receive(request, ctx.params);
}
