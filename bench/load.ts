/**
 * Child process: the load generator, kept out of the server's process (and out of the orchestrator,
 * which samples the database meanwhile). One phase per run: spec as JSON in argv[2], result as one
 * JSON line on stdout. Latency is recorded per response (autocannon's own percentiles have no p95).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { apiSaleAccepted, apiSaleSetup, API_SALES_PATH } from './api-sale-request';
import { saleAccepted, saleBody, saleHeaders, saleRefused, SALE_PAGE } from './sale-request';
import { summarize, type LatencySummary } from './stats';

export type LoadSpec =
  | {
      kind: 'get';
      name: string;
      /** One or more portal processes: the connections are split evenly across them. */
      urls: string[];
      path: string;
      connections: number;
      duration: number;
      warmup: number;
      cookie?: string;
    }
  | {
      kind: 'ttfb';
      name: string;
      /** One or more portal processes: the connections are split evenly across them. */
      urls: string[];
      path: string;
      connections: number;
      duration: number;
      warmup: number;
      cookie?: string;
    }
  | {
      kind: 'sale';
      name: string;
      /** One or more portal processes: the connections are split evenly across them. */
      urls: string[];
      connections: number;
      duration: number;
      warmup: number;
      cookie: string;
      actionId: string;
      productId: number;
      amount: string;
      phase: number;
      mix: 'success' | 'mixed' | 'refused';
    }
  | {
      kind: 'api-sale';
      name: string;
      /** One or more portal processes: the connections are split evenly across them. */
      urls: string[];
      connections: number;
      duration: number;
      warmup: number;
      apiKey: string;
      productId: number;
      amountMinor: number;
      phase: number;
    };

export interface LoadResult {
  name: string;
  connections: number;
  /** How many portal processes shared the connections, when more than one. */
  portals?: number;
  seconds: number;
  requests: number;
  throughput: number;
  latencyMs: LatencySummary;
  ttfbMs?: LatencySummary;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
}

// Mixed outcomes by the simulator's magic last two digits, in a fixed cycle of 20:
// 14 success (00–49), 2 failed (59), 2 pending→success (51), 1 hang past the timeout (53), 1 HTML 500 (55).
const MIXED_CYCLE = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '59',
  '51',
  '53',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  '14',
  '59',
  '51',
  '55',
];
const MTN_PREFIXES = ['0803', '0806', '0813', '0816', '0703', '0706', '0903', '0906'];

function saleSetup(spec: Extract<LoadSpec, { kind: 'sale' }>) {
  let n = 0;
  const prefix = MTN_PREFIXES[spec.phase % MTN_PREFIXES.length]!;
  const stamp = Date.now().toString(36);
  return (req: autocannon.Request) => {
    n += 1;
    const suffix =
      spec.mix === 'mixed' ? MIXED_CYCLE[n % MIXED_CYCLE.length]! : String(n % 50).padStart(2, '0');
    // 'refused': an empty number, which zod refuses before anything is read or written.
    const phone =
      spec.mix === 'refused' ? '' : `${prefix}${String(n % 100_000).padStart(5, '0')}${suffix}`;
    const body = saleBody(spec.actionId, {
      idempotencyKey: `bench-${spec.phase}-${stamp}-${n}`,
      productId: spec.productId,
      network: 'MTN',
      phone,
      amount: spec.amount,
    });
    return { ...req, body };
  };
}

/**
 * One autocannon run of warm-up + duration on the same connections; only responses after the
 * warm-up count. (A second run would open 50 new connections while the first run's requests are
 * still in flight, and measure that transient instead of the steady state.)
 */
async function runAutocannon(spec: Exclude<LoadSpec, { kind: 'ttfb' }>): Promise<LoadResult> {
  const latencies: number[] = [];
  const recordFrom = performance.now() + spec.warmup * 1000;
  // One request factory for every portal: the keys and numbers it hands out stay unique across them.
  const setupRequest =
    spec.kind === 'sale' ? saleSetup(spec) : spec.kind === 'api-sale' ? apiSaleSetup(spec) : null;
  const parts = await Promise.all(
    spec.urls.map((url, i) =>
      oneAutocannon(spec, setupRequest, {
        url,
        connections: share(spec.connections, spec.urls.length, i),
        recordFrom,
        latencies,
      }),
    ),
  );
  const measured = Math.max(0.001, (performance.now() - recordFrom) / 1000);
  const sum = (key: 'non2xx' | 'errors' | 'timeouts' | 'mismatches') =>
    parts.reduce((a, r) => a + r[key], 0);
  return {
    name: spec.name,
    connections: spec.connections,
    ...(spec.urls.length > 1 ? { portals: spec.urls.length } : {}),
    seconds: Math.round(measured * 100) / 100,
    requests: latencies.length,
    throughput: Math.round((latencies.length / measured) * 10) / 10,
    latencyMs: summarize(latencies),
    non2xx: sum('non2xx'),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    mismatches: sum('mismatches'),
  };
}

/** The first body that failed its check, printed to stderr: what the portal said instead. */
let mismatchShown = false;
function keepFirstMismatch(check: (body: string | Buffer | undefined) => boolean) {
  return (body: string | Buffer | undefined) => {
    const ok = check(body);
    if (!ok && !mismatchShown) {
      mismatchShown = true;
      console.error(`[load] first body without the expected result: ${String(body).slice(0, 600)}`);
    }
    return ok;
  };
}

/** Connection `i`'s share of `total` split over `n` portals (the first ones take the remainder). */
const share = (total: number, n: number, i: number) =>
  Math.floor(total / n) + (i < total % n ? 1 : 0);

/** One autocannon instance against one portal; every response after the warm-up goes to `latencies`. */
function oneAutocannon(
  spec: Exclude<LoadSpec, { kind: 'ttfb' }>,
  setupRequest: ((req: autocannon.Request) => autocannon.Request) | null,
  to: { url: string; connections: number; recordFrom: number; latencies: number[] },
): Promise<autocannon.Result> {
  const { url, connections, recordFrom, latencies } = to;
  const request: autocannon.Request =
    spec.kind === 'sale'
      ? {
          method: 'POST',
          path: SALE_PAGE,
          headers: saleHeaders(spec.actionId, spec.cookie, url),
          setupRequest: setupRequest!,
        }
      : spec.kind === 'api-sale'
        ? { method: 'POST', path: API_SALES_PATH, setupRequest: setupRequest! }
        : { method: 'GET', path: spec.path, headers: spec.cookie ? { cookie: spec.cookie } : {} };
  // A body without the expected result (the sale, or the refusal) counts as a mismatch.
  const verifyBody =
    spec.kind === 'api-sale'
      ? apiSaleAccepted
      : spec.kind !== 'sale'
        ? undefined
        : spec.mix === 'refused'
          ? saleRefused
          : saleAccepted;
  const options: autocannon.Options = {
    url,
    connections,
    duration: spec.warmup + spec.duration,
    requests: [request],
    timeout: 30,
    ...(verifyBody ? { verifyBody: keepFirstMismatch(verifyBody) } : {}),
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    instance.on(
      'response',
      (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
        if (performance.now() >= recordFrom) latencies.push(responseTime);
      },
    );
  });
}

/**
 * Time to first byte: headers arrive with the first flushed chunk, so 'response' marks the first byte.
 * Like the autocannon phases, the warm-up runs on the same keep-alive connections and only requests
 * sent after it count.
 */
async function runTtfb(spec: Extract<LoadSpec, { kind: 'ttfb' }>): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const ttfb: number[] = [];
  const total: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const recordFrom = performance.now() + spec.warmup * 1000;
  const deadline = recordFrom + spec.duration * 1000;
  const once = (url: string) =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const counted = start >= recordFrom;
      const req = http.get(
        `${url}${spec.path}`,
        { agent, headers: spec.cookie ? { cookie: spec.cookie } : {} },
        (res) => {
          const first = performance.now() - start;
          if (counted && (res.statusCode ?? 0) >= 300) non2xx += 1;
          res.on('data', () => {});
          res.on('end', () => {
            if (counted) {
              ttfb.push(first);
              total.push(performance.now() - start);
            }
            resolve();
          });
          res.on('error', () => {
            if (counted) errors += 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        if (counted) errors += 1;
        resolve();
      });
    });
  await Promise.all(
    // Connection loop i talks to portal i mod n: the connections split evenly across the portals.
    Array.from({ length: spec.connections }, async (_, i) => {
      const url = spec.urls[i % spec.urls.length]!;
      while (performance.now() < deadline) await once(url);
    }),
  );
  const measured = Math.max(0.001, (performance.now() - recordFrom) / 1000);
  agent.destroy();
  return {
    name: spec.name,
    connections: spec.connections,
    ...(spec.urls.length > 1 ? { portals: spec.urls.length } : {}),
    seconds: Math.round(measured * 100) / 100,
    requests: ttfb.length,
    throughput: Math.round((ttfb.length / measured) * 10) / 10,
    latencyMs: summarize(total),
    ttfbMs: summarize(ttfb),
    non2xx,
    errors,
    timeouts: 0,
    mismatches: 0,
  };
}

async function main() {
  const spec = JSON.parse(process.argv[2] ?? '') as LoadSpec;
  if (spec.kind === 'ttfb') {
    process.stdout.write(`${JSON.stringify(await runTtfb(spec))}\n`);
    return;
  }
  process.stdout.write(`${JSON.stringify(await runAutocannon(spec))}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
