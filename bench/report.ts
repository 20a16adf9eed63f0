/** Turns raw phase results into ratios and target verdicts, prints the table. Targets are reported, never asserted. */
import fs from 'node:fs';
import path from 'node:path';
import type { LoadResult } from './load';
import type { LatencySummary } from './stats';
import type { JsSizes } from './js-size';
import type { Sample } from './sampler';

type Engine = 'sqlite' | 'postgres';

export interface DbSide {
  salesPerSec: number;
  latencyMs: LatencySummary;
  measuredSeconds: number;
}
export interface DbCeiling {
  ledger: DbSide;
  raw: DbSide;
  rawUnprepared: DbSide;
  statementsPerSale: { ledger: number; raw: number };
  /** One durable IMMEDIATE commit of one row: a sale makes two, on the server's one event loop. */
  durableCommit: { commitsPerSec: number; latencyMs: LatencySummary; measuredSeconds: number };
  violations: { ledger: string[]; raw: string[]; rawUnprepared: string[] };
  /** PostgreSQL: the server's durability settings (a throwaway cluster runs with fsync off). */
  server?: Record<string, string>;
}
export interface SalePhase extends LoadResult {
  providerLatencyMs: number;
  salesByStatus: Record<string, number>;
  ambiguousAnswers: number;
}
export interface MixedPhase extends LoadResult {
  salesByStatus: Record<string, number>;
  ambiguousAnswers: number;
  byScenario: Record<string, Record<string, number>>;
  finalPerSecDuringLoad: number;
  finalPerSecOverall: number;
  peakPending: number;
  drainedAfterSeconds: number | null;
  timeline: {
    t: number;
    final: number;
    pending: number;
    manualReview: number;
    finalPerSec: number;
  }[];
}

export interface Phases {
  dbCeiling: DbCeiling;
  health10: LoadResult;
  health50: LoadResult;
  /** The sale action refusing an empty number: the entry point's own floor (no sale, no provider). */
  actionFloor: LoadResult;
  pipelineInstant: SalePhase;
  /** The same sale through POST /api/v1/sales (JSON, API key, Idempotency-Key). */
  apiPipelineInstant: SalePhase;
  pipeline200: SalePhase;
  mixed: MixedPhase;
  /** /account: the same layout, session check and shell as the dashboard, without its sales data. */
  pageFloorTtfb: LoadResult;
  dashboard: LoadResult;
  dashboardTtfb: LoadResult;
  history: LoadResult;
  historyTtfb: LoadResult;
  historyRows: number;
  js: JsSizes & { htmlCrossCheck: Record<string, boolean> };
}

export interface Target {
  id: string;
  description: string;
  value: string;
  met: boolean;
}

const r2 = (n: number) => Math.round(n * 100) / 100;
const JS_BUDGET_BYTES = 60_000;

export function ratios(p: Phases) {
  const ideal200 = p.pipeline200.connections / (p.pipeline200.providerLatencyMs / 1000);
  return {
    ledgerOverRaw: r2(p.dbCeiling.ledger.salesPerSec / p.dbCeiling.raw.salesPerSec),
    rawUnpreparedOverRaw: r2(p.dbCeiling.rawUnprepared.salesPerSec / p.dbCeiling.raw.salesPerSec),
    pipelineInstantOverHealth50: r2(p.pipelineInstant.throughput / p.health50.throughput),
    actionFloorOverHealth50: r2(p.actionFloor.throughput / p.health50.throughput),
    apiSaleOverHealth50: r2(p.apiPipelineInstant.throughput / p.health50.throughput),
    apiSaleOverSaleAction: r2(p.apiPipelineInstant.throughput / p.pipelineInstant.throughput),
    /** Sales per second two durable commits alone allow on one event loop. */
    commitFloorSalesPerSec: Math.round(p.dbCeiling.durableCommit.commitsPerSec / 2),
    pipeline200OverIdeal: r2(p.pipeline200.throughput / ideal200),
    pipeline200Ideal: ideal200,
    mixedFinalPerSecOverHealth50: r2(p.mixed.finalPerSecDuringLoad / p.health50.throughput),
    dashboardOverHealth50: r2(p.dashboard.throughput / p.health50.throughput),
    historyOverHealth50: r2(p.history.throughput / p.health50.throughput),
  };
}

export function targets(p: Phases, engine: Engine = 'sqlite'): Target[] {
  const q = ratios(p);
  return [
    {
      id: 'pipeline-instant',
      description:
        'sale pipeline (instant provider) ≥ 50 % of health@50 and p99 < 150 ms at 50 connections',
      value: `${Math.round(q.pipelineInstantOverHealth50 * 100)} %, p99 ${p.pipelineInstant.latencyMs.p99} ms`,
      met: q.pipelineInstantOverHealth50 >= 0.5 && p.pipelineInstant.latencyMs.p99 < 150,
    },
    {
      id: 'pipeline-200ms',
      description: `with 200 ms provider latency ≥ 80 % of connections ÷ latency (${q.pipeline200Ideal} sales/s)`,
      value: `${Math.round(q.pipeline200OverIdeal * 100)} % (${p.pipeline200.throughput}/s)`,
      met: q.pipeline200OverIdeal >= 0.8,
    },
    engine === 'sqlite'
      ? {
          id: 'ledger',
          description: 'in-process purchase transactions ≥ 80 % of raw SQLite',
          value: `${Math.round(q.ledgerOverRaw * 100)} %`,
          met: q.ledgerOverRaw >= 0.8,
        }
      : {
          id: 'ledger-pg',
          description: 'in-process purchase transactions ≥ 50 % of the same statements as raw pg',
          value: `${Math.round(q.ledgerOverRaw * 100)} %`,
          met: q.ledgerOverRaw >= 0.5,
        },
    {
      id: 'dashboard-ttfb',
      description: 'dashboard p99 TTFB < 100 ms at 20 connections',
      value: `${p.dashboardTtfb.ttfbMs?.p99} ms`,
      met: (p.dashboardTtfb.ttfbMs?.p99 ?? Infinity) < 100,
    },
    {
      id: 'agent-js',
      description: 'agent pages ship ≤ 60 kB gzipped JS beyond the framework',
      value: `max ${(p.js.maxBeyondFrameworkGzipBytes / 1000).toFixed(1)} kB`,
      met: p.js.maxBeyondFrameworkGzipBytes <= JS_BUDGET_BYTES,
    },
  ];
}

export function mixedTimeline(samples: Sample[], loadEndT: number) {
  const timeline = samples.map((s, i) => {
    const prev = samples[i - 1];
    const dt = prev ? s.t - prev.t : s.t;
    return {
      t: r2(s.t),
      final: s.final,
      pending: s.pending,
      manualReview: s.manualReview,
      finalPerSec: prev && dt > 0 ? r2((s.final - prev.final) / dt) : 0,
    };
  });
  const atLoadEnd = samples.filter((s) => s.t <= loadEndT + 0.01).pop();
  const last = samples[samples.length - 1];
  const drained = samples.find((s) => s.t > loadEndT && s.pending === 0);
  return {
    timeline,
    finalPerSecDuringLoad: atLoadEnd && atLoadEnd.t > 0 ? r2(atLoadEnd.final / atLoadEnd.t) : 0,
    finalPerSecOverall: last && last.t > 0 ? r2(last.final / (drained?.t ?? last.t)) : 0,
    peakPending: Math.max(0, ...samples.map((s) => s.pending)),
    drainedAfterSeconds: drained ? r2(drained.t - loadEndT) : null,
  };
}

const SCENARIO: Record<string, string> = {
  '00-49': 'success',
  '51': 'pending→success',
  '53': 'hang',
  '55': 'HTML 500',
  '59': 'failed',
};

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function printTable(p: Phases, log: (line: string) => void, engine: Engine): void {
  const q = ratios(p);
  const pg = engine === 'postgres';
  const row = (name: string, conns: string, rps: number, l: LatencySummary, ratio: string) =>
    log(
      `${pad(name, 38)}${lpad(conns, 6)}${lpad(rps.toFixed(1), 10)}${lpad(l.p50.toFixed(1), 9)}${lpad(l.p95.toFixed(1), 9)}${lpad(l.p99.toFixed(1), 9)}  ${ratio}`,
    );
  log('');
  log(
    `${pad('measure', 38)}${lpad('conns', 6)}${lpad('per sec', 10)}${lpad('p50 ms', 9)}${lpad('p95 ms', 9)}${lpad('p99 ms', 9)}  ratio to ceiling`,
  );
  log('-'.repeat(110));
  row(
    pg ? 'raw pg purchase txns (ceiling)' : 'raw SQLite purchase txns (ceiling)',
    '1',
    p.dbCeiling.raw.salesPerSec,
    p.dbCeiling.raw.latencyMs,
    '1.00 (ceiling)',
  );
  row(
    pg ? '  raw pg, unnamed statements (diag.)' : '  raw SQL, prepared on every use (diag.)',
    '1',
    p.dbCeiling.rawUnprepared.salesPerSec,
    p.dbCeiling.rawUnprepared.latencyMs,
    `${q.rawUnpreparedOverRaw} × raw`,
  );
  row(
    'ledger openSale + applyProviderResult',
    '1',
    p.dbCeiling.ledger.salesPerSec,
    p.dbCeiling.ledger.latencyMs,
    `${q.ledgerOverRaw} × raw`,
  );
  row(
    pg ? '  one-row transaction (floor)' : '  durable commit, one row (floor)',
    '1',
    p.dbCeiling.durableCommit.commitsPerSec,
    p.dbCeiling.durableCommit.latencyMs,
    `2 per sale: at most ${q.commitFloorSalesPerSec} sales/s`,
  );
  row(
    'GET /api/health',
    '10',
    p.health10.throughput,
    p.health10.latencyMs,
    `${r2(p.health10.throughput / p.health50.throughput)} × health@50`,
  );
  row(
    'GET /api/health (HTTP ceiling)',
    '50',
    p.health50.throughput,
    p.health50.latencyMs,
    '1.00 (ceiling)',
  );
  row(
    '  sale action refused by zod (floor)',
    String(p.actionFloor.connections),
    p.actionFloor.throughput,
    p.actionFloor.latencyMs,
    `${q.actionFloorOverHealth50} × health@50`,
  );
  row(
    'sale action, provider instant',
    String(p.pipelineInstant.connections),
    p.pipelineInstant.throughput,
    p.pipelineInstant.latencyMs,
    `${q.pipelineInstantOverHealth50} × health@50`,
  );
  row(
    'API create-sale, provider instant',
    String(p.apiPipelineInstant.connections),
    p.apiPipelineInstant.throughput,
    p.apiPipelineInstant.latencyMs,
    `${q.apiSaleOverHealth50} × health@50, ${q.apiSaleOverSaleAction} × sale action`,
  );
  row(
    'sale action, provider +200 ms',
    String(p.pipeline200.connections),
    p.pipeline200.throughput,
    p.pipeline200.latencyMs,
    `${q.pipeline200OverIdeal} × conns÷latency (${q.pipeline200Ideal}/s)`,
  );
  row(
    'sale action, mixed outcomes (responses)',
    String(p.mixed.connections),
    p.mixed.throughput,
    p.mixed.latencyMs,
    `${r2(p.mixed.throughput / p.health50.throughput)} × health@50`,
  );
  log(
    `${pad('  mixed: sales reaching a final state', 38)}${lpad('', 6)}${lpad(p.mixed.finalPerSecDuringLoad.toFixed(1), 10)}   peak pending ${p.mixed.peakPending}, drained ${p.mixed.drainedAfterSeconds ?? 'not'} s after load, ${q.mixedFinalPerSecOverHealth50} × health@50`,
  );
  row(
    '  GET /account TTFB (page floor)',
    String(p.pageFloorTtfb.connections),
    p.pageFloorTtfb.throughput,
    p.pageFloorTtfb.ttfbMs!,
    `${r2(p.pageFloorTtfb.throughput / p.health50.throughput)} × health@50`,
  );
  row(
    'GET /dashboard (full response)',
    String(p.dashboard.connections),
    p.dashboard.throughput,
    p.dashboard.latencyMs,
    `${q.dashboardOverHealth50} × health@50`,
  );
  row(
    'GET /dashboard TTFB',
    String(p.dashboardTtfb.connections),
    p.dashboardTtfb.throughput,
    p.dashboardTtfb.ttfbMs!,
    '',
  );
  row(
    `GET /transactions (${p.historyRows} rows; full)`,
    String(p.history.connections),
    p.history.throughput,
    p.history.latencyMs,
    `${q.historyOverHealth50} × health@50`,
  );
  row(
    'GET /transactions TTFB',
    String(p.historyTtfb.connections),
    p.historyTtfb.throughput,
    p.historyTtfb.ttfbMs!,
    '',
  );
  const http = [
    p.health10,
    p.health50,
    p.actionFloor,
    p.pipelineInstant,
    p.apiPipelineInstant,
    p.pipeline200,
    p.mixed,
    p.pageFloorTtfb,
    p.dashboard,
    p.dashboardTtfb,
    p.history,
    p.historyTtfb,
  ];
  for (const x of http.filter((h) => h.non2xx + h.errors + h.timeouts + h.mismatches > 0)) {
    log(
      `  ! ${x.name}: ${x.non2xx} non-2xx, ${x.errors} errors, ${x.timeouts} timeouts, ${x.mismatches} bodies without the expected result`,
    );
  }
  log(
    `  mixed, final status by simulator scenario: ${Object.entries(p.mixed.byScenario)
      .map(([k, v]) => `${SCENARIO[k] ?? k} ${JSON.stringify(v)}`)
      .join('; ')}`,
  );
  const phase = (x: { salesByStatus: Record<string, number>; ambiguousAnswers: number }) =>
    `${JSON.stringify(x.salesByStatus)} (${x.ambiguousAnswers} not-definite first answers)`;
  log(
    `  sales by final status (incl. warm-up): instant ${phase(p.pipelineInstant)}; API ${phase(p.apiPipelineInstant)}; +200 ms ${phase(p.pipeline200)}; mixed ${phase(p.mixed)}`,
  );
  log('');
  log(
    `JS beyond the framework (gzip): ${p.js.pages.map((x) => `${x.page} ${(x.beyondFrameworkGzipBytes / 1000).toFixed(1)} kB`).join(', ')}; framework ${(p.js.frameworkGzipBytes / 1000).toFixed(1)} kB`,
  );
  log('');
  log('targets (reported, not asserted):');
  for (const t of targets(p, engine))
    log(`  ${t.met ? 'MET    ' : 'NOT MET'}  ${pad(t.description, 100)} ${t.value}`);
}

/**
 * The ratios a results file records. On PostgreSQL the DB ceiling's two are named for what they
 * divide by (raw `pg`), so they are never read as the SQLite ones.
 */
export function engineRatios(p: Phases, engine: Engine): Record<string, number> {
  const { ledgerOverRaw, rawUnpreparedOverRaw, ...http } = ratios(p);
  return engine === 'sqlite'
    ? { ledgerOverRaw, rawUnpreparedOverRaw, ...http }
    : { ledgerOverRawPg: ledgerOverRaw, rawUnnamedOverRawPg: rawUnpreparedOverRaw, ...http };
}

export interface SqliteRun {
  file: string;
  ratios: Record<string, number>;
  throughput: Record<string, number>;
}

const THROUGHPUT_PHASES = [
  'health50',
  'pipelineInstant',
  'apiPipelineInstant',
  'pipeline200',
] as const;
const throughputOf = (p: Pick<Phases, (typeof THROUGHPUT_PHASES)[number]>) =>
  Object.fromEntries(THROUGHPUT_PHASES.map((k) => [k, p[k].throughput]));

/** The newest full SQLite result on disk (bench/results/<date>T<time>.json), to show beside PostgreSQL. */
export function latestSqliteRun(dir = 'bench/results'): SqliteRun | null {
  const file = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.includes('.postgres.'))
    .sort()
    .pop();
  if (!file) return null;
  const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
    ratios: Record<string, number>;
    phases: Phases;
  };
  return { file, ratios: json.ratios, throughput: throughputOf(json.phases) };
}

/** The SQLite run's ratios beside PostgreSQL's with one and with two portal processes. */
export function printSideBySide(
  sqlite: SqliteRun | null,
  one: Phases,
  two: Phases,
  log: (line: string) => void,
): void {
  const [q1, q2] = [engineRatios(one, 'postgres'), engineRatios(two, 'postgres')];
  const [t1, t2] = [throughputOf(one), throughputOf(two)];
  const cell = (v: number | undefined) => lpad(v === undefined ? '–' : String(v), 14);
  log(`ratios side by side (SQLite: ${sqlite?.file ?? 'no full SQLite run on disk'})`);
  log(
    `${pad('ratio', 34)}${lpad('SQLite', 14)}${lpad('pg, 1 portal', 14)}${lpad('pg, 2 portals', 14)}`,
  );
  const row = (name: string, s: number | undefined, a: number | undefined, b: number | undefined) =>
    log(`${pad(name, 34)}${cell(s)}${cell(a)}${cell(b)}`);
  row(
    'ledger ÷ raw (same engine)',
    sqlite?.ratios.ledgerOverRaw,
    q1.ledgerOverRawPg,
    q2.ledgerOverRawPg,
  );
  for (const k of Object.keys(q1).filter(
    (k) => !/Raw|Ideal$|PerSec$/.test(k) || k === 'pipeline200OverIdeal',
  ))
    row(k, sqlite?.ratios[k], q1[k], q2[k]);
  for (const k of THROUGHPUT_PHASES) row(`${k} per sec`, sqlite?.throughput[k], t1[k], t2[k]);
}
