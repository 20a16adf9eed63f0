/**
 * `npm run bench` (issue #10): builds the portal into .next-bench, starts it and the simulator on
 * their own ports and database, drives them with autocannon from a separate child process, checks
 * I1–I9 on every bench database, writes bench/results/<date>.json and prints a table.
 * Exits 1 only on an invariant violation or a crash; performance targets are reported, not asserted.
 * Flags: --quick (short phases, result as .tmp), --skip-build (reuse .next-bench).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '@/db/client';
import { closeDatabase } from '@/db/query';
import { allViolations } from '@/lib/ledger/invariants';
import {
  childEnv,
  DIST_DIR,
  DURATION,
  LEDGER_DB,
  PORTAL_DB,
  PORTAL_SETTINGS,
  PORTAL_URL,
  QUICK,
  RESULTS_DIR,
  SALE_AMOUNT_MAJOR,
  SIM_SETTINGS,
  SIMULATOR_URL,
  SKIP_BUILD,
} from './config';
import { AGENT_PAGES, measureJs } from './js-size';
import type { LoadResult, LoadSpec } from './load';
import { lastJson, runScript, stopAll, wasInterrupted } from './processes';
import {
  mixedTimeline,
  printTable,
  ratios,
  targets,
  type DbCeiling,
  type Phases,
  type SalePhase,
} from './report';
import { openReader, type Sample } from './sampler';
import { PORTAL_V8_FLAGS } from '@/scripts/portal-node-options';
import { signIn } from './session';
import { sellActionId } from './action-id';
import { startStack } from './stack';
import { snapshotTsconfig } from '@/scripts/keep-tsconfig';

const log = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function build(): Promise<number> {
  const started = Date.now();
  log(`[bench] next build → ${DIST_DIR}`);
  const restoreTsconfig = snapshotTsconfig();
  return new Promise<number>((resolve, reject) => {
    const child = spawn('node_modules/.bin/next', ['build'], {
      env: childEnv(),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve((Date.now() - started) / 1000)
        : reject(new Error(`next build exited with ${code}`)),
    );
  }).finally(restoreTsconfig);
}

const load = async (spec: LoadSpec): Promise<LoadResult> => {
  log(
    `[bench] ${spec.name}: ${spec.connections} connections, ${spec.warmup} s warm-up + ${spec.duration} s`,
  );
  return lastJson<LoadResult>(
    await runScript('bench/load.ts', [JSON.stringify(spec)], process.env),
  );
};

async function setProviderLatency(ms: number) {
  const res = await fetch(`${SIMULATOR_URL}/__control`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ latencyMs: ms }),
  });
  if (!res.ok) throw new Error(`simulator /__control answered ${res.status}`);
}

/** The chunks each agent page's HTML really references, compared with what the manifest method counts. */
async function htmlCrossCheck(
  cookie: string,
  js: ReturnType<typeof measureJs>,
): Promise<Record<string, boolean>> {
  const build = JSON.parse(fs.readFileSync(path.join(DIST_DIR, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
    polyfillFiles: string[];
  };
  const skip = new Set([...build.rootMainFiles, ...build.polyfillFiles].map((f) => `/_next/${f}`));
  const out: Record<string, boolean> = {};
  for (const page of AGENT_PAGES.filter((p) => !p.includes('['))) {
    const html = await (await fetch(`${PORTAL_URL}/${page}`, { headers: { cookie } })).text();
    const chunks = new Set(
      [...html.matchAll(/\/_next\/static\/chunks\/[^"\\]+?\.js/g)]
        .map((m) => m[0])
        .filter((c) => !skip.has(c)),
    );
    out[`/${page}`] = chunks.size === js.pages.find((p) => p.page === `/${page}`)?.chunks;
  }
  return out;
}

function versions() {
  const pkg = (name: string) =>
    (
      JSON.parse(fs.readFileSync(path.join('node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  const mem = new Database(':memory:');
  const sqlite = (mem.prepare('select sqlite_version() as v').get() as { v: string }).v;
  mem.close();
  return {
    node: process.version,
    next: pkg('next'),
    react: pkg('react'),
    sqlite,
    betterSqlite3: pkg('better-sqlite3'),
    drizzleOrm: pkg('drizzle-orm'),
    autocannon: pkg('autocannon'),
  };
}

async function main() {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const buildSeconds = SKIP_BUILD ? null : await build();
  const jsSizes = measureJs(DIST_DIR);

  log(`[bench] DB ceiling: ${DURATION.dbCeiling} s each, ledger and raw SQL in alternating slices`);
  const dbCeiling = lastJson<DbCeiling>(
    await runScript('bench/db-ceiling.ts', [], childEnv({ DATABASE_PATH: LEDGER_DB })),
  );

  const stack = await startStack(log);
  const cookie = await signIn();
  const actionId = sellActionId();
  const reader = openReader(PORTAL_DB);
  const base = { url: PORTAL_URL, warmup: DURATION.warmup };

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
      throw new Error(`${name}: no response carried the expected result`);
    return { result, since };
  };
  // Sales still in flight when the load stops finish before they are counted (and before the next phase).
  const settled = async (since: number, maxMs = 8000) => {
    const deadline = Date.now() + maxMs;
    while (Date.now() < deadline && reader.sample(stack.agentId, since, 0).pending > 0)
      await sleep(250);
    return {
      salesByStatus: reader.counts(stack.agentId, since),
      ambiguousAnswers: reader.ambiguousAnswers(stack.agentId, since),
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
    throw new Error('API create-sale: no response carried a sale');
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
  const tick = () =>
    samples.push(reader.sample(stack.agentId, mixedSince, (Date.now() - mixedSince) / 1000));
  const sampler = setInterval(tick, 1000);
  const mixedRun = await sale('sale action, mixed outcomes', 3, 0, 'mixed');
  const loadEndT = (Date.now() - mixedSince) / 1000;
  tick();
  const drainDeadline = Date.now() + DURATION.drainMax * 1000;
  while (Date.now() < drainDeadline && (samples[samples.length - 1]?.pending ?? 0) > 0)
    await sleep(250);
  clearInterval(sampler);
  tick();
  const mixed = {
    ...mixedRun.result,
    salesByStatus: reader.counts(stack.agentId, mixedSince),
    ambiguousAnswers: reader.ambiguousAnswers(stack.agentId, mixedSince),
    byScenario: reader.byScenario(stack.agentId, mixedSince),
    ...mixedTimeline(samples, loadEndT),
  };

  const historyRows = Object.values(reader.counts(stack.agentId, 0)).reduce((a, b) => a + b, 0);
  const page = (kind: 'get' | 'ttfb', name: string, p: string) =>
    load({ ...base, kind, name, path: p, connections: 20, duration: DURATION.pages, cookie });
  const pageFloorTtfb = await page('ttfb', 'GET /account TTFB (page floor)', '/account');
  const dashboard = await page('get', 'GET /dashboard', '/dashboard');
  const dashboardTtfb = await page('ttfb', 'GET /dashboard TTFB', '/dashboard');
  const history = await page('get', 'GET /transactions', '/transactions');
  const historyTtfb = await page('ttfb', 'GET /transactions TTFB', '/transactions');
  const js = { ...jsSizes, htmlCrossCheck: await htmlCrossCheck(cookie, jsSizes) };
  reader.close();
  await stopAll();

  const portalDb = openDatabase(PORTAL_DB, { migrate: false });
  const portalViolations = await allViolations(portalDb);
  await closeDatabase(portalDb);
  const violations = [
    ...portalViolations.map((v) => `portal db: ${v}`),
    ...dbCeiling.violations.ledger.map((v) => `ledger ceiling db: ${v}`),
    ...dbCeiling.violations.raw.map((v) => `raw ceiling db: ${v}`),
    ...dbCeiling.violations.rawUnprepared.map((v) => `raw unprepared db: ${v}`),
  ];

  const phases: Phases = {
    dbCeiling,
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
    js,
  };
  const report = {
    issue: 10,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    quick: QUICK,
    versions: versions(),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 1e9),
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg(),
      platform: `${os.platform()} ${os.release()}`,
    },
    settings: {
      sqlite: { journal_mode: 'WAL', synchronous: 'FULL', busy_timeout: 10000, foreign_keys: 'ON' },
      portal: {
        ...PORTAL_SETTINGS,
        url: PORTAL_URL,
        distDir: DIST_DIR,
        database: PORTAL_DB,
        v8Flags: PORTAL_V8_FLAGS,
      },
      simulator: { ...SIM_SETTINGS, url: SIMULATOR_URL },
      durationsSeconds: DURATION,
      saleAmountMajor: SALE_AMOUNT_MAJOR,
      responses:
        'uncompressed (no Accept-Encoding); latency = request sent to response complete; TTFB = request sent to headers received',
      buildSeconds,
    },
    ratios: ratios(phases),
    targets: targets(phases),
    invariants: {
      checked: ['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'E1'],
      databases: ['portal', 'ledger ceiling', 'raw ceiling', 'raw unprepared'],
      violations,
    },
    phases,
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(
    RESULTS_DIR,
    `${startedAt.toISOString().slice(0, 10)}${QUICK ? '.quick.tmp' : '.json'}`,
  );
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

  printTable(phases, violations, log);
  log(
    `\n[bench] results written to ${file} (${Math.round((Date.now() - startedAt.getTime()) / 1000)} s)`,
  );
  if (violations.length > 0) {
    log('[bench] portal log tail:');
    for (const line of stack.portalLog.slice(-30)) log(`  ${line}`);
  }
  process.exitCode = violations.length > 0 ? 1 : 0;
}

main().catch(async (error: unknown) => {
  if (wasInterrupted()) return; // the signal handler stops the children and exits
  console.error('[bench] crashed:', error);
  await stopAll(1000);
  process.exit(1);
});
