/** The system under test: simulator and portal (its own server, as `npm start` runs it, on the bench build), each a child process. */
import fs from 'node:fs';
import { childEnv, DATA_DIR, DIST_DIR, ENGINE, portalUrlOf, SIMULATOR_URL } from './config';
import { portalNodeOptions } from '@/scripts/portal-node-options';
import { lastJson, runScript, startService, waitForHttp, TSX } from './processes';

export interface Stack {
  agentId: number;
  productId: number;
  apiKey: string;
  /** The portal's database: the SQLite file, or the PostgreSQL database's URL. */
  location: string;
  /** One URL per portal process, all serving the same database. */
  urls: string[];
  portalLog: string[];
}

/**
 * Starts the simulator, prepares a fresh database and starts `portals` portal processes on it (more
 * than one only on PostgreSQL: SQLite's writers are one process's). The first listens on PORTAL_URL,
 * the others on the ports after it, all with the same public URL, as behind one load balancer.
 */
export async function startStack(log: (line: string) => void, portals = 1): Promise<Stack> {
  if (portals > 1 && ENGINE !== 'postgres')
    throw new Error('several portal processes share a database only on PostgreSQL');
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
  const { agentId, productId, apiKey, location } = lastJson<{
    agentId: number;
    productId: number;
    apiKey: string;
    location: string;
  }>(await runScript('bench/prepare.ts', [], childEnv()));
  log(`[bench] database ready: bench agent ${agentId}, MTN airtime product ${productId}`);
  const database: Record<string, string> = ENGINE === 'postgres' ? { DATABASE_URL: location } : {};

  // BENCH_PORTAL_NODE_ARGS profiles the portal alone, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
  // (Node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = process.env.BENCH_PORTAL_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // The same server and V8 settings as `npm start` gives the portal; it listens on PORTAL_URL.
  const serverArgs = ['--import', 'tsx', 'scripts/portal-server.ts'];
  const urls = Array.from({ length: portals }, (_, i) => portalUrlOf(i));
  urls.forEach((url, i) =>
    startService(
      portals > 1 ? `portal${i + 1}` : 'portal',
      process.execPath,
      [...nodeArgs, ...serverArgs],
      childEnv({
        NODE_OPTIONS: portalNodeOptions(),
        ...database,
        LISTEN_PORT: new URL(url).port,
      }),
      keep,
    ),
  );
  for (const url of urls) await waitForHttp(`${url}/api/health`, 60_000);
  return { agentId, productId, apiKey, location, urls, portalLog };
}
