import type { z } from 'zod';
import { getDb, type Db } from '@/db';
import type { ApiScope } from '@/db/schema';
import { clientIp } from '@/lib/auth/client-ip';
import { addressInList } from '@/lib/trust-proxy';
import { findApiKey, recordApiKeyUse, type ApiKey } from './keys';
import { problem, validationProblem, type ProblemCode } from './problem';
import { consumeRate, rateLimitHeaders, type RateKind } from './rate-limit';

export interface ApiContext {
  db: Db;
  agentId: number;
  key: ApiKey;
  ip: string;
  now: number;
  /** The RateLimit-* headers, for the handler's answer. */
  headers: Record<string, string>;
}

type Params = Record<string, string>;
type Handler<P extends Params> = (
  request: Request,
  ctx: ApiContext,
  params: P,
) => Promise<Response> | Response;

/** The Authorization header's key, or null when the header is missing or not a Bearer token. */
function bearer(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

type Authenticated = { key: ApiKey } | { refusal: ProblemCode };

/** Who is calling, in the order a client can fix things: the key, its owner, the address, the scope. */
async function authenticate(
  db: Db,
  request: Request,
  ip: string,
  scope: ApiScope,
): Promise<Authenticated> {
  if (!request.headers.get('authorization')) return { refusal: 'authentication_required' };
  const token = bearer(request);
  const found = token ? await findApiKey(db, token) : undefined;
  if (!found) return { refusal: 'invalid_api_key' };
  // Checked on every request against the database: a revoke or a disable stops the key at once.
  if (found.key.revokedAt !== null) return { refusal: 'api_key_revoked' };
  if (found.agentStatus !== 'active' || found.agentRole !== 'agent')
    return { refusal: 'account_disabled' };
  const allowed = found.key.allowedIps;
  if (allowed && allowed.length > 0 && !addressInList(allowed, ip))
    return { refusal: 'ip_not_allowed' };
  if (!found.key.scopes.includes(scope)) return { refusal: 'insufficient_scope' };
  return { key: found.key };
}

/**
 * The one door of every /api/v1 route: key, scope and rate limit, then the handler. Anything the handler
 * throws is a 500 problem document, never an HTML page or a stack trace.
 */
export function apiRoute<P extends Params = Params>(
  options: { scope: ApiScope; rate: RateKind },
  handler: Handler<P>,
) {
  return async (request: Request, context?: { params: Promise<P> }): Promise<Response> => {
    const db = getDb();
    const now = Date.now();
    const ip = clientIp(request.headers);
    const auth = await authenticate(db, request, ip, options.scope);
    if ('refusal' in auth) {
      const headers: Record<string, string> =
        auth.refusal === 'authentication_required' || auth.refusal === 'invalid_api_key'
          ? { 'WWW-Authenticate': 'Bearer realm="api"' }
          : {};
      return problem(auth.refusal, { headers });
    }
    await recordApiKeyUse(db, auth.key, ip, now);
    const decision = await consumeRate(db, auth.key, options.rate, now);
    const headers = rateLimitHeaders(decision);
    if (!decision.allowed) {
      return problem('rate_limited', {
        headers: { ...headers, 'Retry-After': String(decision.resetSeconds) },
      });
    }
    try {
      const params = (context ? await context.params : {}) as P;
      return await handler(
        request,
        { db, agentId: auth.key.agentId, key: auth.key, ip, now, headers },
        params,
      );
    } catch (error) {
      console.error('[api] handler failed', error);
      return problem('internal_error', { headers });
    }
  };
}

/** A JSON answer with the rate-limit headers and no caching. */
export function json(
  body: unknown,
  ctx: Pick<ApiContext, 'headers'>,
  status = 200,
  extra: Record<string, string> = {},
): Response {
  return Response.json(body, {
    status,
    headers: { 'Cache-Control': 'no-store', ...ctx.headers, ...extra },
  });
}

/** Parses the query string with a schema: the value, or the problem document to answer with. */
export function parseQuery<S extends z.ZodType>(
  request: Request,
  schema: S,
  ctx: Pick<ApiContext, 'headers'>,
) {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return parsed.success
    ? ({ ok: true, data: parsed.data as z.infer<S> } as const)
    : ({ ok: false, response: validationProblem(parsed.error, ctx.headers) } as const);
}
