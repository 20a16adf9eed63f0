// The wire-compatible simulator: one node:http server, each provider under its own path prefix
// (/jonet/api_live/v1, /vtpass/api, /cwg, /rechargekit), plus GET /__health, POST /__control, GET /__sales.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { CWG_DEFAULT_PATHS } from '../lib/providers/cwg/client';
import { DEMO_CREDENTIALS } from '../lib/providers/demo-credentials';
import { JONET_DEFAULT_PATHS } from '../lib/providers/jonet/client';
import { RK_DEFAULT_PATHS } from '../lib/providers/rechargekit/client';
import { SIMULATOR_PREFIX } from '../lib/providers/registry';
import type { ProviderId } from '../lib/providers/registry';
import { VTPASS_DEFAULT_PATHS } from '../lib/providers/vtpass/client';
import { deliverCallback, type CallbackDelivery } from './callbacks';
import { resolvePaths, type HandlerContext } from './providers/context';
import { createCwgHandler } from './providers/cwg';
import { createJonetHandler } from './providers/jonet';
import { createRechargekitHandler } from './providers/rechargekit';
import { createVtpassHandler } from './providers/vtpass';
import { SaleBook, type Sale } from './sales';
import type { ProviderHandler, Reply, SimRequest } from './wire';
import type { CwgHashRecipe } from '../lib/providers/cwg/hash';

export interface SimulatorOptions {
  port?: number; // 0 = random
  host?: string;
  now?: () => Date;
  /** Portal origin; when set, callbacks go to `${callbackBaseUrl}/api/callbacks/<provider>`. */
  callbackBaseUrl?: string;
  latencyMs?: number;
  pendingResolveMs?: number; // default 3000
  credentials?: Partial<Record<ProviderId, Record<string, string>>>;
  /** Per-provider path overrides (the GAP paths), same keys as the adapters' `paths`. */
  paths?: Partial<Record<ProviderId, Record<string, string>>>;
  referenceToleranceMinutes?: number; // JO104 / VTpass 085; default 5
  vtpassDuplicateWindowMs?: number; // VTpass 019 window; default 0 = off (set 30000 for the real rule)
  timeoutHoldMs?: number; // magic 53: how long to hold before answering; default 35000
  cwgTokenTtlSec?: number; // default 43199
  cwgHashRecipe?: CwgHashRecipe | 'off'; // default 'off' (hash recipe is a GAP)
  callbackRetryDelayMs?: number; // default 1000
  startingBalanceMinor?: Partial<Record<ProviderId, number>>;
  /** Keeps the sale records in this file across restarts (JSON lines); in memory only when unset. */
  dataFile?: string;
  log?: (line: string) => void;
  /** Serve HTTPS with this key and certificate (PEM), like a provider behind a private CA. */
  tls?: { key: string; cert: string };
}

export interface RunningSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
  setLatency(ms: number): void;
  /** Holds the later resolution (pending -> final, success -> reversed) of a phone's sales, or of all. */
  hold(target: string): void;
  /** Ends the hold; a phone's or reference's resolutions happen before this returns (see SaleBook.release). */
  release(target: string): Sale[];
  /** CWG token requests answered since start (also on GET /__health). */
  cwgTokenRequests(): number;
  /** Settles when every callback started so far has finished (acked or out of attempts). */
  callbacksIdle(): Promise<CallbackDelivery[]>;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? (() => {});
  let latencyMs = opts.latencyMs ?? 0;
  let closed = false;
  const deliveries: Promise<CallbackDelivery>[] = [];
  const handlers = {} as Record<ProviderId, ProviderHandler>;

  const book = new SaleBook({
    now,
    pendingResolveMs: opts.pendingResolveMs ?? 3000,
    dataFile: opts.dataFile,
    startingBalanceMinor: {
      jonet: 25_000_000,
      vtpass: 25_000_050,
      cwg: 25_000_000,
      rechargekit: 5_000_000,
      ...opts.startingBalanceMinor,
    },
    onResolved: (sale: Sale) => {
      if (!opts.callbackBaseUrl || closed) return;
      const cb = handlers[sale.provider].callbackFor(sale);
      deliveries.push(
        deliverCallback(
          opts.callbackBaseUrl,
          sale.provider,
          sale.reference,
          cb,
          opts.callbackRetryDelayMs ?? 1000,
          () => closed,
        ),
      );
    },
  });
  const ctx = (id: ProviderId, defaults: Record<string, string>): HandlerContext => ({
    book,
    now,
    log,
    credentials: { ...DEMO_CREDENTIALS[id], ...opts.credentials?.[id] },
    paths: resolvePaths(defaults, opts.paths?.[id]),
    referenceToleranceMinutes: opts.referenceToleranceMinutes ?? 5,
  });
  const cwg = createCwgHandler(
    ctx('cwg', {
      ...CWG_DEFAULT_PATHS,
      tokenAlt: '/api/auth/uaa/api/oauth2/token',
      catalogueAlt: '/api/router/vend/query/subscription',
    }),
    { tokenTtlSec: opts.cwgTokenTtlSec ?? 43199, hashRecipe: opts.cwgHashRecipe ?? 'off' },
  );
  handlers.jonet = createJonetHandler(ctx('jonet', JONET_DEFAULT_PATHS));
  handlers.vtpass = createVtpassHandler(
    ctx('vtpass', VTPASS_DEFAULT_PATHS),
    opts.vtpassDuplicateWindowMs ?? 0,
  );
  handlers.cwg = cwg;
  handlers.rechargekit = createRechargekitHandler(ctx('rechargekit', RK_DEFAULT_PATHS));

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const rawBody = await readBody(req);
    if (url.pathname === '/__health')
      return write(res, {
        kind: 'json',
        body: { ok: true, latencyMs, cwgTokenRequests: cwg.tokenRequests() },
      });
    if (url.pathname === '/__sales') return write(res, { kind: 'json', body: book.list() });
    if (url.pathname === '/__control' && req.method === 'POST') {
      const body = parseJson(rawBody) as
        | { latencyMs?: unknown; cwgRevokeTokens?: unknown; hold?: unknown; release?: unknown }
        | undefined;
      for (const key of ['hold', 'release'] as const) {
        const target = body?.[key];
        if (target !== undefined && (typeof target !== 'string' || target.trim() === '')) {
          return write(res, {
            kind: 'json',
            status: 400,
            body: { error: `${key} takes a phone, a reference or "all"` },
          });
        }
      }
      if (typeof body?.latencyMs === 'number' && body.latencyMs >= 0) latencyMs = body.latencyMs;
      if (body?.cwgRevokeTokens === true) cwg.revokeTokens();
      if (typeof body?.hold === 'string') book.hold(body.hold.trim());
      const released =
        typeof body?.release === 'string'
          ? book.release(body.release.trim()).map((s) => s.reference)
          : [];
      return write(res, {
        kind: 'json',
        body: { ok: true, latencyMs, holds: book.holds(), released },
      });
    }
    const id = (Object.keys(SIMULATOR_PREFIX) as ProviderId[]).find(
      (p) =>
        url.pathname === SIMULATOR_PREFIX[p] || url.pathname.startsWith(`${SIMULATOR_PREFIX[p]}/`),
    );
    if (!id)
      return write(res, { kind: 'json', status: 404, body: { error: 'no such provider prefix' } });
    const simReq: SimRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.slice(SIMULATOR_PREFIX[id].length).replace(/^\/+|\/+$/g, ''),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers as Record<string, string | undefined>,
      rawBody,
      json: parseJson(rawBody),
    };
    const reply = await handlers[id].handle(simReq);
    if (latencyMs > 0) await sleep(latencyMs);
    await send(res, reply);
  }

  async function send(res: ServerResponse, reply: Reply): Promise<void> {
    if (reply.kind === 'reset') return void res.socket?.destroy();
    if (reply.kind === 'hold') {
      const gone = new Promise<void>((r) => res.once('close', () => r()));
      await Promise.race([gone, sleep(opts.timeoutHoldMs ?? 35_000)]);
      if (res.writableEnded || res.destroyed || closed) return;
      return send(res, reply.then);
    }
    write(res, reply);
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err: unknown) => {
      log(`simulator error: ${err instanceof Error ? err.stack : String(err)}`);
      if (!res.headersSent)
        write(res, { kind: 'json', status: 500, body: { error: 'simulator bug' } });
    });
  };
  const server = opts.tls ? createTlsServer(opts.tls, handle) : createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? '127.0.0.1';
  return {
    url: `${opts.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    setLatency: (ms) => void (latencyMs = Math.max(0, ms)),
    hold: (target) => book.hold(target),
    release: (target) => book.release(target),
    callbacksIdle: () => Promise.all(deliveries),
    cwgTokenRequests: () => cwg.tokenRequests(),
    close: async () => {
      closed = true;
      book.dispose();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function write(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.writableEnded) return;
  if (reply.kind === 'json') {
    res
      .writeHead(reply.status ?? 200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify(reply.body));
  } else if (reply.kind === 'text') {
    res.writeHead(reply.status, { 'Content-Type': reply.contentType }).end(reply.body);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());
