/** The requery worker on its own (`npm run worker`), for deployments that split it from the web server. */
import './load-env-file';
import { getDb } from '@/db';
import { startRequeryWorker } from '@/lib/purchases/requery-worker';

const stop = startRequeryWorker(getDb());
console.log('[worker] requery worker running; Ctrl-C to stop');
const keepAlive = setInterval(() => {}, 60_000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stop();
    clearInterval(keepAlive);
    process.exit(0);
  });
}
