/**
 * Development aid, not part of the report: runs one load phase against a portal started with
 * `node --cpu-prof`, so a profile shows where that phase spends the portal's CPU.
 *   npx tsx bench/profile.ts sale|dashboard|dashboard-ttfb|history|history-ttfb|health [seconds] [profile dir]
 * Then read the .cpuprofile in Chrome DevTools (the build's source maps name the functions).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { closeDatabase } from '@/db/query';
import { PORTAL_DB, PORTAL_URL, SALE_AMOUNT_MAJOR } from './config';
import type { LoadResult, LoadSpec } from './load';
import { ledgerSeller } from './ledger-seller';
import { lastJson, runScript, stopAll } from './processes';
import { signIn } from './session';
import { startStack } from './stack';
import { sellActionId } from './action-id';

async function main() {
  const [phase = 'sale', seconds = '10', dir = '/tmp/prof'] = process.argv.slice(2);
  // A dir of '-' measures without profiling; BENCH_PORTAL_NODE_ARGS adds flags of its own (e.g. GC settings).
  const profiling = dir !== '-';
  if (profiling) fs.rmSync(dir, { recursive: true, force: true });
  process.env.BENCH_PORTAL_NODE_ARGS = `${process.env.BENCH_PORTAL_NODE_ARGS ?? ''}${profiling ? ` --cpu-prof --cpu-prof-dir=${path.resolve(dir)}` : ''}`;
  const stack = await startStack(console.log);
  const cookie = await signIn();
  if (phase !== 'sale')
    await seedSales(stack.agentId, stack.productId, Number(process.env.BENCH_SEED_SALES ?? 3000));
  const base = { urls: [PORTAL_URL], warmup: 2, duration: Number(seconds) };
  const spec: LoadSpec =
    phase === 'sale'
      ? {
          ...base,
          kind: 'sale',
          name: 'sale',
          connections: 50,
          cookie,
          actionId: sellActionId(),
          productId: stack.productId,
          amount: SALE_AMOUNT_MAJOR,
          phase: 1,
          mix: 'success',
        }
      : {
          ...base,
          kind: phase.endsWith('-ttfb') ? 'ttfb' : 'get',
          name: phase,
          connections: phase === 'health' ? 50 : 20,
          cookie,
          path:
            { dashboard: '/dashboard', history: '/transactions', health: '/api/health' }[
              phase.replace(/-ttfb$/, '')
            ] ?? '/api/health',
        };
  const result = lastJson<LoadResult>(
    await runScript('bench/load.ts', [JSON.stringify(spec)], process.env),
  );
  console.log(
    `${phase}: ${result.throughput}/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, non2xx ${result.non2xx}, mismatches ${result.mismatches}`,
  );
  if (result.ttfbMs)
    console.log(
      `  TTFB p50 ${result.ttfbMs.p50} ms, p95 ${result.ttfbMs.p95} ms, p99 ${result.ttfbMs.p99} ms`,
    );
  await stopAll();
  if (process.env.BENCH_PORTAL_LOG) console.log(stack.portalLog.join('\n'));
  if (profiling) console.log(`profile in ${dir}: ${fs.readdirSync(dir).join(', ')}`);
}

/** Page phases read the agent's history: give the agent settled sales first, written in-process. */
async function seedSales(agentId: number, productId: number, count: number) {
  const db = openDatabase(PORTAL_DB, { migrate: false });
  const sell = await ledgerSeller(db, agentId, productId, `seed-${Date.now()}`);
  for (let n = 0; n < count; n += 1) await sell();
  await closeDatabase(db);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll(1000);
  process.exit(1);
});
