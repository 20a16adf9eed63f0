/** The requery worker on its own (`npm run worker`), for deployments that split it from the web server. */
import './load-env-file';
import { getDb } from '@/db';
import { startBulkRunner } from '@/lib/bulk/runner';
import { startRequeryWorker } from '@/lib/purchases/requery-worker';
import { startWebhookWorker } from '@/lib/webhooks/deliver';

const stops = [startRequeryWorker(getDb()), startBulkRunner(getDb()), startWebhookWorker(getDb())];
console.log(
  '[worker] requery worker running, with bulk sales and webhook deliveries; Ctrl-C to stop',
);
const keepAlive = setInterval(() => {}, 60_000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const stop of stops) stop();
    clearInterval(keepAlive);
    process.exit(0);
  });
}
