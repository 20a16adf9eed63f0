// The provider simulator's own wire handlers (all four protocols, every magic number), reached through an
// injected fetch instead of a socket: no server, no port, no process. The fast money tests use it so a
// sale, a requery or a callback runs in microseconds while the answers stay exactly the simulator's.
// A held answer (53) is a timeout at once and a reset (54) a network error, as a real client sees them.
import { CWG_DEFAULT_PATHS } from '@/lib/providers/cwg/client';
import { DEMO_CREDENTIALS } from '@/lib/providers/demo-credentials';
import { JONET_DEFAULT_PATHS } from '@/lib/providers/jonet/client';
import { RK_DEFAULT_PATHS } from '@/lib/providers/rechargekit/client';
import { SIMULATOR_PREFIX } from '@/lib/providers/registry';
import type { CallbackInput } from '@/lib/providers/types';
import type { ProviderId } from '@/lib/providers/registry';
import { VTPASS_DEFAULT_PATHS } from '@/lib/providers/vtpass/client';
import { resolvePaths, type HandlerContext } from '@/simulator/providers/context';
import { createCwgHandler } from '@/simulator/providers/cwg';
import { createJonetHandler } from '@/simulator/providers/jonet';
import { createRechargekitHandler } from '@/simulator/providers/rechargekit';
import { createVtpassHandler } from '@/simulator/providers/vtpass';
import { SaleBook, type Sale } from '@/simulator/sales';
import type { ProviderHandler, Reply } from '@/simulator/wire';

export const IN_PROCESS_URL = 'http://simulator.in-process';

export interface InProcessSimulator {
  url: string;
  fetch: typeof fetch;
  book: SaleBook;
  /** Every provider call made so far, oldest first: `${provider} ${path}`. */
  calls: string[];
  /** The callback a provider would send now for the sale under this reference (null: no such sale). */
  callbackFor(provider: ProviderId, reference: string): CallbackInput | null;
  dispose(): void;
}

export interface InProcessOptions {
  pendingResolveMs?: number;
  now?: () => Date;
}

export function createInProcessSimulator(opts: InProcessOptions = {}): InProcessSimulator {
  const now = opts.now ?? (() => new Date());
  const book = new SaleBook({
    now,
    pendingResolveMs: opts.pendingResolveMs ?? 60_000,
    onResolved: () => {},
    startingBalanceMinor: {
      jonet: 25_000_000,
      vtpass: 25_000_050,
      cwg: 25_000_000,
      rechargekit: 5_000_000,
    },
  });
  const ctx = (id: ProviderId, defaults: Record<string, string>): HandlerContext => ({
    book,
    now,
    log: () => {},
    credentials: { ...DEMO_CREDENTIALS[id] },
    paths: resolvePaths(defaults),
    referenceToleranceMinutes: 5,
  });
  const handlers: Record<ProviderId, ProviderHandler> = {
    jonet: createJonetHandler(ctx('jonet', JONET_DEFAULT_PATHS)),
    vtpass: createVtpassHandler(ctx('vtpass', VTPASS_DEFAULT_PATHS), 0),
    cwg: createCwgHandler(
      ctx('cwg', {
        ...CWG_DEFAULT_PATHS,
        tokenAlt: '/api/auth/uaa/api/oauth2/token',
        catalogueAlt: '/api/router/vend/query/subscription',
      }),
      { tokenTtlSec: 43199, hashRecipe: 'off' },
    ),
    rechargekit: createRechargekitHandler(ctx('rechargekit', RK_DEFAULT_PATHS)),
  };
  const calls: string[] = [];

  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const id = (Object.keys(SIMULATOR_PREFIX) as ProviderId[]).find((p) =>
      url.pathname.startsWith(`${SIMULATOR_PREFIX[p]}/`),
    );
    if (!id) return new Response('{"error":"no such provider prefix"}', { status: 404 });
    const rawBody = typeof init?.body === 'string' ? init.body : '';
    const headers = Object.fromEntries(
      Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [
        k.toLowerCase(),
        v,
      ]),
    );
    const path = url.pathname.slice(SIMULATOR_PREFIX[id].length).replace(/^\/+|\/+$/g, '');
    calls.push(`${id} ${path}`);
    const reply = await handlers[id].handle({
      method: init?.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      headers,
      rawBody,
      json: parseJson(rawBody),
    });
    return toResponse(reply);
  }) as typeof fetch;

  return {
    url: IN_PROCESS_URL,
    fetch: fakeFetch,
    book,
    calls,
    callbackFor(provider, reference) {
      const sale: Sale | undefined = book.get(provider, reference);
      if (!sale) return null;
      const cb = handlers[provider].callbackFor(sale);
      return {
        method: cb.method,
        headers: Object.fromEntries(
          Object.entries(cb.headers).map(([k, v]) => [k.toLowerCase(), v]),
        ),
        query: {},
        rawBody: cb.body,
      };
    },
    dispose: () => book.dispose(),
  };
}

function toResponse(reply: Reply): Response {
  switch (reply.kind) {
    case 'json':
      return new Response(JSON.stringify(reply.body), {
        status: reply.status ?? 200,
        headers: { 'content-type': 'application/json' },
      });
    case 'text':
      return new Response(reply.body, {
        status: reply.status,
        headers: { 'content-type': reply.contentType },
      });
    case 'reset':
      throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    case 'hold':
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
