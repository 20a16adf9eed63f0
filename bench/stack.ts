/** The system under test: simulator and portal (its own server, as `npm start` runs it, on the bench build), each a child process. */
import fs from 'node:fs';
import { childEnv, DATA_DIR, DIST_DIR, PORTAL_URL, SIMULATOR_URL } from './config';
import { portalNodeOptions } from '@/scripts/portal-node-options';
import { lastJson, runScript, startService, waitForHttp, TSX } from './processes';

export interface Stack {
  agentId: number;
  productId: number;
  apiKey: string;
  portalLog: string[];
}

export async function startStack(log: (line: string) => void): Promise<Stack> {
  if (!fs.existsSync(`${DIST_DIR}/BUILD_ID`))
    throw new Error(`no build in ${DIST_DIR}: run without --skip-build`);
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const portalLog: string[] = [];
  const keep = (line: string) => {
    portalLog.push(line);
    if (portalLog.length > 400) portalLog.shift();
    if (/error|warn/i.test(line)) log(line);
  };

  startService('sim', TSX, ['bench/sim.ts'], childEnv(), keep);
  await waitForHttp(`${SIMULATOR_URL}/__health`, 20_000);
  const { agentId, productId, apiKey } = lastJson<{
    agentId: number;
    productId: number;
    apiKey: string;
  }>(await runScript('bench/prepare.ts', [], childEnv()));
  log(`[bench] database ready: bench agent ${agentId}, MTN airtime product ${productId}`);

  // BENCH_PORTAL_NODE_ARGS profiles the portal alone, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
  // (Node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = process.env.BENCH_PORTAL_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // The same server and V8 settings as `npm start` gives the portal; it listens on PORTAL_URL.
  const serverArgs = ['--import', 'tsx', 'scripts/portal-server.ts'];
  startService(
    'portal',
    process.execPath,
    [...nodeArgs, ...serverArgs],
    childEnv({ NODE_OPTIONS: portalNodeOptions() }),
    keep,
  );
  await waitForHttp(`${PORTAL_URL}/api/health`, 60_000);
  return { agentId, productId, apiKey, portalLog };
}
