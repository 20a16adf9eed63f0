/**
 * Development aid, not part of the report: runs one load phase against a portal started with
 * `node --cpu-prof`, so a profile shows where that phase spends the portal's CPU.
 *   npx tsx bench/profile.ts sale|dashboard|history|health [seconds] [profile dir]
 * Then read the .cpuprofile in Chrome DevTools (the build's source maps name the functions).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PORTAL_URL, SALE_AMOUNT_MAJOR } from './config';
import type { LoadResult, LoadSpec } from './load';
import { lastJson, runScript, stopAll } from './processes';
import { signIn } from './session';
import { startStack } from './stack';
import { sellActionId } from './action-id';

async function main() {
  const [phase = 'sale', seconds = '10', dir = '/tmp/prof'] = process.argv.slice(2);
  fs.rmSync(dir, { recursive: true, force: true });
  process.env.BENCH_PORTAL_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${path.resolve(dir)}`;
  const stack = await startStack(console.log);
  const cookie = await signIn();
  const base = { url: PORTAL_URL, warmup: 2, duration: Number(seconds) };
  const spec: LoadSpec = phase === 'sale'
    ? { ...base, kind: 'sale', name: 'sale', connections: 50, cookie, actionId: sellActionId(), productId: stack.productId, amount: SALE_AMOUNT_MAJOR, phase: 1, mix: 'success' }
    : { ...base, kind: 'get', name: phase, connections: phase === 'health' ? 50 : 20, cookie, path: { dashboard: '/dashboard', history: '/transactions', health: '/api/health' }[phase] ?? '/api/health' };
  const result = lastJson<LoadResult>(await runScript('bench/load.ts', [JSON.stringify(spec)], process.env));
  console.log(`${phase}: ${result.throughput}/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, non2xx ${result.non2xx}, mismatches ${result.mismatches}`);
  await stopAll();
  console.log(`profile in ${dir}: ${fs.readdirSync(dir).join(', ')}`);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll(1000);
  process.exit(1);
});
