import { getDb } from '@/db';
import { backupConfig } from '@/lib/backup/config';
import { startBackupSchedule } from '@/lib/backup/schedule';
import { syncCatalogue } from '@/lib/catalogue/run-sync';
import { env } from '@/lib/env';
import { startHealthMonitor } from '@/lib/health/monitor';
import { startBulkRunner } from '@/lib/bulk/runner';
import { startRequeryWorker } from '@/lib/purchases/requery-worker';
import { startWebhookWorker } from '@/lib/webhooks/deliver';

const CATALOGUE_EVERY_MS = 30 * 60_000;

/** Retries the first sync until the simulator (or a provider) answers, then keeps it fresh. */
async function keepCatalogueFresh() {
  const db = getDb();
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const outcomes = await syncCatalogue(db).catch(() => []);
    if (outcomes.length > 0 && outcomes.every((o) => !('error' in o))) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  setInterval(
    () => void syncCatalogue(db).catch((e) => console.error('[catalogue] sync failed', e)),
    CATALOGUE_EVERY_MS,
  ).unref();
}

/** Started once per server process by instrumentation.ts. */
export function startBackgroundWork() {
  void keepCatalogueFresh();
  if (env.REQUERY_WORKER === 'on') {
    startRequeryWorker(getDb());
    startBulkRunner(getDb());
    startWebhookWorker(getDb());
  }
  startHealthMonitor({ db: getDb() });
  if (env.BACKUP_SCHEDULE === 'on') startBackupSchedule(getDb(), backupConfig());
}
