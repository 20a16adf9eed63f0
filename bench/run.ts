/**
 * `npm run bench` (issue #10): builds the portal into .next-bench, starts it and the simulator on
 * their own ports and database, drives them with autocannon from a separate child process, checks
 * I1–I9 on every bench database, writes bench/results/<date>T<time>.json and prints a table.
 * `--engine postgres` (issue #17) runs the same on PostgreSQL, once with one portal process and once
 * with two, and shows its ratios beside the last SQLite run's; it needs a server (BENCH_DATABASE_URL
 * or TEST_DATABASE_URL), else it runs itself under scripts/pg-throwaway.sh.
 * Exits 1 only on an invariant violation or a crash; performance targets are reported, not asserted.
 * Flags: --quick (short phases, result as .tmp), --skip-build (reuse .next-bench), --engine.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '@/db/client';
import { connectPostgres } from '@/db/pg/runtime';
import { closeDatabase } from '@/db/query';
import { allViolations } from '@/lib/ledger/invariants';
import { dropDatabase } from '@/test/world/engine';
import {
  childEnv,
  DIST_DIR,
  DURATION,
  ENGINE,
  LEDGER_DB,
  PG_SERVER_URL,
  PORTAL_SETTINGS,
  PORTAL_URL,
  QUICK,
  RESULTS_DIR,
  SALE_AMOUNT_MAJOR,
  SIM_SETTINGS,
  SIMULATOR_URL,
  SKIP_BUILD,
} from './config';
import { runHttpPhases } from './http-phases';
import { AGENT_PAGES, measureJs } from './js-size';
import { lastJson, runScript, stopAll, wasInterrupted } from './processes';
import {
  engineRatios,
  latestSqliteRun,
  printSideBySide,
  printTable,
  targets,
  type DbCeiling,
  type Phases,
} from './report';
import { compareWithReference, printComparison } from './reference';
import { PORTAL_V8_FLAGS } from '@/scripts/portal-node-options';
import { signIn } from './session';
import { sellActionId } from './action-id';
import { startStack } from './stack';
import { snapshotTsconfig } from '@/scripts/keep-tsconfig';

const log = (line: string) => console.log(line);

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

/** Without a PostgreSQL server at hand, the run repeats itself beside a throwaway cluster. */
function underThrowawayPostgres(): Promise<number> {
  log(
    '[bench] no BENCH_DATABASE_URL or TEST_DATABASE_URL: starting a throwaway PostgreSQL cluster',
  );
  return new Promise((resolve, reject) => {
    const child = spawn(
      'scripts/pg-throwaway.sh',
      [process.execPath, '--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)],
      { stdio: 'inherit' },
    );
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** I1–I9 and E1 on the portal's database once its processes stopped; a PostgreSQL one is dropped. */
async function portalViolations(location: string): Promise<string[]> {
  if (ENGINE === 'sqlite') {
    const db = openDatabase(location, { migrate: false });
    try {
      return await allViolations(db);
    } finally {
      await closeDatabase(db);
    }
  }
  const db = connectPostgres(location, { max: 1 });
  try {
    return await allViolations(db);
  } finally {
    await closeDatabase(db);
    await dropDatabase(new URL(location).pathname.slice(1));
  }
}

async function main() {
  if (ENGINE === 'postgres' && !PG_SERVER_URL) {
    process.exitCode = await underThrowawayPostgres();
    return;
  }
  // test/world/engine makes and drops the bench's databases on this server.
  if (ENGINE === 'postgres') process.env.TEST_DATABASE_URL = PG_SERVER_URL;
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const buildSeconds = SKIP_BUILD ? null : await build();
  const jsSizes = measureJs(DIST_DIR);

  log(`[bench] DB ceiling (${ENGINE}): ${DURATION.dbCeiling} s each, in alternating slices`);
  const dbCeiling = lastJson<DbCeiling>(
    ENGINE === 'sqlite'
      ? await runScript('bench/db-ceiling.ts', [], childEnv({ DATABASE_PATH: LEDGER_DB }))
      : await runScript('bench/db-ceiling-pg.ts', [], childEnv()),
  );

  // SQLite: one portal process (its writers are one process's). PostgreSQL: one, then two.
  const runs: { portals: number; phases: Phases; violations: string[] }[] = [];
  for (const portals of ENGINE === 'postgres' ? [1, 2] : [1]) {
    log(`[bench] ${ENGINE}, ${portals} portal process${portals > 1 ? 'es' : ''}`);
    const stack = await startStack(log, portals);
    const cookie = await signIn();
    const http = await runHttpPhases(stack, { cookie, actionId: sellActionId() }, log);
    const js = { ...jsSizes, htmlCrossCheck: await htmlCrossCheck(cookie, jsSizes) };
    await stopAll();
    const violations = (await portalViolations(stack.location)).map(
      (v) => `portal db (${portals} portal${portals > 1 ? 's' : ''}): ${v}`,
    );
    if (violations.length > 0) {
      log('[bench] portal log tail:');
      for (const line of stack.portalLog.slice(-30)) log(`  ${line}`);
    }
    runs.push({ portals, phases: { dbCeiling, ...http, js }, violations });
  }

  const violations = [
    ...runs.flatMap((r) => r.violations),
    ...dbCeiling.violations.ledger.map((v) => `ledger ceiling db: ${v}`),
    ...dbCeiling.violations.raw.map((v) => `raw ceiling db: ${v}`),
    ...dbCeiling.violations.rawUnprepared.map((v) => `raw unprepared db: ${v}`),
  ];
  const [single, double] = runs as [(typeof runs)[0], (typeof runs)[0] | undefined];
  const sqliteRun = ENGINE === 'postgres' ? latestSqliteRun() : null;
  const common = {
    issue: ENGINE === 'postgres' ? 17 : 10,
    engine: ENGINE,
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
      ...(ENGINE === 'sqlite'
        ? {
            sqlite: {
              journal_mode: 'WAL',
              synchronous: 'FULL',
              busy_timeout: 10000,
              foreign_keys: 'ON',
            },
          }
        : { postgres: dbCeiling.server ?? {} }),
      portal: {
        ...PORTAL_SETTINGS,
        url: PORTAL_URL,
        distDir: DIST_DIR,
        database: ENGINE === 'sqlite' ? 'data/bench/portal.db' : 'a fresh database per stack',
        v8Flags: PORTAL_V8_FLAGS,
      },
      simulator: { ...SIM_SETTINGS, url: SIMULATOR_URL },
      durationsSeconds: DURATION,
      saleAmountMajor: SALE_AMOUNT_MAJOR,
      responses:
        'uncompressed (no Accept-Encoding); latency = request sent to response complete; TTFB = request sent to headers received',
      buildSeconds,
    },
    invariants: {
      checked: ['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'E1'],
      databases: [
        ...runs.map((r) => `portal (${r.portals} portal process${r.portals > 1 ? 'es' : ''})`),
        'ledger ceiling',
        'raw ceiling',
        'raw unprepared',
      ],
      violations,
    },
  };
  const report =
    ENGINE === 'sqlite'
      ? {
          ...common,
          ratios: engineRatios(single.phases, 'sqlite'),
          reference: compareWithReference(engineRatios(single.phases, 'sqlite')),
          targets: targets(single.phases, 'sqlite'),
          phases: single.phases,
        }
      : {
          ...common,
          ratios: {
            onePortal: engineRatios(single.phases, 'postgres'),
            twoPortals: engineRatios(double!.phases, 'postgres'),
          },
          sqliteRun: sqliteRun && { file: sqliteRun.file, ratios: sqliteRun.ratios },
          targets: {
            onePortal: targets(single.phases, 'postgres'),
            twoPortals: targets(double!.phases, 'postgres'),
          },
          phases: {
            dbCeiling,
            js: single.phases.js,
            onePortal: { ...single.phases, dbCeiling: undefined, js: undefined },
            twoPortals: { ...double!.phases, dbCeiling: undefined, js: undefined },
          },
        };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  // Date and UTC time (2026-12-02T1650): several runs a day each keep their file, names sort by time.
  const stamp = startedAt.toISOString().slice(0, 16).replace(':', '');
  const suffix = `${ENGINE === 'postgres' ? '.postgres' : ''}${QUICK ? '.quick.tmp' : '.json'}`;
  const file = path.join(RESULTS_DIR, `${stamp}${suffix}`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

  for (const run of runs) {
    log('');
    log(`== ${ENGINE}, ${run.portals} portal process${run.portals > 1 ? 'es' : ''}`);
    printTable(run.phases, log, ENGINE);
  }
  log('');
  if (ENGINE === 'sqlite')
    printComparison(compareWithReference(engineRatios(single.phases, 'sqlite')), log);
  else printSideBySide(sqliteRun, single.phases, double!.phases, log);
  log('');
  log(
    violations.length === 0
      ? 'invariants I1–I9 and E1: hold on every bench database'
      : `invariants VIOLATED (${violations.length}):\n  ${violations.slice(0, 20).join('\n  ')}`,
  );
  log(
    `\n[bench] results written to ${file} (${Math.round((Date.now() - startedAt.getTime()) / 1000)} s)`,
  );
  process.exitCode = violations.length > 0 ? 1 : 0;
}

main().catch(async (error: unknown) => {
  if (wasInterrupted()) return; // the signal handler stops the children and exits
  console.error('[bench] crashed:', error);
  await stopAll(1000);
  process.exit(1);
});
