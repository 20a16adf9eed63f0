/**
 * The HTTP phases of a run, against one stack (simulator + one or more portal processes on one
 * database): the health ceiling, the sale action (refused, instant, +200 ms, mixed outcomes), the API
 * sale and the pages. The load comes from bench/load.ts in a child process, split evenly across the
 * stack's portals; the orchestrator samples the database meanwhile.
 */
import { DURATION, SALE_AMOUNT_MAJOR, SIMULATOR_URL } from './config';
import type { LoadResult, LoadSpec } from './load';
import { lastJson, runScript } from './processes';
import { mixedTimeline, type Phases, type SalePhase } from './report';
import { openReader, type Sample } from './sampler';
import type { Stack } from './stack';

/** Every phase of Phases that runs over HTTP. */
export type HttpPhases = Omit<Phases, 'dbCeiling' | 'js'>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setProviderLatency(ms: number) {
  const res = await fetch(`${SIMULATOR_URL}/__control`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ latencyMs: ms }),
  });
  if (!res.ok) throw new Error(`simulator /__control answered ${res.status}`);
}

export async function runHttpPhases(
  stack: Stack,
  session: { cookie: string; actionId: string },
  log: (line: string) => void,
): Promise<HttpPhases> {
  const { cookie, actionId } = session;
  const load = async (spec: LoadSpec): Promise<LoadResult> => {
    log(
      `[bench] ${spec.name}: ${spec.connections} connections${stack.urls.length > 1 ? ` over ${stack.urls.length} portals` : ''}, ${spec.warmup} s warm-up + ${spec.duration} s`,
    );
    return lastJson<LoadResult>(
      await runScript('bench/load.ts', [JSON.stringify(spec)], process.env),
    );
  };
  const reader = openReader(stack.location);
  const base = { urls: stack.urls, warmup: DURATION.warmup };

  const health10 = await load({
    ...base,
    kind: 'get',
    name: 'health@10',
    path: '/api/health',
    connections: 10,
    duration: DURATION.health,
  });
  const health50 = await load({
    ...base,
    kind: 'get',
    name: 'health@50',
    path: '/api/health',
    connections: 50,
    duration: DURATION.health,
  });

  const sale = async (
    name: string,
    phase: number,
    providerLatencyMs: number,
    mix: 'success' | 'mixed' | 'refused',
  ): Promise<{ result: LoadResult; since: number }> => {
    await setProviderLatency(providerLatencyMs);
    const since = Date.now();
    // The mixed phase has no warm-up: its timeline starts with the load (the server is warm by then).
    const result = await load({
      ...base,
      kind: 'sale',
      name,
      connections: 50,
      warmup: mix === 'mixed' ? 0 : DURATION.warmup,
      duration: mix === 'mixed' ? DURATION.mixed : DURATION.pipeline,
      cookie,
      actionId,
      productId: stack.productId,
      amount: SALE_AMOUNT_MAJOR,
      phase,
      mix,
    });
    // Not one sale accepted means the request no longer reaches the action (encoding, session, action id): a broken bench.
    if (result.requests > 0 && result.non2xx + result.mismatches >= result.requests)
      throw new Error(
        `${name}: no response carried the expected result (${JSON.stringify(result)})`,
      );
    return { result, since };
  };
  // Sales still in flight when the load stops finish before they are counted (and before the next phase).
  const settled = async (since: number, maxMs = 8000) => {
    const deadline = Date.now() + maxMs;
    while (Date.now() < deadline && (await reader.sample(stack.agentId, since, 0)).pending > 0)
      await sleep(250);
    return {
      salesByStatus: await reader.counts(stack.agentId, since),
      ambiguousAnswers: await reader.ambiguousAnswers(stack.agentId, since),
    };
  };
  const actionFloor = (await sale('sale action, refused (empty number)', 4, 0, 'refused')).result;
  const instant = await sale('sale action, provider instant', 1, 0, 'success');
  const pipelineInstant: SalePhase = {
    ...instant.result,
    providerLatencyMs: 0,
    ...(await settled(instant.since)),
  };
  // The same sale through the REST API (JSON, Bearer key, Idempotency-Key), in the same run and conditions.
  const apiSince = Date.now();
  const apiRun = await load({
    ...base,
    kind: 'api-sale',
    name: 'API create-sale, provider instant',
    connections: 50,
    duration: DURATION.pipeline,
    apiKey: stack.apiKey,
    productId: stack.productId,
    amountMinor: Number(SALE_AMOUNT_MAJOR) * 100,
    phase: 5,
  });
  if (apiRun.requests > 0 && apiRun.non2xx + apiRun.mismatches >= apiRun.requests)
    throw new Error(`API create-sale: no response carried a sale (${JSON.stringify(apiRun)})`);
  const apiPipelineInstant: SalePhase = {
    ...apiRun,
    providerLatencyMs: 0,
    ...(await settled(apiSince)),
  };
  const slow = await sale('sale action, provider +200 ms', 2, 200, 'success');
  const pipeline200: SalePhase = {
    ...slow.result,
    providerLatencyMs: 200,
    ...(await settled(slow.since)),
  };
  await setProviderLatency(0);

  // Mixed outcomes: sample purchases by status every second during the load and until the backlog drains.
  const samples: Sample[] = [];
  const mixedSince = Date.now();
  const tick = async () => {
    samples.push(await reader.sample(stack.agentId, mixedSince, (Date.now() - mixedSince) / 1000));
  };
  const sampler = setInterval(
    () => tick().catch((error: unknown) => log(`[bench] sampling failed: ${String(error)}`)),
    1000,
  );
  const mixedRun = await sale('sale action, mixed outcomes', 3, 0, 'mixed');
  const loadEndT = (Date.now() - mixedSince) / 1000;
  await tick();
  const drainDeadline = Date.now() + DURATION.drainMax * 1000;
  while (Date.now() < drainDeadline && (samples[samples.length - 1]?.pending ?? 0) > 0)
    await sleep(250);
  clearInterval(sampler);
  await tick();
  const mixed = {
    ...mixedRun.result,
    salesByStatus: await reader.counts(stack.agentId, mixedSince),
    ambiguousAnswers: await reader.ambiguousAnswers(stack.agentId, mixedSince),
    byScenario: await reader.byScenario(stack.agentId, mixedSince),
    ...mixedTimeline(samples, loadEndT),
  };

  const historyRows = Object.values(await reader.counts(stack.agentId, 0)).reduce(
    (a, b) => a + b,
    0,
  );
  const page = (kind: 'get' | 'ttfb', name: string, p: string) =>
    load({ ...base, kind, name, path: p, connections: 20, duration: DURATION.pages, cookie });
  const pageFloorTtfb = await page('ttfb', 'GET /account TTFB (page floor)', '/account');
  const dashboard = await page('get', 'GET /dashboard', '/dashboard');
  const dashboardTtfb = await page('ttfb', 'GET /dashboard TTFB', '/dashboard');
  const history = await page('get', 'GET /transactions', '/transactions');
  const historyTtfb = await page('ttfb', 'GET /transactions TTFB', '/transactions');
  await reader.close();
  return {
    health10,
    health50,
    actionFloor,
    pipelineInstant,
    apiPipelineInstant,
    pipeline200,
    mixed,
    pageFloorTtfb,
    dashboard,
    dashboardTtfb,
    history,
    historyTtfb,
    historyRows,
  };
}
